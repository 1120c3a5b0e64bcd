import type { Passage } from '../knowledge/types.ts';
import { isStopword, WEAK_WORDS } from './language.ts';
import { stem, type Analysis, type Lexicon } from './lexicon.ts';
import { memoize } from './memo.ts';
import type { WordKnowledge } from './word-knowledge.ts';

/** A term a sentence holds only through its pronoun ("It" for the centre) counts this much. */
const CONTEXT_CREDIT = 0.7;
/** Alternatives at least this sure are forms of the same word ("sold", "sale"), not synonyms. */
const FORM_CREDIT = 0.85;
/** Alternatives at least this sure (spellings, base forms, related forms) may reach the knowledge's concepts. */
const RELIABLE_CREDIT = 0.9;
const MAX_REMEMBERED_WORDS = 20_000;
/** An everyday word found in this few sentences says which one is meant. */
const RARE_DF = 2;
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
  /** Weight of the strong terms the sentence holds as the question has them, not through a synonym. */
  readonly matchedDirect: number;
  /** The question's terms the sentence holds, as the sentence holds them. */
  readonly shared: readonly string[];
  /** Whether it holds a strong question term that is not a name: what happens, not only who. */
  readonly matchedEvent: boolean;
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
  /** Term -> sentences that speak of it through a pronoun ("It will be built by..."). */
  readonly #context = new Map<string, number[]>();
  /** Bounded: questions bring new words for as long as the bot runs. */
  readonly #alternativesOf = memoize(MAX_REMEMBERED_WORDS, (word) => this.#findAlternatives(word));
  /** Stems the article writes only capitalised inside a sentence: names, not events. */
  readonly #nameStems = new Set<string>();
  readonly #idf = new Map<string, number>();
  readonly #medianIdf: number;
  readonly #maxIdf: number;
  readonly #weakStems: ReadonlySet<string> = new Set([...WEAK_WORDS].map(stem));

  /**
   * `implied[i]` are terms sentence i is about without naming them: the speaker of a quote
   * that runs on from the sentence before.
   */
  constructor(
    readonly sentences: readonly Passage[],
    readonly lexicon: Lexicon,
    readonly words: WordKnowledge,
    implied: readonly (readonly string[])[] = [],
    context: readonly (readonly string[])[] = [],
  ) {
    context.forEach((terms, i) => {
      for (const t of terms) {
        const list = this.#context.get(t);
        if (list) list.push(i);
        else this.#context.set(t, [i]);
      }
    });
    sentences.forEach((s, i) => {
      // "pre-tax" is also asked as "pretax".
      const joined = [...s.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)].map((m) => stem(m[0].toLowerCase().replace(/-/g, '')));
      const terms = [...new Set([...lexicon.analyseKnown(s.text).terms, ...joined, ...(implied[i] ?? [])])];
      this.#terms.push(terms);
      for (const t of terms) {
        const list = this.#postings.get(t);
        if (list) list.push(i);
        else this.#postings.set(t, [i]);
      }
    });
    const capitalised = new Set<string>();
    const lower = new Set<string>();
    for (const s of sentences)
      for (const m of s.text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
        // A sentence's first word is capitalised whatever it is: it says nothing either way.
        if (m.index === 0) continue;
        const into = /^\p{Lu}/u.test(m[0]) ? capitalised : lower;
        // By its terms too: "Athletic" in a club's name stands for the concept of sport.
        for (const t of [stem(m[0].toLowerCase().replace(/['’]s$/, '')), ...lexicon.analyseKnown(m[0]).terms]) into.add(t);
      }
    for (const t of capitalised) if (!lower.has(t)) this.#nameStems.add(t);
    // A word seen only at the start of sentences is a name when it is no English word ("St Aldric's").
    for (const s of sentences) {
      const first = /^[\p{L}][\p{L}\p{N}'’-]*/u.exec(s.text)?.[0];
      if (!first) continue;
      const w = first.toLowerCase().replace(/['’]s$/, '');
      const t = stem(w);
      if (!lower.has(t) && !capitalised.has(t) && !words.isOrdinary(w)) this.#nameStems.add(t);
    }
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

  /** How many sentences hold the term. */
  df(term: string): number {
    return this.#postings.get(term)?.length ?? 0;
  }

  /** Whether a term names someone or something rather than saying what happens. */
  isName(term: string): boolean {
    return term.startsWith('@') || this.#nameStems.has(term);
  }

  /** Whether a term is more than an everyday word: an everyday word the article uses once or twice ("jobs") is. */
  isStrong(term: string): boolean {
    return !this.#weakStems.has(term) || (this.#postings.get(term)?.length ?? Infinity) <= RARE_DF;
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
    if (this.#weakStems.has(term) && !this.isStrong(term)) return WEAK_WEIGHT;
    return this.#idf.get(term) ?? this.#medianIdf;
  }

  /** What a question term weighs when no sentence holds it: a strange name weighs most. */
  #absentWeight(term: string, word: string | undefined): number {
    if (this.#weakStems.has(term)) return WEAK_WEIGHT;
    if (/^[~@]/.test(term) || this.lexicon.isKnownStem(term)) return this.#medianIdf;
    // An everyday word ("thing", "get") says little; a rarer one ("circulation") may be the point.
    if (word !== undefined && this.words.isOrdinary(word))
      return this.#medianIdf * Math.min(1.2, Math.max(0.25, (6 - this.words.frequency(word)) / 2.5));
    return this.#maxIdf;
  }

  #slots(analysis: Analysis): Slot[] {
    const wordOfStem = new Map<string, string>();
    for (const w of analysis.words) if (!isStopword(w)) wordOfStem.set(stem(w), w);
    return analysis.terms.map((term) => {
      const strong = this.isStrong(term);
      const word = wordOfStem.get(term);
      // Sentences without the word itself may hold another form of it: "lost" and "lose".
      const alternatives = word === undefined ? [] : this.#alternativesOf(word);
      if (this.#postings.has(term)) return { term, weight: this.#weightOf(term), strong, alternatives };
      // The word as asked keeps its own weight: a synonym of one sense must not make a strange
      // word ("editor") weigh as little as the common one it matched ("head").
      const weight = this.#absentWeight(term, word);
      return { term, weight, strong, alternatives };
    });
  }

  /** The sentence terms a question word can stand for, with their credit (remembered per word: #alternativesOf). */
  #findAlternatives(word: string): ReadonlyArray<readonly [string, number]> {
    const out: Array<[string, number]> = [];
    for (const alt of this.words.alternatives(word))
      for (const t of this.lexicon.analyseKnown(alt.word).terms) {
        // The knowledge's concepts are broad on purpose; a synonym of one sense of a word
        // must not reach one ("editor" -> "head" -> the concept of leading).
        if (alt.credit < RELIABLE_CREDIT && /^[~@]/.test(t)) continue;
        if (this.#postings.has(t) && !out.some(([a]) => a === t)) out.push([t, alt.credit]);
      }
    return out;
  }

  /** For each question term, the sentence terms that stand for it: itself and its other forms the article uses. */
  variants(analysis: Analysis): ReadonlyMap<string, readonly string[]> {
    return new Map(this.#slots(analysis).map((slot) => [slot.term, [slot.term, ...slot.alternatives.filter(([, c]) => c >= FORM_CREDIT).map(([t]) => t)]]));
  }

  /** Every sentence that shares a term with the question and scores at least `min`, best first. */
  rank(analysis: Analysis, min = 0): SentenceMatch[] {
    const slots = this.#slots(analysis);
    const total = slots.reduce((sum, s) => sum + s.weight, 0);
    if (total === 0) return [];
    const matched = new Map<number, { m: number; strong: number; direct: number; event: boolean; shared: string[] }>();
    for (const slot of slots) {
      const credit = new Map<number, readonly [number, string]>();
      for (const d of this.#context.get(slot.term) ?? []) credit.set(d, [slot.weight * CONTEXT_CREDIT, slot.term]);
      for (const d of this.#postings.get(slot.term) ?? []) credit.set(d, [slot.weight, slot.term]);
      for (const [alt, factor] of slot.alternatives)
        for (const d of this.#postings.get(alt) ?? []) {
          const c = slot.weight * factor;
          if ((credit.get(d)?.[0] ?? 0) < c) credit.set(d, [c, alt]);
        }
      for (const [d, [c, t]] of credit) {
        const entry = matched.get(d) ?? { m: 0, strong: 0, direct: 0, event: false, shared: [] };
        // What happened must match for sure: "who owns X" is not "X has signed" through have/own.
        if (slot.strong && !this.isName(slot.term) && c >= slot.weight * RELIABLE_CREDIT) entry.event = true;
        entry.m += c;
        if (slot.strong) entry.strong += c;
        if (slot.strong && t === slot.term) entry.direct += c;
        entry.shared.push(t);
        matched.set(d, entry);
      }
    }
    return [...matched]
      .filter(([, { m }]) => m / total >= min)
      .map(([owner, { m, strong, direct, event, shared }]) => ({
        owner,
        score: m / total,
        matched: m,
        matchedStrong: strong,
        matchedDirect: direct,
        matchedEvent: event,
        shared,
      }))
      .sort((a, b) => b.score - a.score || a.owner - b.owner);
  }
}
