import { list } from './data.ts';
import { isChatFiller, isFunctionWord } from './function-words.ts';
import { morphy } from './morphy.ts';
import { variantCandidates } from './spelling-rules.ts';
import { entry } from './words.ts';

/**
 * General English word knowledge, the same for every article: which words are ordinary
 * English, their base forms, synonyms of their frequent senses, related forms, what kind of
 * thing a noun names, and British/American spellings. From WordNet 3.1 (Princeton University),
 * precomputed by `npm run lexical:build`. Input words are lower case.
 */

export { CHAT_FILLER, FUNCTION_WORDS, isChatFiller, isFunctionWord } from './function-words.ts';

const memo = <T>(fn: (word: string) => T) => {
  const cache = new Map<string, T>();
  return (word: string): T => {
    let value = cache.get(word);
    if (value === undefined && !cache.has(word)) cache.set(word, (value = fn(word)));
    return value as T;
  };
};

const norm = (word: string) => word.toLowerCase().replace(/[’‘]/g, "'").trim();

/** Base forms (WordNet's morphy), ordinary words before names: went -> go, cities -> city, met -> meet. */
export const lemmas: (word: string) => readonly string[] = memo((word) => Object.freeze(morphy(norm(word))));

/**
 * Ordinary English in any inflection (visits, visited, leaders, bigger), and the function words
 * WordNet leaves out. False for what WordNet knows only as a name (pyongyang, clinton).
 */
export function isEnglishWord(word: string): boolean {
  const w = norm(word);
  if (isFunctionWord(w)) return true;
  return lemmas(w).some((l) => entry(l)?.common === true) || spellingVariants(w).some((v) => lemmas(v).some((l) => entry(l)?.common === true));
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
  return own > 0 ? own : Math.max(0, ...lemmas(w).map((l) => entry(l)?.zipf ?? 0));
}

function fromBases(name: 'synonyms' | 'related' | 'categories', word: string): readonly string[] {
  const w = norm(word);
  const out: string[] = [];
  const keys = [w, ...lemmas(w)];
  for (const key of keys) for (const item of list(name, key)) if (!out.includes(item) && item !== w) out.push(item);
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
  for (const key of [w, ...lemmas(w)]) for (const item of list('related', key)) if (!out.includes(item)) out.push(item);
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
export const spellingVariants: (word: string) => readonly string[] = memo((word) => {
  const w = norm(word);
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
