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

/**
 * Corrects typos word by word against the knowledge vocabulary. Two words within two edits
 * share a string reachable by deleting at most two characters from each, so an index of
 * such deletions finds every candidate in a few lookups instead of a scan of the vocabulary;
 * the edit distance then decides, so a word is only ever replaced by one a slip of the
 * keyboard away.
 */
export class SpellingCorrector {
  readonly #byDeletion = new Map<string, string[]>();
  readonly #frequency: ReadonlyMap<string, number>;
  readonly #maxEdits: number;

  /** `maxEdits` caps the edits further than the word's length allows. */
  constructor(frequency: ReadonlyMap<string, number>, maxEdits = 2) {
    this.#frequency = frequency;
    this.#maxEdits = maxEdits;
    for (const word of [...frequency.keys()].sort()) {
      if (word.length < 3 || /\p{N}/u.test(word)) continue;
      for (const key of deletions(word, Math.min(this.#maxEdits, allowedEdits(word.length + 2)))) {
        const list = this.#byDeletion.get(key);
        if (list) list.push(word);
        else this.#byDeletion.set(key, [word]);
      }
    }
  }

  /** The known word this one was most likely meant to be, or undefined when none is close enough. */
  correct(word: string): string | undefined {
    const max = Math.min(this.#maxEdits, allowedEdits(word.length));
    if (max === 0 || /\p{N}/u.test(word)) return undefined;
    const seen = new Set<string>();
    let best: { word: string; score: number; frequency: number } | undefined;
    for (const key of deletions(word, max)) {
      for (const candidate of this.#byDeletion.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        // A first letter is rarely mistyped: without this "test" would become "west".
        if (candidate[0] !== word[0] && word.length < 6) continue;
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        const score = distance + (candidate[0] === word[0] ? 0 : 0.5);
        const frequency = this.#frequency.get(candidate) ?? 0;
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
