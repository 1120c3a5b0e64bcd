import { kindsOf, list } from './data.ts';
import { isFunctionWord } from './function-words.ts';
import { irregularForms, morphy } from './morphy.ts';
export { irregularForms };
import { americanOf, variantCandidates } from './spelling-rules.ts';
import { entry, hasPos } from './words.ts';

/**
 * General English word knowledge, the same for every article: which words are ordinary
 * English, their base forms, synonyms of their frequent senses, related forms, what kind of
 * thing a noun names, and British/American spellings. From WordNet 3.1 (Princeton University),
 * precomputed by `npm run lexical:build`. Input words are lower case.
 */

export { CHAT_FILLER, FUNCTION_WORDS, isChatFiller, isFunctionWord } from './function-words.ts';

/** Answers are kept per word; the cache starts over past a bound, so odd input cannot grow it without end. */
const MEMO_LIMIT = 50_000;
const memo = <T>(fn: (word: string) => T) => {
  const cache = new Map<string, T>();
  return (word: string): T => {
    if (cache.has(word)) return cache.get(word) as T;
    if (cache.size >= MEMO_LIMIT) cache.clear();
    const value = fn(word);
    cache.set(word, value);
    return value;
  };
};

/** Lower case, straight apostrophes, and no possessive ending ("russia's" is "russia"). */
function norm(word: string): string {
  const w = word.toLowerCase().replace(/[’‘]/g, "'").trim();
  if (isFunctionWord(w)) return w;
  return w.replace(/'s$|(?<=s)'$/, '');
}

/** Base forms (WordNet's morphy), ordinary words before names: went -> go, cities -> city, met -> meet. */
export const lemmas: (word: string) => readonly string[] = memo((word) => {
  const w = norm(word);
  // Grammar words are no inflections of nouns: "has" is not "ha", "his" not "hi", "does" not "doe".
  if (isFunctionWord(w)) return Object.freeze([AUXILIARIES.get(w) ?? w]);
  const bases = morphy(w);
  // A compound WordNet does not know inflects at its end: co-chairmen -> co-chairman.
  const dash = w.lastIndexOf('-');
  if (bases.length === 0 && dash > 0 && dash < w.length - 1) {
    const head = w.slice(0, dash + 1);
    for (const base of morphy(w.slice(dash + 1))) if (base !== w.slice(dash + 1)) bases.push(head + base);
  }
  return Object.freeze(bases);
});

const AUXILIARIES: ReadonlyMap<string, string> = new Map(
  [
    ['be', 'am is are was were been being'],
    ['have', 'has had having'],
    ['do', 'does did done doing'],
  ].flatMap(([base, forms]) => forms!.split(' ').map((f) => [f, base!] as const)),
);

/** Prefixes written with a hyphen (pre-tax, co-founder, ex-minister). */
const PREFIXES: ReadonlySet<string> = new Set('pre post non co ex anti pro re multi inter intra sub super vice semi mid self'.split(' '));

/**
 * Ordinary English in any inflection (visits, visited, leaders, bigger), and the function words
 * WordNet leaves out. False for what WordNet knows only as a name (pyongyang, clinton).
 */
export function isEnglishWord(word: string): boolean {
  const w = norm(word);
  if (isFunctionWord(w)) return true;
  // A compound of English words is English (people-to-people, state-owned), unless WordNet has it whole.
  if (w.includes('-') && !entry(w)) {
    const parts = w.split('-');
    const english = (part: string, i: number) =>
      part.length > 0 && ((i < parts.length - 1 && PREFIXES.has(part)) || isEnglishWord(part));
    if (parts.every(english)) return true;
  }
  return lemmas(w).some((l) => entry(l)?.common === true) || britishAmerican(w).some((v) => lemmas(v).some((l) => entry(l)?.common === true));
}

/** A lemma WordNet knows only capitalised: countries, cities, people, months, peoples and languages. */
export function isProperName(word: string): boolean {
  const w = norm(word);
  const e = entry(w);
  if (e) return e.proper && !e.common;
  const bases = lemmas(w);
  return bases.length > 0 && bases.every((l) => {
    const b = entry(l);
    return b !== undefined && b.proper && !b.common;
  });
}

/** WordNet knows the word as a name, perhaps beside an ordinary sense (china, turkey, bush). */
export function mayBeName(word: string): boolean {
  const w = norm(word);
  return entry(w)?.proper === true;
}

/** How common the word (or its base form) is in everyday spoken English, on the Zipf scale (3 = once per million words, 0 = unseen or unknown). */
export function frequency(word: string): number {
  const w = norm(word);
  const own = entry(w)?.zipf ?? 0;
  if (own > 0) return own;
  const base = Math.max(0, ...lemmas(w).map((l) => entry(l)?.zipf ?? 0));
  // A compound WordNet does not know is as common as its rarest part (people-to-people).
  if (base === 0 && w.includes('-')) return Math.min(...w.split('-').map((part) => (part ? frequency(part) : 0)));
  return base;
}

function fromBases(name: 'synonyms' | 'categories', word: string): readonly string[] {
  const w = norm(word);
  if (isFunctionWord(w)) return []; // "it" is no abbreviation of information technology here
  const out: string[] = [];
  const bases = lemmas(w);
  // "banks" is the plural of bank before it is the name Banks.
  const own = entry(w);
  const nameOnly = own !== undefined && !own.common && bases.some((b) => b !== w && entry(b)?.common);
  const keys = nameOnly ? bases.filter((b) => b !== w) : [w, ...bases];
  const read = name === 'categories' ? kindsOf : (key: string) => list(name, key);
  for (const key of keys) for (const item of read(key)) if (!out.includes(item) && item !== w) out.push(item);
  return Object.freeze(out);
}

/**
 * Synonyms from the word's frequent senses only (WordNet's sense-tagged counts decide which
 * senses are frequent), each a common word or phrase that has this sense as one of its own main
 * senses: buy -> purchase, shut -> close, chief -> head. Base forms, lower case.
 */
export const synonyms: (word: string) => readonly string[] = memo((word) => fromBases('synonyms', word));

/**
 * Words derived from the same root or pertaining to one another: russian <-> russia,
 * visit -> visitor, resign -> resignation, economic -> economy. Includes the word itself when
 * WordNet links its noun and verb (cut the verb -> cut the noun).
 */
export const related: (word: string) => readonly string[] = memo((word) => {
  const w = norm(word);
  const out: string[] = [];
  if (isFunctionWord(w)) return Object.freeze(out);
  for (const key of [w, ...lemmas(w)]) {
    // English turns verbs into nouns without an ending (a cut, a visit): the same word, related.
    if (hasPos(key, 'n') && hasPos(key, 'v') && !out.includes(key)) out.push(key);
    for (const item of list('related', key)) if (!out.includes(item)) out.push(item);
  }
  return Object.freeze(out);
});

/**
 * What kind of thing a noun names, nearest first: the hypernyms (for names, the instance
 * hypernyms) of its main senses, a few levels up, without the most general ones (entity,
 * object, abstraction). dublin -> national capital, port, capital, city, ...
 */
export const categoriesOf: (word: string) => readonly string[] = memo((word) => fromBases('categories', word));

/** Whether `word` names a kind of `category` (dublin is a city; march is a month). */
export function isA(word: string, category: string): boolean {
  return categoriesOf(word).includes(norm(category));
}

/**
 * British and American spellings of the word, in the same inflection: colour/color,
 * defence/defense, organised/organized, travelled/traveled. A rule's output counts only when
 * WordNet lists both spellings in one synset, or both are inflections of one lemma.
 */
const britishAmerican: (word: string) => readonly string[] = memo((w) => {
  const parts = w.split(/([ -])/);
  // A compound varies part by part (people-centred, defence minister), unless WordNet has it whole.
  if (parts.length > 1 && !entry(w)) {
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2)
      for (const v of britishAmerican(parts[i]!)) out.push([...parts.slice(0, i), v, ...parts.slice(i + 1)].join(''));
    return Object.freeze(out);
  }
  const own = [w, ...morphy(w)];
  const pairs = new Set(own.flatMap((l) => list('variants', l)));
  const out: string[] = [];
  for (const candidate of variantCandidates(w)) {
    const bases = morphy(candidate);
    if (!bases.some((b) => entry(b)?.common)) continue;
    if (pairs.has(candidate) || bases.some((b) => pairs.has(b) || (own.includes(b) && b !== w && b !== candidate)))
      out.push(candidate);
  }
  return Object.freeze(out);
});

/** Words that end a phrasal compound: write-down, buy-back, shake-up, roll-out. */
const PARTICLES: ReadonlySet<string> = new Set('up ups down out outs off offs over back backs in ins on away'.split(' '));

/**
 * The ways a compound is written: closed, hyphenated or open (pretax/pre-tax/pre tax,
 * writedown/write-down, buybacks/buy-backs). A closed word is split only where both parts are
 * English (or a prefix and a word), and only when it is not a word WordNet knows in use on its
 * own (today is not to-day).
 */
function compoundForms(w: string): string[] {
  const out: string[] = [];
  if (/[ -]/.test(w)) {
    const parts = w.split(/[ -]/);
    const closed = parts.join('');
    if (entry(closed)?.common || lemmas(closed).some((l) => entry(l)?.common)) out.push(closed);
    if (w.includes('-')) out.push(parts.join(' '));
    else if (parts.length === 2) out.push(parts.join('-'));
    return out;
  }
  const own = entry(w);
  if (w.length < 6 || !/^[a-z]+$/.test(w) || isFunctionWord(w) || own?.proper || (own !== undefined && own.established !== 0))
    return out;
  if (lemmas(w).some((l) => l !== w && (entry(l)?.established ?? 0) !== 0)) return out; // chairmen is chairman's

  for (let i = 2; i <= w.length - 2 && out.length < 4; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    // The first part as it stands (write-down, not writed-own); the last may be inflected (buy-backs).
    const headOk = PREFIXES.has(head) || (head.length >= 3 && !isFunctionWord(head) && entry(head) !== undefined && isPlainWord(head));
    const tailOk = PARTICLES.has(tail) || (tail.length >= 3 && !isFunctionWord(tail) && isPlainWord(tail));
    if (headOk && tailOk) out.push(`${head}-${tail}`, `${head} ${tail}`);
  }
  return out;
}

/** An everyday word (about once in a million words or more): what a compound is made of. */
const isPlainWord = (w: string) => lemmas(w).some((l) => entry(l)?.common === true && entry(l)!.zipf >= 3);

/**
 * Other spellings of the word: British and American (colour/color, organised/organized,
 * travelled/traveled), and closed, hyphenated or open compounds (pretax/pre-tax).
 */
export const spellingVariants: (word: string) => readonly string[] = memo((word) => {
  const w = norm(word);
  const out = [...britishAmerican(w)];
  for (const form of compoundForms(w)) if (form !== w && !out.includes(form)) out.push(form);
  return Object.freeze(out);
});

/**
 * One spelling for both British and American forms, to index and look up by: the American one
 * (colour -> color, organised -> organized); a word without a variant is itself.
 */
export const canonicalSpelling: (word: string) => string = memo((word) => {
  const w = norm(word);
  const variants = britishAmerican(w);
  if (variants.length === 0) return w;
  const american = variants.filter((v) => americanOf(w).has(v));
  return american.length > 0 ? american.sort()[0]! : w;
});

