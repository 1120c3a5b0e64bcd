import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isStopword } from '../src/engine/language.ts';
import { scriptOf, words } from '../src/engine/normalise.ts';
import { ENGLISH } from '../src/engine/word-knowledge.ts';
import type { KnowledgeBase, Passage } from '../src/knowledge/types.ts';

/**
 * Questions for the benchmark and for the answer snapshot: the project's own question sets,
 * plus reworded variants made by fixed, deterministic transformations, so the timings are of
 * questions the knowledge does not hold word for word.
 */

/** The question sets about the shipped article, in a fixed order. */
export const SHIPPED_SETS = [
  'tests/fixtures/questions.yaml',
  'tests/fixtures/questions-holdout.yaml',
  'tests/fixtures/questions-channel.yaml',
  'tests/fixtures/questions-forum.yaml',
  'tests/fixtures/questions-mixed.yaml',
];
export const GENERALISATION_DIR = 'tests/fixtures/generalisation';

export async function yamlQuestions(path: string): Promise<string[]> {
  const fixture = parseYaml(await readFile(path, 'utf8')) as { answerable?: { q: string }[]; unanswerable?: { q: string }[] };
  return [...(fixture.answerable ?? []), ...(fixture.unanswerable ?? [])].map((i) => i.q);
}

export async function jsonlQuestions(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}

/** Every question of the sets about the shipped article, each once, in a fixed order. */
export async function shippedQuestions(root = '.'): Promise<string[]> {
  const out: string[] = [];
  for (const set of SHIPPED_SETS) out.push(...(await yamlQuestions(join(root, set)).catch(() => [])));
  return [...new Set(out)];
}

/** The generalisation articles (slug, article path, questions), sorted by slug. */
export async function generalisationSets(root = '.'): Promise<{ slug: string; article: string; questions: string[] }[]> {
  const dir = join(root, GENERALISATION_DIR);
  const slugs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return Promise.all(
    slugs.map(async (slug) => ({
      slug,
      article: join(dir, slug, 'article.md'),
      questions: await jsonlQuestions(join(dir, slug, 'questions.jsonl')),
    })),
  );
}

const FILLERS = ['hey so', 'quick q', 'ok so', 'um'];

/** A deterministic slip: the two middle letters of the longest word swapped. */
function typo(ws: string[]): string[] | undefined {
  let at = -1;
  for (let i = 0; i < ws.length; i++) if (ws[i]!.length >= 5 && (at < 0 || ws[i]!.length > ws[at]!.length)) at = i;
  if (at < 0) return undefined;
  const w = ws[at]!;
  const m = Math.floor(w.length / 2);
  if (w[m - 1] === w[m]) return undefined;
  const out = [...ws];
  out[at] = w.slice(0, m - 1) + w[m] + w[m - 1] + w.slice(m + 1);
  return out;
}

/** Reworded forms of one question: a word dropped, two swapped, filler added, a typo, lowercase without punctuation. */
export function variants(question: string, seed: number): string[] {
  const ws = question.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  if (ws.length >= 3) {
    const drop = 1 + (seed % (ws.length - 1));
    out.push(ws.filter((_, i) => i !== drop).join(' '));
    const swap = seed % (ws.length - 1);
    const swapped = [...ws];
    [swapped[swap], swapped[swap + 1]] = [swapped[swap + 1]!, swapped[swap]!];
    out.push(swapped.join(' '));
  }
  out.push(`${FILLERS[seed % FILLERS.length]} ${question}`);
  const slipped = typo(ws);
  if (slipped) out.push(slipped.join(' '));
  out.push(words(question).join(' '));
  return out;
}

const key = (text: string) => words(text).join(' ');

/**
 * Held-out questions: the question sets and their variants, less any text that equals a
 * phrasing the knowledge indexes (compared normalised), each once, in a fixed order.
 */
export function heldOut(questions: readonly string[], kb: KnowledgeBase): string[] {
  const indexed = new Set<string>();
  for (const e of kb.qa) for (const q of e.questions) indexed.add(key(q));
  for (const f of kb.facts) for (const t of [f.name, ...f.aliases, f.role ?? '', ...f.roleAliases]) indexed.add(key(t));
  const seen = new Set<string>();
  const out: string[] = [];
  questions.forEach((q, i) => {
    for (const text of [q, ...variants(q, i)]) {
      const k = key(text);
      if (indexed.has(k) || seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  });
  return out;
}

/** Letters a name can be written in, as [first, last] code point: Latin, Cyrillic, Hangul syllables. */
const ALPHABETS: ReadonlyArray<readonly [number, number]> = [
  [0x61, 0x7a],
  [0x430, 0x44f],
  [0xac00, 0xd7a3],
];

/**
 * Copy k's spelling of a name word: every letter moved along its alphabet by 1 + the i-th
 * base-25 digit of k, so the length (and with it every mention's offsets) and the case stay,
 * copies of one name differ, and no copy is a typo away from the original.
 */
export function renamed(word: string, k: number): string {
  let out = '';
  let i = 0;
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const code = lower.codePointAt(0)!;
    const alphabet = ALPHABETS.find(([lo, hi]) => code >= lo && code <= hi);
    if (!alphabet || lower.length !== ch.length) {
      out += ch;
      continue;
    }
    const [lo, hi] = alphabet;
    const shift = 1 + (Math.floor(k / 25 ** i) % 25);
    const moved = String.fromCodePoint(lo + ((code - lo + shift) % (hi - lo + 1)));
    out += ch === lower ? moved : moved.toUpperCase();
    i++;
  }
  return out;
}

/** A year stays a year (1800-2099) and any other number keeps its digits' count: dates are still found. */
function renumbered(token: string, k: number): string {
  const v = Number(token);
  if (token.length === 4 && v >= 1800 && v < 2100) return String(1800 + ((v - 1800 + k) % 300));
  const low = 10 ** (token.length - 1);
  return token.length < 2 ? token : String(low + ((v - low + k) % (9 * low))).padStart(token.length, '0');
}

interface NameWords {
  /** Names in any case ("putin", "Putin"), and numbers that name ("2000" of "the 2000 visit"). */
  readonly anyCase: ReadonlySet<string>;
  /** Ordinary words only where written capitalised, as in a name: "Kremlin", "Far East", not "the far side". */
  readonly capitalised: ReadonlySet<string>;
  /** The same in lower case. */
  readonly capitalisedLower: ReadonlySet<string>;
}

/**
 * The words that make the knowledge's names its own: those of every fact's name and aliases,
 * less stopwords and single letters. Ordinary English ("visit", "north") is shared by a bigger
 * knowledge base, so it counts only written capitalised; Cyrillic names are written capitalised.
 */
function nameWords(kb: KnowledgeBase): NameWords {
  const anyCase = new Set<string>();
  const capitalised = new Set<string>();
  for (const f of kb.facts)
    for (const alias of [f.name, ...f.aliases])
      for (const [w] of alias.matchAll(TOKEN)) {
        const lower = w.toLowerCase();
        if (/^\p{N}+$/u.test(w)) {
          if (w.length >= 2) anyCase.add(w);
          continue;
        }
        if (lower.length < 2 || isStopword(lower)) continue;
        const script = scriptOf(lower);
        const ordinary = script === 'latin' ? ENGLISH.isOrdinary(lower) : script === 'cyrillic';
        if (!ordinary) anyCase.add(lower);
        else if (w !== lower) capitalised.add(w);
      }
  return { anyCase, capitalised, capitalisedLower: new Set([...capitalised].map((w) => w.toLowerCase())) };
}

/** Words, numbers, and initialisms as one ("D.P.R.K."). */
const TOKEN = /\p{L}(?:\.\p{L})+\.?|\p{L}+|\p{N}+/gu;

/**
 * N times the knowledge, as a knowledge base N times bigger would be: every Q&A entry and fact
 * copied with its id suffixed `-kN`, and the article's paragraphs repeated, copy k after the
 * original ones, so every sentence id the copies cite exists (copy k of entry cites copy k of
 * its passages). Each copy names its own people, places and organisations (see renamed), in
 * every text it holds, while the ordinary words are shared by all: a bigger knowledge base is
 * about more things, not about the same name N times. Scale 1 is the knowledge itself.
 */
export function scaleKnowledge(kb: KnowledgeBase, n: number): KnowledgeBase {
  if (n <= 1) return kb;
  const paragraphs = kb.article.paragraphs.length;
  const shiftId = (id: string, k: number) => {
    const m = /^p(\d+)(.*)$/.exec(id);
    return m ? `p${Number(m[1]) + k * paragraphs}${m[2]}` : id;
  };
  const names = nameWords(kb);
  // Questions and aliases are typed in lower case ("what did the kremlin say"): there a name's
  // ordinary words are the name too.
  const rename = (text: string, k: number, typed = false) =>
    k === 0
      ? text
      : text.replace(TOKEN, (w) => {
          const lower = w.toLowerCase();
          const named = names.anyCase.has(lower) || names.capitalised.has(w) || (typed && names.capitalisedLower.has(lower));
          return !named ? w : /^\p{N}/u.test(w) ? renumbered(w, k) : renamed(w, k);
        });
  const renameAll = (texts: readonly string[], k: number) => texts.map((t) => rename(t, k, true));
  const shift = (p: Passage, k: number): Passage => ({ ...p, id: shiftId(p.id, k), paragraph: p.paragraph + k * paragraphs, text: rename(p.text, k) });
  const copies = Array.from({ length: n }, (_, k) => k);
  const paragraphList = copies.flatMap((k) => kb.article.paragraphs.map((p) => shift(p, k)));
  const sentenceList = copies.flatMap((k) => kb.article.sentences.map((p) => shift(p, k)));
  const passages = new Map<string, Passage>();
  for (const p of [...paragraphList, ...sentenceList]) passages.set(p.id, p);
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-k${k}`);
  return {
    ...kb,
    article: { ...kb.article, paragraphs: paragraphList, sentences: sentenceList, passages },
    qa: copies.flatMap((k) =>
      kb.qa.map((e) => ({
        ...e,
        id: suffix(e.id, k),
        questions: renameAll(e.questions, k),
        answer: rename(e.answer, k),
        cite: e.cite.map((c) => shiftId(c, k)),
        ...(e.evidence ? { evidence: e.evidence.map((t) => rename(t, k)) } : {}),
      })),
    ),
    facts: copies.flatMap((k) =>
      kb.facts.map((f) => ({
        ...f,
        id: suffix(f.id, k),
        name: rename(f.name, k, true),
        aliases: renameAll(f.aliases, k),
        ...(f.role !== undefined ? { role: rename(f.role, k, true) } : {}),
        roleAliases: renameAll(f.roleAliases, k),
        description: rename(f.description, k),
        cite: f.cite.map((c) => shiftId(c, k)),
        ...(f.evidence ? { evidence: f.evidence.map((t) => rename(t, k)) } : {}),
      })),
    ),
    derivedFactIds: new Set(copies.flatMap((k) => [...kb.derivedFactIds].map((id) => suffix(id, k)))),
    mentions: copies.flatMap((k) =>
      kb.mentions.map((m) => ({
        ...m,
        text: rename(m.text, k),
        passageId: shiftId(m.passageId, k),
        ...(m.entityId ? { entityId: suffix(m.entityId, k) } : {}),
      })),
    ),
  };
}
