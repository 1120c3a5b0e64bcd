import type { Passage } from '../knowledge/types.ts';
import { Bm25Index, stemsOf } from './candidates.ts';
import { countsTime, phraseFact, statedFact, type Clause } from './extract.ts';
import { featuresOf, namesIn, pairsOf, type CandidateView, type FeatureVector, type QuestionView, type SetView } from './features.ts';
import { isStopword } from './language.ts';
import { stem, type Lexicon } from './lexicon.ts';
import { DECLINE } from './messages.ts';
import { probability, rankScore, type DecisionModel } from './model.ts';
import type { SentenceRanker } from './sentences.ts';
import type { Span } from './spans.ts';
import type { Answer } from './types.ts';
import type { WordKnowledge } from './word-knowledge.ts';

/**
 * The decide layer: a question's candidate sentences, each measured (features.ts), ordered by
 * the fitted ranker and given the decider's calibrated probability that answering with it is
 * right (model.ts). Pure: it reads the article's view, built once per knowledge base.
 */

/** How the fitted decision looks at a question. */
export const DECISION = Object.freeze({
  /** Sentences taken from each ranking (BM25 and coverage): the gold sentence is in the top few nearly always. */
  candidates: 5,
  /** A lone candidate leads the (absent) next one by this many log-odds: far ahead, as the fitting tool counts it. */
  loneMargin: 10,
});

export interface ScoredCandidate {
  readonly owner: number;
  readonly features: FeatureVector;
  /** The ranker's log-odds that this sentence holds the answer. */
  readonly score: number;
  /** The calibrated probability that answering with it is right. */
  readonly probability: number;
  /** The fact asked for as the sentence states it, phrased as an answer. */
  readonly fact?: string;
}


/** Everything the decision reads of one article, built once with the engine and never changed. */
export interface ArticleView {
  readonly sentences: readonly Passage[];
  readonly bm25: Bm25Index;
  readonly ranker: SentenceRanker;
  readonly lexicon: Lexicon;
  readonly wordKnowledge: WordKnowledge;
  readonly spansOf: readonly (readonly Span[])[];
  readonly clauses: readonly (readonly Clause[])[];
  /** What a sentence that opens with a pronoun goes on about. */
  readonly contextOf: readonly ReadonlySet<string>[];
  readonly sentenceIndex: ReadonlyMap<string, number>;
  readonly sentenceStemList: readonly (readonly string[])[];
  readonly sentenceStems: readonly ReadonlySet<string>[];
  readonly sentencePairs: readonly ReadonlySet<string>[];
  readonly articleWords: ReadonlySet<string>;
  /** Whether a moderator curated the knowledge (Q&A, hand-written facts or concepts). */
  readonly curated: boolean;
  readonly model: DecisionModel;
}

/** The article's side of the view: its sentences' stems, word pairs and vocabulary, and the BM25 index. */
export function sentenceTables(sentences: readonly Passage[]): Pick<ArticleView, 'bm25' | 'sentenceStemList' | 'sentenceStems' | 'sentencePairs' | 'articleWords'> {
  const sentenceStemList = sentences.map((s) => stemsOf(s.text));
  return {
    bm25: new Bm25Index(sentences.map((s) => s.text)),
    sentenceStemList,
    sentenceStems: sentenceStemList.map((list) => new Set(list)),
    sentencePairs: sentenceStemList.map(pairsOf),
    articleWords: new Set(sentences.flatMap((s) => [...s.text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((m) => m[0].replace(/['’]s$/, '')))),
  };
}

/** The sentences worth deciding about, each with its features, rank score and probability, likeliest first. */
export function scoreCandidates(view: ArticleView, cleaned: string, rules: Answer): { candidates: ScoredCandidate[] } {
  const { sentences, bm25, ranker, lexicon, wordKnowledge, spansOf, clauses, contextOf, sentenceIndex, sentenceStems, sentencePairs, sentenceStemList, articleWords, curated, model: decisionModel } = view;
  const analysis = lexicon.analyseQuestion(cleaned);
  const stems = analysis.words.filter((w) => !isStopword(w)).map(stem);
  const byBm25 = bm25.search(stems);
  const byCoverage = analysis.terms.length > 0 ? ranker.rank(analysis) : [];
  const owners = [...new Set([...byBm25.slice(0, DECISION.candidates).map((h) => h.owner), ...byCoverage.slice(0, DECISION.candidates).map((m) => m.owner)])];
  if (owners.length === 0) return { candidates: [] };
  const bm25Of = new Map(byBm25.map((h) => [h.owner, h.score]));
  const coverageOf = new Map(byCoverage.map((m) => [m.owner, m]));
  const weights = analysis.terms.map((t) => ranker.weight(t));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const unknownWeight = analysis.terms.reduce((sum, t, i) => sum + (ranker.has(t) ? 0 : weights[i]!), 0);
  const q: QuestionView = {
    words: analysis.words,
    kind: analysis.kind,
    stems,
    names: namesIn(cleaned),
    unknownShare: unknownWeight / total,
    opposites: new Set(analysis.terms.flatMap((t) => lexicon.opposites(t))),
  };
  const cited = new Set(rules.citations.map((c) => sentenceIndex.get(c.passageId)).filter((i): i is number => i !== undefined));
  const coverages = owners.map((o) => coverageOf.get(o)?.score ?? 0).sort((a, b) => b - a);
  const bm25s = owners.map((o) => bm25Of.get(o) ?? 0).sort((a, b) => b - a);
  const set: SetView = {
    bestBm25: bm25s[0] ?? 0,
    secondBm25: bm25s[1] ?? 0,
    bm25Ceiling: bm25.ceiling(stems),
    bestCoverage: coverages[0] ?? 0,
    secondCoverage: coverages[1] ?? 0,
    articleWords,
    rules: {
      answered: rules.found,
      cites: cited,
      confidence: rules.confidence,
      refused: !rules.found && rules.answer !== DECLINE.notCovered && rules.answer !== DECLINE.empty,
      statedFact: rules.found && !rules.citations.some((c) => c.quote === rules.answer),
    },
    curated,
  };
  const strongTotal = analysis.terms.reduce((sum, t, i) => sum + (ranker.isStrong(t) ? weights[i]! : 0), 0) || 1;
  const kind = analysis.kind === 'number' && countsTime(analysis.words) ? 'duration' : analysis.kind;
  const asked = {
    words: analysis.words,
    terms: analysis.terms,
    weight: (t: string) => ranker.weight(t),
    kindsOf: wordKnowledge.kindsOf,
    isEvent: (t: string) => !ranker.isName(t) && ranker.isStrong(t),
    placeFits: wordKnowledge.placeFits,
    countryOf: wordKnowledge.countryOf,
    variants: ranker.variants(analysis),
  };
  const factIn = (owner: number) =>
    kind === 'other' ? undefined : statedFact(kind, asked, sentences[owner]!.text, spansOf[owner]!, clauses[owner]!, contextOf[owner]);
  const ranked = owners.map((owner) => {
    const m = coverageOf.get(owner);
    const held = new Set([...ranker.termsOf(owner), ...(m?.shared ?? [])]);
    const fact = factIn(owner);
    const missing = analysis.terms.reduce((max, t, i) => (held.has(t) ? max : Math.max(max, weights[i]! / total)), 0);
    const c: CandidateView = {
      owner,
      text: sentences[owner]!.text,
      stems: sentenceStems[owner]!,
      pairs: sentencePairs[owner]!,
      order: sentenceStemList[owner]!,
      spans: spansOf[owner]!,
      coverage: m?.score ?? 0,
      coverageDirect: m ? m.matchedDirect / total : 0,
      coverageStrong: m ? m.matchedStrong / strongTotal : 0,
      eventMatched: m?.matchedEvent ?? false,
      bm25: bm25Of.get(owner) ?? 0,
      missingHeaviest: missing,
      statesAskedFact: fact !== undefined,
    };
    const features = featuresOf(q, c, set, owner === 0);
    return { owner, features, score: rankScore(decisionModel, features), ...(fact ? { fact: phraseFact(kind, fact) } : {}) };
  });
  ranked.sort((a, b) => b.score - a.score || a.owner - b.owner);
  // Each candidate's probability as if it were the one answered: its lead over the best of the others.
  const candidates = ranked.map((c, i): ScoredCandidate => {
    const other = ranked[i === 0 ? 1 : 0];
    const margin = other ? c.score - other.score : DECISION.loneMargin;
    return { ...c, probability: probability(decisionModel, c.features, c.score, margin) };
  });
  return { candidates };
}

