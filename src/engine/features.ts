import type { QuestionKind } from './language.ts';
import { NEGATION_WORDS, OPENING_WORDS, OTHERS_WORDS } from './language.ts';
import type { Span, SpanKind } from './spans.ts';

/**
 * What is measured of one (question, candidate sentence) pair for the fitted decision. Each
 * feature is a named number computed by a pure function of what the question asks and what the
 * sentence holds; the model (model.ts) turns the vector into the probability that the sentence
 * answers. The names are the model file's contract: the fitting tool writes weights by name.
 */
export const FEATURE_NAMES = Object.freeze([
  // How much of the question the sentence explains (sentences.ts: idf-weighted, through forms and synonyms).
  'coverage',
  'coverageDirect',
  'coverageStrong',
  'eventMatched',
  // BM25 over stems: against the best it could score, the best sentence, and the next one.
  'bm25Share',
  'bm25Relative',
  'bm25Margin',
  'coverageMargin',
  // Word order: pairs of the question's words that stand together in the sentence too.
  'pairShare',
  // A question word swapped for another between the same neighbours ("a flexible set" for "a fixed set").
  'swappedWord',
  'swappedAtEdge',
  'topByBm25',
  'topByCoverage',
  // What the question names that the article, or this sentence, never says.
  'namesAbsentFromArticle',
  'namesAbsentHere',
  'unknownShare',
  'missingHeaviest',
  // The kind of answer asked for, and whether the sentence holds one that the question does not.
  'wantsFact',
  'holdsWantedFact',
  'statesAskedFact',
  'othersAskedNoneHere',
  'asksWho',
  'asksWhen',
  'asksWhere',
  'asksHowMany',
  'asksWhy',
  'asksHow',
  'asksWhich',
  'asksYesNo',
  // Denial and opposites around the matched words.
  'negatedQuestion',
  'negatedSentence',
  'negationMismatch',
  'opposite',
  // What the rule-based layers concluded.
  'rulesAnswered',
  'rulesCiteThis',
  'rulesConfidence',
  'rulesRefused',
  'rulesStatedFact',
  // Whether a moderator curated this knowledge: then the rule layers' silence means more.
  'curatedKnowledge',
  // The sentence itself.
  'sentenceLength',
  'questionLength',
  'novelShare',
  'firstSentence',
  'opensWithPronoun',
] as const);

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** What the decider reads of the ranker's best candidate: its features, its rank score and its lead over the next. */
export const DECIDER_FEATURES = Object.freeze([...FEATURE_NAMES, 'rankScore', 'rankMargin'] as const);
export type FeatureVector = Readonly<Record<FeatureName, number>>;

/** What the question asks, measured once per question. */
export interface QuestionView {
  /** Words as asked, lowercased and spelling-corrected (the lexicon's analysis). */
  readonly words: readonly string[];
  readonly kind: QuestionKind;
  /** Content stems, as BM25 matches them. */
  readonly stems: readonly string[];
  /** Names and numbers the question holds (capitalised words not opening it, digits), lowercased. */
  readonly names: readonly string[];
  /** Share of the question's weight that no sentence of the article holds. */
  readonly unknownShare: number;
  /** Opposites of the question's stems ("rise" for "fall"). */
  readonly opposites: ReadonlySet<string>;
}

/** One sentence as a candidate answer, with what retrieval measured of it. */
export interface CandidateView {
  readonly owner: number;
  readonly text: string;
  readonly stems: ReadonlySet<string>;
  /** Neighbouring content stems of the sentence, as "a b". */
  readonly pairs: ReadonlySet<string>;
  /** The sentence's content stems in order. */
  readonly order: readonly string[];
  readonly spans: readonly Span[];
  readonly coverage: number;
  readonly coverageDirect: number;
  readonly coverageStrong: number;
  readonly eventMatched: boolean;
  readonly bm25: number;
  /** Weight share of the heaviest question term the sentence lacks. */
  readonly missingHeaviest: number;
  /** The fact asked for (a date, count, name, place), stated in the clause that matches the question: extract.ts. */
  readonly statesAskedFact: boolean;
}

/** What the whole candidate set and the rule-based layers say, for the margins and rule features. */
export interface SetView {
  readonly bestBm25: number;
  readonly secondBm25: number;
  readonly bm25Ceiling: number;
  readonly bestCoverage: number;
  readonly secondCoverage: number;
  /** Lowercased words of the whole article. */
  readonly articleWords: ReadonlySet<string>;
  readonly rules: {
    readonly answered: boolean;
    readonly cites: ReadonlySet<number>;
    readonly confidence: number;
    readonly refused: boolean;
    /** The rules answered with a fact taken out of the sentence (a date, a count, a list), not the sentence itself. */
    readonly statedFact: boolean;
  };
  /** Whether the knowledge has curated Q&A entries. */
  readonly curated: boolean;
}

const WANTED_SPANS: Readonly<Record<QuestionKind, readonly SpanKind[]>> = Object.freeze({
  person: ['person', 'organisation'],
  organisation: ['organisation', 'person'],
  place: ['place'],
  date: ['date'],
  number: ['number', 'money', 'percent'],
  duration: ['date', 'number'],
  age: ['number'],
  other: [],
});

const NAME_KINDS: ReadonlySet<SpanKind> = new Set(['person', 'organisation', 'place']);

/** Whether the question asks for names besides those it gives. */
export function asksOthers(words: readonly string[]): boolean {
  return words.some((_, i) => OTHERS_WORDS.some((phrase) => phrase.every((w, k) => words[i + k] === w)));
}

/** The question word that opens the question ("in which year" opens with "which"), or "what". */
export function openingOf(words: readonly string[]): string {
  for (const w of words.slice(0, 4)) {
    const kind = OPENING_WORDS[w];
    if (kind && kind !== 'yes-no') return kind;
  }
  const first = OPENING_WORDS[words[0] ?? ''];
  return first ?? 'what';
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function lowerWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => m[0].replace(/['’]s$/, ''));
}

export function isNegated(words: readonly string[]): boolean {
  return words.some((w) => NEGATION_WORDS.has(w) || w.endsWith("n't"));
}

/** Names and numbers in the question as typed: capitalised words past the first, and digits. */
export function namesIn(question: string): string[] {
  const out: string[] = [];
  let first = true;
  for (const m of question.matchAll(WORD)) {
    const w = m[0];
    if (/\p{N}/u.test(w) || (!first && /^\p{Lu}/u.test(w))) out.push(w.toLowerCase().replace(/['’]s$/, ''));
    first = false;
  }
  return out;
}

/** The feature vector of one candidate. */
export function featuresOf(q: QuestionView, c: CandidateView, set: SetView, first: boolean): FeatureVector {
  const opening = openingOf(q.words);
  const sentenceWords = lowerWords(c.text);
  const here = new Set(sentenceWords);
  const absent = q.names.filter((n) => !set.articleWords.has(n)).length;
  const absentHere = q.names.filter((n) => set.articleWords.has(n) && !here.has(n)).length;
  const wanted = WANTED_SPANS[q.kind];
  const asked = new Set(q.words);
  const holdsWanted = c.spans.some((sp) => wanted.includes(sp.kind) && !lowerWords(sp.text).every((w) => asked.has(w)));
  const negQ = isNegated(q.words);
  const negC = isNegated(sentenceWords);
  const qStems = new Set(q.stems);
  const novel = [...c.stems].filter((s) => !qStems.has(s)).length;
  const otherBm25 = c.bm25 >= set.bestBm25 ? set.secondBm25 : set.bestBm25;
  const otherCoverage = c.coverage >= set.bestCoverage ? set.secondCoverage : set.bestCoverage;
  return {
    coverage: c.coverage,
    coverageDirect: c.coverageDirect,
    coverageStrong: c.coverageStrong,
    eventMatched: c.eventMatched ? 1 : 0,
    bm25Share: set.bm25Ceiling > 0 ? Math.min(1, c.bm25 / set.bm25Ceiling) : 0,
    bm25Relative: set.bestBm25 > 0 ? c.bm25 / set.bestBm25 : 0,
    bm25Margin: set.bestBm25 > 0 ? (c.bm25 - otherBm25) / set.bestBm25 : 0,
    coverageMargin: c.coverage - otherCoverage,
    pairShare: pairShare(q.stems, c.pairs),
    ...swaps(q.stems, c.order, c.stems),
    topByBm25: c.bm25 >= set.bestBm25 && c.bm25 > 0 ? 1 : 0,
    topByCoverage: c.coverage >= set.bestCoverage && c.coverage > 0 ? 1 : 0,
    namesAbsentFromArticle: Math.min(2, absent),
    namesAbsentHere: Math.min(2, absentHere),
    unknownShare: q.unknownShare,
    missingHeaviest: c.missingHeaviest,
    wantsFact: wanted.length > 0 ? 1 : 0,
    holdsWantedFact: holdsWanted ? 1 : 0,
    statesAskedFact: c.statesAskedFact ? 1 : 0,
    othersAskedNoneHere: asksOthers(q.words) && !c.spans.some((sp) => NAME_KINDS.has(sp.kind) && !lowerWords(sp.text).every((w) => asked.has(w))) ? 1 : 0,
    asksWho: opening === 'who' ? 1 : 0,
    asksWhen: opening === 'when' ? 1 : 0,
    asksWhere: opening === 'where' ? 1 : 0,
    asksHowMany: q.kind === 'number' ? 1 : 0,
    asksWhy: opening === 'why' ? 1 : 0,
    asksHow: opening === 'how' && q.kind !== 'number' ? 1 : 0,
    asksWhich: opening === 'which' ? 1 : 0,
    asksYesNo: OPENING_WORDS[q.words[0] ?? ''] === 'yes-no' ? 1 : 0,
    negatedQuestion: negQ ? 1 : 0,
    negatedSentence: negC ? 1 : 0,
    negationMismatch: negQ !== negC ? 1 : 0,
    opposite: [...q.opposites].some((s) => c.stems.has(s)) ? 1 : 0,
    rulesAnswered: set.rules.answered ? 1 : 0,
    rulesCiteThis: set.rules.cites.has(c.owner) ? 1 : 0,
    rulesConfidence: set.rules.answered ? set.rules.confidence : 0,
    rulesRefused: set.rules.refused ? 1 : 0,
    rulesStatedFact: set.rules.statedFact && set.rules.cites.has(c.owner) ? 1 : 0,
    curatedKnowledge: set.curated ? 1 : 0,
    sentenceLength: Math.log1p(sentenceWords.length) / 4,
    questionLength: Math.log1p(q.stems.length) / 2,
    novelShare: c.stems.size > 0 ? novel / c.stems.size : 0,
    firstSentence: first ? 1 : 0,
    opensWithPronoun: /^(?:it|its|he|his|she|her|they|their|this|these|that)\b/i.test(c.text) ? 1 : 0,
  };
}

/** Neighbouring stems as "a b": what word order the text keeps. */
export function pairsOf(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < stems.length; i++) out.add(`${stems[i - 1]} ${stems[i]}`);
  return out;
}

function pairShare(stems: readonly string[], pairs: ReadonlySet<string>): number {
  if (stems.length < 2) return 0;
  let held = 0;
  for (let i = 1; i < stems.length; i++) if (pairs.has(`${stems[i - 1]} ${stems[i]}`)) held++;
  return held / (stems.length - 1);
}

/**
 * Question stems the sentence lacks where the sentence has another word between the same
 * neighbours: "uses a flexible set" against "uses a fixed set", the commonest way a question
 * that reads like the article asks something it does not say. At the question's edge one
 * neighbour is all there is.
 */
export function swaps(question: readonly string[], sentence: readonly string[], held: ReadonlySet<string>): { swappedWord: number; swappedAtEdge: number } {
  let inside = 0;
  let edge = 0;
  for (let i = 0; i < question.length; i++) {
    const w = question[i]!;
    if (held.has(w)) continue;
    const before = question[i - 1];
    const after = question[i + 1];
    for (let p = 0; p < sentence.length; p++) {
      const prevOk = before !== undefined && sentence[p - 1] === before;
      const nextOk = after !== undefined && sentence[p + 1] === after;
      if (prevOk && nextOk) {
        inside++;
        break;
      }
      if ((prevOk && after === undefined) || (nextOk && before === undefined)) {
        edge++;
        break;
      }
    }
  }
  return { swappedWord: Math.min(2, inside), swappedAtEdge: Math.min(2, edge) };
}

export function toArray(v: FeatureVector): number[] {
  return FEATURE_NAMES.map((n) => v[n]);
}
