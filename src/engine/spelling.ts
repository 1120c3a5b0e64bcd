import Fuse from 'fuse.js';

/** Damerau-Levenshtein (optimal string alignment) distance, giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many edits a word of this length may be away from a known word: short words need to be exact-ish. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  return 2;
}

/**
 * Corrects typos word by word against the knowledge vocabulary. fuse.js proposes
 * candidates among known words of a similar length; the edit distance decides, so a word is
 * only ever replaced by one a slip of the keyboard away.
 */
export class SpellingCorrector {
  readonly #byLength = new Map<number, Fuse<string>>();
  readonly #frequency: ReadonlyMap<string, number>;

  constructor(frequency: ReadonlyMap<string, number>) {
    this.#frequency = frequency;
    const buckets = new Map<number, string[]>();
    for (const word of frequency.keys()) {
      if (word.length < 3 || /^\p{N}+$/u.test(word)) continue;
      const list = buckets.get(word.length) ?? [];
      list.push(word);
      buckets.set(word.length, list);
    }
    for (const [length, list] of buckets)
      this.#byLength.set(
        length,
        new Fuse(list.sort(), { includeScore: true, threshold: 0.45, ignoreLocation: true, isCaseSensitive: true, shouldSort: true }),
      );
  }

  /** The known word this one was most likely meant to be, or undefined when none is close enough. */
  correct(word: string): string | undefined {
    const max = allowedEdits(word.length);
    if (max === 0 || /\p{N}/u.test(word)) return undefined;
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (let length = word.length - max; length <= word.length + max; length++) {
      const fuse = this.#byLength.get(length);
      if (!fuse) continue;
      for (const hit of fuse.search(word, { limit: 8 })) {
        const candidate = hit.item;
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        // A first letter is rarely mistyped: without this "lavrov" and "kavrov" would tie.
        if (candidate[0] !== word[0] && word.length < 6) continue;
        const penalty = candidate[0] === word[0] ? 0 : 0.5;
        const frequency = this.#frequency.get(candidate) ?? 0;
        const score = distance + penalty;
        if (
          !best ||
          score < best.distance ||
          (score === best.distance && (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)))
        )
          best = { word: candidate, distance: score, frequency };
      }
    }
    return best?.word;
  }
}
