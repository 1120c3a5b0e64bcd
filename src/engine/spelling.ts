import { lowerBound } from './sorted.ts';
/** Damerau-Levenshtein (optimal string alignment) distance, giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows: the transposition looks two rows back.
  let before = new Uint16Array(b.length + 1);
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** How many edits a word of this length may be away from a known word: short words need to be exact-ish. */
export function allowedEdits(length: number): number {
  // Nobody's typo is 25 letters long; such "words" are keyboard mashing and not worth the search.
  if (length < 4 || length > 24) return 0;
  if (length < 7) return 1;
  return 2;
}

/** Every string made by deleting up to `depth` characters from `word` (itself included). */
function deletions(word: string, depth: number, out = new Set<string>()): Set<string> {
  out.add(word);
  if (depth === 0 || word.length <= 1) return out;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) deletions(shorter, depth - 1, out);
  }
  return out;
}

/** FNV-1a over UTF-16 code units: 32 bits, as an unsigned number. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `key` is `word` with at most `depth` characters deleted. */
function isDeletionOf(key: string, word: string, depth: number): boolean {
  const extra = word.length - key.length;
  if (extra < 0 || extra > depth) return false;
  let k = 0;
  for (let i = 0; i < word.length && k < key.length; i++) if (word[i] === key[k]) k++;
  return k === key.length;
}

/** Room for the word's number beside a 32-bit hash in one exact double (2^21 words). */
const WORD_SLOTS = 2 ** 21;

/**
 * Corrects typos word by word against the knowledge vocabulary. Two words within two edits
 * share a string reachable by deleting at most two characters from each, so an index of
 * such deletions finds every candidate in a few lookups instead of a scan of the vocabulary;
 * the edit distance then decides, so a word is only ever replaced by one a slip of the
 * keyboard away. The index holds each deletion as its hash beside the word's number, sorted,
 * in one typed array (hundreds of thousands of deletions as strings in a map took megabytes);
 * a word found through a hash that only collides is not one of its deletions and is skipped.
 */
export class SpellingCorrector {
  /** hash * WORD_SLOTS + word number, ascending. */
  readonly #byDeletion: Float64Array;
  readonly #words: readonly string[];
  readonly #frequency: Float64Array;
  readonly #maxEdits: number;

  /** `maxEdits` caps the edits further than the word's length allows. */
  constructor(frequency: ReadonlyMap<string, number>, maxEdits = 2) {
    this.#maxEdits = maxEdits;
    const words = [...frequency.keys()].sort().filter((word) => !(word.length < 3 || /\p{N}/u.test(word)));
    if (words.length >= WORD_SLOTS) throw new Error(`a spelling vocabulary of ${words.length} words is too large`);
    this.#words = words;
    this.#frequency = Float64Array.from(words, (w) => frequency.get(w) ?? 0);
    let packed = new Float64Array(words.length * 8);
    let size = 0;
    words.forEach((word, index) => {
      for (const key of deletions(word, this.#depth(word))) {
        if (size === packed.length) {
          const grown = new Float64Array(packed.length * 2);
          grown.set(packed);
          packed = grown;
        }
        packed[size++] = hash32(key) * WORD_SLOTS + index;
      }
    });
    this.#byDeletion = packed.slice(0, size).sort();
  }

  /** How many deletions of a known word the index holds. */
  #depth(word: string): number {
    return Math.min(this.#maxEdits, allowedEdits(word.length + 2));
  }

  /** The first position in the index at or past `value`. */
  #lowerBound(value: number): number {
    return lowerBound(this.#byDeletion, value);
  }

  /** The known word this one was most likely meant to be, or undefined when none is close enough. */
  correct(word: string): string | undefined {
    const max = Math.min(this.#maxEdits, allowedEdits(word.length));
    if (max === 0 || /\p{N}/u.test(word)) return undefined;
    const index = this.#byDeletion;
    const seen = new Set<number>();
    let best: { word: string; score: number; frequency: number } | undefined;
    for (const key of deletions(word, max)) {
      const base = hash32(key) * WORD_SLOTS;
      for (let at = this.#lowerBound(base); at < index.length && index[at]! < base + WORD_SLOTS; at++) {
        const number = index[at]! - base;
        if (seen.has(number)) continue;
        const candidate = this.#words[number]!;
        if (!isDeletionOf(key, candidate, this.#depth(candidate))) continue;
        seen.add(number);
        // A first letter is rarely mistyped: without this "test" would become "west".
        if (candidate[0] !== word[0] && word.length < 6) continue;
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        const score = distance + (candidate[0] === word[0] ? 0 : 0.5);
        const frequency = this.#frequency[number]!;
        if (
          !best ||
          score < best.score ||
          (score === best.score && (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)))
        )
          best = { word: candidate, score, frequency };
      }
    }
    return best?.word;
  }
}
