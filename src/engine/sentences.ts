import type { Passage } from '../knowledge/types.ts';
import { isStopword, WEAK_WORDS } from './language.ts';
import { stem, type Analysis, type Lexicon } from './lexicon.ts';
import type { WordKnowledge } from './word-knowledge.ts';

/** A word the question shares with a sentence only through a general synonym counts this much. */
const SYNONYM_CREDIT = 0.8;
/** Everyday words say little about which sentence is meant. */
const WEAK_WEIGHT = 0.4;

export interface SentenceMatch {
  /** Index into the article's sentences. */
  readonly owner: number;
  /** Share of the question's weight the sentence explains, 0..1. */
  readonly score: number;
  /** Weight of the question terms the sentence holds, and of those that are not everyday words. */
  readonly matched: number;
  readonly matchedStrong: number;
  /** The question's terms the sentence holds, as the sentence holds them. */
  readonly shared: readonly string[];
}

interface Slot {
  readonly term: string;
  readonly weight: number;
  readonly strong: boolean;
  /** Terms of the sentences that mean the same, with the credit each gives. */
  readonly alternatives: ReadonlyArray<readonly [string, number]>;
}

/**
 * Ranks the article's sentences against a question with a graded score: every question term
 * counts by how rare it is among the sentences (BM25's idf), and a sentence explains as much
 * of the question as the weight of the terms it holds, directly, through the knowledge's
 * concepts, or through a general English synonym. No all-or-nothing rule: the caller decides
 * how much is enough.
 */
export class SentenceRanker {
  readonly #postings = new Map<string, number[]>();
  readonly #terms: (readonly string[])[] = [];
  readonly #idf = new Map<string, number>();
  readonly #medianIdf: number;
  readonly #maxIdf: number;
  readonly #weakStems: ReadonlySet<string> = new Set([...WEAK_WORDS].map(stem));

  constructor(
    readonly sentences: readonly Passage[],
    readonly lexicon: Lexicon,
    readonly words: WordKnowledge,
  ) {
    sentences.forEach((s, i) => {
      const terms = [...new Set(lexicon.analyseKnown(s.text).terms)];
      this.#terms.push(terms);
      for (const t of terms) {
        const list = this.#postings.get(t);
        if (list) list.push(i);
        else this.#postings.set(t, [i]);
      }
    });
    const n = sentences.length;
    for (const [t, list] of this.#postings) this.#idf.set(t, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    const idfs = [...this.#idf.values()].sort((a, b) => a - b);
    this.#medianIdf = idfs[Math.floor(idfs.length / 2)] ?? 1;
    this.#maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  }

  /** Whether any sentence holds this term. */
  has(term: string): boolean {
    return this.#postings.has(term);
  }

  /** The matching terms of one sentence. */
  termsOf(owner: number): readonly string[] {
    return this.#terms[owner] ?? [];
  }

  /** How much a term says about which sentence is meant. */
  weight(term: string): number {
    return this.#weightOf(term);
  }

  #weightOf(term: string): number {
    if (this.#weakStems.has(term)) return WEAK_WEIGHT;
    return this.#idf.get(term) ?? this.#medianIdf;
  }

  /** What a question term weighs when no sentence holds it: a strange name weighs most. */
  #absentWeight(term: string, word: string | undefined): number {
    if (this.#weakStems.has(term)) return WEAK_WEIGHT;
    if (/^[~@]/.test(term) || this.lexicon.isKnownStem(term)) return this.#medianIdf;
    if (word !== undefined && this.words.isOrdinary(word)) return this.#medianIdf * 0.6;
    return this.#maxIdf;
  }

  #slots(analysis: Analysis): Slot[] {
    const wordOfStem = new Map<string, string>();
    for (const w of analysis.words) if (!isStopword(w)) wordOfStem.set(stem(w), w);
    return analysis.terms.map((term) => {
      const strong = !this.#weakStems.has(term);
      if (this.#postings.has(term)) return { term, weight: this.#weightOf(term), strong, alternatives: [] };
      const word = wordOfStem.get(term);
      const alternatives: Array<[string, number]> = [];
      if (word !== undefined)
        for (const alt of this.words.alternatives(word))
          for (const t of this.lexicon.analyseKnown(alt).terms)
            if (this.#postings.has(t) && !alternatives.some(([a]) => a === t)) alternatives.push([t, SYNONYM_CREDIT]);
      const weight =
        alternatives.length > 0 ? Math.max(...alternatives.map(([t]) => this.#weightOf(t))) : this.#absentWeight(term, word);
      return { term, weight, strong, alternatives };
    });
  }

  /** Every sentence that shares a term with the question, best first. */
  rank(analysis: Analysis): SentenceMatch[] {
    const slots = this.#slots(analysis);
    const total = slots.reduce((sum, s) => sum + s.weight, 0);
    if (total === 0) return [];
    const matched = new Map<number, { m: number; strong: number; shared: string[] }>();
    for (const slot of slots) {
      const credit = new Map<number, readonly [number, string]>();
      for (const d of this.#postings.get(slot.term) ?? []) credit.set(d, [slot.weight, slot.term]);
      for (const [alt, factor] of slot.alternatives)
        for (const d of this.#postings.get(alt) ?? []) {
          const c = Math.min(slot.weight, this.#weightOf(alt)) * factor;
          if ((credit.get(d)?.[0] ?? 0) < c) credit.set(d, [c, alt]);
        }
      for (const [d, [c, t]] of credit) {
        const entry = matched.get(d) ?? { m: 0, strong: 0, shared: [] };
        entry.m += c;
        if (slot.strong) entry.strong += c;
        entry.shared.push(t);
        matched.set(d, entry);
      }
    }
    return [...matched]
      .map(([owner, { m, strong, shared }]) => ({ owner, score: m / total, matched: m, matchedStrong: strong, shared }))
      .sort((a, b) => b.score - a.score || a.owner - b.owner);
  }
}
