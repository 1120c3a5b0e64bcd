import { isStopword } from './language.ts';
import { stem } from './lexicon.ts';

/**
 * The sentences worth deciding about for a question, found through posting lists: Okapi BM25
 * over the stems of each sentence. Nothing is scanned: the cost of a question grows with the
 * postings of its own words.
 */

export const BM25 = Object.freeze({
  /** How fast a repeated word stops counting (Robertson's usual 1.2). */
  k1: 1.2,
  /** How much a long sentence is discounted for its length (the usual 0.75). */
  b: 0.75,
});

export interface Bm25Hit {
  /** Index of the sentence. */
  readonly owner: number;
  readonly score: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** The stems a text is matched on: content words only, each as often as it stands. */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0].replace(/['’]s$/, '');
    if (!isStopword(w)) out.push(stem(w));
  }
  return out;
}

export class Bm25Index {
  readonly #postings = new Map<string, { owner: number; tf: number }[]>();
  readonly #lengths: Float64Array;
  readonly #avgLength: number;
  readonly #n: number;

  constructor(texts: readonly string[]) {
    this.#n = texts.length;
    this.#lengths = new Float64Array(texts.length);
    texts.forEach((text, owner) => {
      const stems = stemsOf(text);
      this.#lengths[owner] = stems.length;
      const tf = new Map<string, number>();
      for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
      for (const [s, n] of tf) {
        const list = this.#postings.get(s);
        if (list) list.push({ owner, tf: n });
        else this.#postings.set(s, [{ owner, tf: n }]);
      }
    });
    this.#avgLength = texts.length ? this.#lengths.reduce((a, b) => a + b, 0) / texts.length : 1;
  }

  /** How rare a stem is among the sentences (BM25's idf, never below 0). */
  idf(s: string): number {
    const df = this.#postings.get(s)?.length ?? 0;
    return Math.log(1 + (this.#n - df + 0.5) / (df + 0.5));
  }

  has(s: string): boolean {
    return this.#postings.has(s);
  }

  /** Every sentence holding a query stem, best first (each distinct stem counts once). */
  search(query: readonly string[]): Bm25Hit[] {
    const scores = new Map<number, number>();
    for (const s of new Set(query)) {
      const list = this.#postings.get(s);
      if (!list) continue;
      const idf = this.idf(s);
      for (const { owner, tf } of list) {
        const norm = BM25.k1 * (1 - BM25.b + (BM25.b * this.#lengths[owner]!) / this.#avgLength);
        scores.set(owner, (scores.get(owner) ?? 0) + (idf * tf * (BM25.k1 + 1)) / (tf + norm));
      }
    }
    return [...scores].map(([owner, score]) => ({ owner, score })).sort((a, b) => b.score - a.score || a.owner - b.owner);
  }

  /** The best a sentence could score: every query stem once, at average length. */
  ceiling(query: readonly string[]): number {
    let sum = 0;
    for (const s of new Set(query)) sum += this.#postings.has(s) ? this.idf(s) : 0;
    return sum;
  }
}
