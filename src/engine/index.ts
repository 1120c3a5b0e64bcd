import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Passage } from '../knowledge/types.ts';
import { ARTICLE_STEMS, WEAK_WORDS } from './language.ts';
import { Lexicon, stem, type Analysis } from './lexicon.ts';
import { scriptOf } from './normalise.ts';
import { unitsOf, type Unit } from './units.ts';
import { NO_WORD_KNOWLEDGE, type WordKnowledge } from './word-knowledge.ts';

/** Weak words count the same little whether the knowledge uses them or not. */
const WEAK_WEIGHT = 0.5;
/** An entry's answer text helps it match, but less than a phrasing written as a question. */
const ANSWER_DISCOUNT = 0.85;
/** How much the share of the question explained weighs against the share of the phrasing used. */
const QUESTION_COVERAGE_EXPONENT = 0.7;

interface Doc {
  readonly owner: number;
  readonly terms: readonly string[];
  /** All its words, stopwords too: they break ties ("has he been" is about a past visit). */
  readonly words: ReadonlySet<string>;
  readonly discount: number;
  /** A term the text holds that a question need not repeat: a fact's own entity is its answer. */
  readonly implied?: string;
  weight: number;
  /** discount × weight^-(1-e): with it a score is one multiplication, see #match. */
  factor: number;
}

export interface Match {
  /** Index into `units` or `sentences`. */
  readonly owner: number;
  /** The owner's text that matched best. */
  readonly terms: readonly string[];
  readonly score: number;
  /** Share of the question's weight that the best phrasing explains. */
  readonly questionCoverage: number;
  /** Share of the best phrasing's weight that the question matches. */
  readonly docCoverage: number;
  /** Weight of the terms matched. */
  readonly matched: number;
  /** Weight of the matched terms that are not everyday words: nothing else can make an answer. */
  readonly matchedStrong: number;
  /** Share of words in common with the best phrasing, stopwords included: only breaks near ties. */
  readonly wordOverlap: number;
}

/** Scores within this of each other count as a tie, decided by the words in common. */
const TIE = 0.02;

export function byRank(a: Match, b: Match): number {
  if (Math.abs(a.score - b.score) > TIE) return b.score - a.score;
  return b.wordOverlap - a.wordOverlap || b.score - a.score || a.owner - b.owner;
}

/**
 * The searchable form of a knowledge base: every phrasing, answer and sentence as a set of
 * weighted terms, with postings from term to the texts that hold it. Built once per
 * knowledge version and never changed.
 */
export class KnowledgeIndex {
  readonly lexicon: Lexicon;
  readonly units: readonly Unit[];
  readonly sentences: readonly Passage[];
  readonly #unitDocs: Doc[] = [];
  readonly #sentenceDocs: Doc[] = [];
  readonly #unitPostings = new Map<string, number[]>();
  readonly #answerTerms: (readonly string[])[] = [];
  readonly #sentencePostings = new Map<string, number[]>();
  readonly #idf = new Map<string, number>();
  readonly #unknownWeight: number;
  /** For a word the knowledge knows (in a synonym list, say) but no entry or sentence uses. */
  readonly #unusedWeight: number;
  readonly #weakStems: ReadonlySet<string>;
  readonly #unitScratch: { matched: Float64Array; strong: Float64Array };
  readonly #sentenceScratch: { matched: Float64Array; strong: Float64Array };

  constructor(kb: KnowledgeBase, wordKnowledge: WordKnowledge = NO_WORD_KNOWLEDGE) {
    this.lexicon = new Lexicon(kb, wordKnowledge);
    this.units = unitsOf(kb);
    this.sentences = kb.article.sentences;
    this.#weakStems = new Set([...WEAK_WORDS].map(stem));

    const df = new Map<string, number>();
    const countOnce = (terms: Iterable<string>) => {
      for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    };
    this.units.forEach((unit, owner) => {
      const seen: string[] = [];
      // Phrasings that differ only in stopwords match the same questions equally: index one.
      const signatures = new Set<string>();
      for (const phrasing of unit.phrasings) {
        const analysis = this.lexicon.analyseKnown(phrasing);
        const terms = analysis.terms;
        const signature = [...terms].sort().join(' ');
        if (signatures.has(signature)) continue;
        signatures.add(signature);
        const implied = unit.source === 'fact' ? `@${unit.id}` : undefined;
        this.#unitDocs.push({ owner, terms, words: new Set(analysis.words), discount: 1, weight: 0, factor: 0, ...(implied ? { implied } : {}) });
        seen.push(...terms);
      }
      const answer = this.lexicon.analyseKnown(unit.answer);
      const answerTerms = answer.terms;
      this.#answerTerms[owner] = answerTerms;
      this.#unitDocs.push({ owner, terms: answerTerms, words: new Set(answer.words), discount: ANSWER_DISCOUNT, weight: 0, factor: 0 });
      countOnce([...seen, ...answerTerms]);
    });
    this.sentences.forEach((sentence, owner) => {
      const analysis = this.lexicon.analyseKnown(sentence.text);
      const terms = analysis.terms;
      this.#sentenceDocs.push({ owner, terms, words: new Set(analysis.words), discount: 1, weight: 0, factor: 0 });
      countOnce(terms);
    });

    this.#unitScratch = { matched: new Float64Array(this.#unitDocs.length), strong: new Float64Array(this.#unitDocs.length) };
    this.#sentenceScratch = {
      matched: new Float64Array(this.#sentenceDocs.length),
      strong: new Float64Array(this.#sentenceDocs.length),
    };
    const n = this.units.length + this.sentences.length;
    for (const [term, count] of df) this.#idf.set(term, Math.log(1 + n / count));
    this.#unknownWeight = Math.log(1 + n);
    const idfs = [...this.#idf.values()].sort((a, b) => a - b);
    this.#unusedWeight = idfs[Math.floor(idfs.length / 2)] ?? 1;
    for (const [docs, postings] of [
      [this.#unitDocs, this.#unitPostings],
      [this.#sentenceDocs, this.#sentencePostings],
    ] as const) {
      docs.forEach((doc, i) => {
        doc.weight = doc.terms.reduce((sum, t) => (t === doc.implied ? sum : sum + this.weight(t)), 0);
        doc.factor = doc.weight > 0 ? doc.discount * doc.weight ** -(1 - QUESTION_COVERAGE_EXPONENT) : 0;
        for (const t of doc.terms) {
          const list = postings.get(t) ?? [];
          list.push(i);
          postings.set(t, list);
        }
      });
    }
  }

  /** How much a term says about which entry is meant: rare terms say more; unknown words the most. */
  weight(term: string): number {
    if (this.#weakStems.has(term)) return WEAK_WEIGHT;
    const idf = this.#idf.get(term);
    if (idf !== undefined) return idf;
    if (this.lexicon.isKnownStem(term)) return this.#unusedWeight;
    // An unknown Russian or Korean word is more likely an inflection than a new subject.
    return scriptOf(term) === 'latin' ? this.#unknownWeight : WEAK_WEIGHT;
  }

  /** The terms of a unit's answer: what the entry asserts. */
  answerTerms(owner: number): readonly string[] {
    return this.#answerTerms[owner] ?? [];
  }

  /** Best-scoring phrasing of each unit that shares a term with the question, in no order: the caller ranks. */
  matchUnits(analysis: Analysis): Match[] {
    return this.#match(analysis, this.#unitDocs, this.#unitPostings);
  }


  /**
   * Unknown words together weigh at most as much as one: one strange word in a short question
   * is likely its point ("is shoigu in the delegation"), while many in a long one are chatter.
   */
  questionWeight(analysis: Analysis): number {
    let known = 0;
    let unknown = 0;
    for (const t of analysis.terms) {
      const w = this.weight(t);
      if (this.#isUnknown(t)) unknown += w;
      else known += w;
    }
    return known + Math.min(unknown, this.#unknownWeight);
  }

  #isUnknown(term: string): boolean {
    return this.weight(term) === this.#unknownWeight && !this.#idf.has(term) && !/^[~@]/.test(term);
  }

  #match(analysis: Analysis, docs: readonly Doc[], postings: ReadonlyMap<string, number[]>): Match[] {
    const total = this.questionWeight(analysis);
    if (total === 0) return [];
    // Scratch space reused across calls (matching is synchronous, so calls never overlap);
    // cleared below through the list of documents touched.
    const scratch = docs === this.#unitDocs ? this.#unitScratch : this.#sentenceScratch;
    const { matched, strong } = scratch;
    const touched: number[] = [];
    for (const term of analysis.terms) {
      const w = this.weight(term);
      // The article itself is a real subject: "what is this article about".
      const isStrong = !this.#weakStems.has(term) || ARTICLE_STEMS.has(term);
      for (const d of postings.get(term) ?? []) {
        if (matched[d] === 0) touched.push(d);
        matched[d]! += w;
        if (isStrong) strong[d]! += w;
      }
    }
    // Best phrasing per owner first; the word overlap is only worth computing for those.
    const bestDoc = new Map<number, { d: number; score: number; questionCoverage: number; docCoverage: number }>();
    const totalPower = total ** -QUESTION_COVERAGE_EXPONENT;
    for (const d of touched) {
      const doc = docs[d]!;
      const m = matched[d]!;
      const questionCoverage = m / total;
      const docCoverage = doc.weight > 0 ? Math.min(1, m / doc.weight) : 1;
      // discount × (m/T)^e × (m/W)^(1-e) = m × factor / T^e while the text is not fully matched.
      const score =
        docCoverage < 1
          ? m * doc.factor * totalPower
          : doc.discount * questionCoverage ** QUESTION_COVERAGE_EXPONENT;
      const previous = bestDoc.get(doc.owner);
      if (!previous || score > previous.score) bestDoc.set(doc.owner, { d, score, questionCoverage, docCoverage });
    }
    const questionWords = new Set(analysis.words);
    const best: Match[] = [];
    for (const [owner, { d, score, questionCoverage, docCoverage }] of bestDoc) {
      const doc = docs[d]!;
      let shared = 0;
      for (const w of questionWords) if (doc.words.has(w)) shared++;
      const wordOverlap = (2 * shared) / (questionWords.size + doc.words.size || 1);
      best.push({ owner, terms: doc.terms, score, questionCoverage, docCoverage, matched: matched[d]!, matchedStrong: strong[d]!, wordOverlap });
    }
    for (const d of touched) {
      matched[d] = 0;
      strong[d] = 0;
    }
    return best;
  }
}
