import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Passage } from '../knowledge/types.ts';
import { ARTICLE_STEMS, WEAK_WORDS } from './language.ts';
import { Lexicon, stem, type Analysis } from './lexicon.ts';
import { scriptOf } from './normalise.ts';
import { unitsOf, type Unit } from './units.ts';
import { NO_WORD_KNOWLEDGE, type WordKnowledge } from './word-knowledge.ts';
import { lowerBound } from './sorted.ts';

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
  readonly implied: string | undefined;
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

/** A light term's postings are left unread only when longer than this many times the candidates'. */
const SKIP_RATIO = 4;

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
  /** Each unit document's terms as ids, doc d's from `#docTermStart[d]`: what a candidate is scored on. */
  readonly #termIds = new Map<string, number>();
  readonly #docTermStart: Int32Array;
  readonly #docTermIds: Int32Array;
  /** Unit u's documents are `#ownerDocStart[u]` up to `#ownerDocStart[u + 1]`. */
  readonly #ownerDocStart: Int32Array;
  /** Per unit document, while a question is matched: weight matched, strong weight matched, first term held. */
  readonly #scratch: { matched: Float64Array; strongMatched: Float64Array; firstTerm: Int32Array };
  /** Each unit document's weight, factor, discount and owner, read for every candidate: kept flat. */
  readonly #docNumbers: { weight: Float64Array; factor: Float64Array; discount: Float64Array; owner: Int32Array };
  /**
   * Per unit, while a question is matched: its best text (d, -1 when none yet), that text's first
   * term held, score and weights matched, and the text that places the unit in the output.
   */
  readonly #best: {
    d: Int32Array;
    first: Int32Array;
    score: Float64Array;
    matched: Float64Array;
    matchedStrong: Float64Array;
    placeFirst: Int32Array;
    placeD: Int32Array;
  };

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
        this.#unitDocs.push({ owner, terms, words: new Set(analysis.words), discount: 1, weight: 0, factor: 0, implied });
        seen.push(...terms);
      }
      const answer = this.lexicon.analyseKnown(unit.answer);
      const answerTerms = answer.terms;
      this.#answerTerms[owner] = answerTerms;
      this.#unitDocs.push({ owner, terms: answerTerms, words: new Set(answer.words), discount: ANSWER_DISCOUNT, weight: 0, factor: 0, implied: undefined });
      countOnce([...seen, ...answerTerms]);
    });
    this.sentences.forEach((sentence, owner) => {
      const analysis = this.lexicon.analyseKnown(sentence.text);
      const terms = analysis.terms;
      this.#sentenceDocs.push({ owner, terms, words: new Set(analysis.words), discount: 1, weight: 0, factor: 0, implied: undefined });
      countOnce(terms);
    });

    this.#docTermStart = new Int32Array(this.#unitDocs.length + 1);
    let termCount = 0;
    this.#unitDocs.forEach((doc, d) => {
      this.#docTermStart[d] = termCount;
      termCount += doc.terms.length;
    });
    this.#docTermStart[this.#unitDocs.length] = termCount;
    this.#docTermIds = new Int32Array(termCount);
    this.#unitDocs.forEach((doc, d) => {
      doc.terms.forEach((t, i) => {
        let id = this.#termIds.get(t);
        if (id === undefined) this.#termIds.set(t, (id = this.#termIds.size));
        this.#docTermIds[this.#docTermStart[d]! + i] = id;
      });
    });
    const size = this.#unitDocs.length;
    this.#scratch = { matched: new Float64Array(size), strongMatched: new Float64Array(size), firstTerm: new Int32Array(size) };
    const unitCount = this.units.length;
    this.#best = {
      d: new Int32Array(unitCount).fill(-1),
      first: new Int32Array(unitCount),
      score: new Float64Array(unitCount),
      matched: new Float64Array(unitCount),
      matchedStrong: new Float64Array(unitCount),
      placeFirst: new Int32Array(unitCount),
      placeD: new Int32Array(unitCount),
    };
    this.#ownerDocStart = new Int32Array(this.units.length + 1).fill(this.#unitDocs.length);
    for (let d = this.#unitDocs.length - 1; d >= 0; d--) this.#ownerDocStart[this.#unitDocs[d]!.owner] = d;
    const n = this.units.length + this.sentences.length;
    for (const [term, count] of df) this.#idf.set(term, Math.log(1 + n / count));
    this.#unknownWeight = Math.log(1 + n);
    const idfs = [...this.#idf.values()].sort((a, b) => a - b);
    this.#unusedWeight = idfs[Math.floor(idfs.length / 2)] ?? 1;
    const docCount = this.#unitDocs.length;
    this.#docNumbers = { weight: new Float64Array(docCount), factor: new Float64Array(docCount), discount: new Float64Array(docCount), owner: new Int32Array(docCount) };
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
    this.#unitDocs.forEach((doc, d) => {
      this.#docNumbers.weight[d] = doc.weight;
      this.#docNumbers.factor[d] = doc.factor;
      this.#docNumbers.discount[d] = doc.discount;
      this.#docNumbers.owner[d] = doc.owner;
    });
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

  /**
   * Best-scoring phrasing of each unit that shares a term with the question and can matter to
   * the caller (see MatchOptions), in no order: the caller ranks.
   */
  matchUnits(analysis: Analysis, options: MatchOptions = {}): Match[] {
    return this.#match(analysis, options);
  }


  /**
   * Unknown words together weigh at most as much as one: one strange word in a short question
   * is likely its point ("is the treasurer on the board"), while many in a long one are chatter.
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

  /**
   * Candidates come from the postings of the question's heaviest terms, accumulated in the
   * question's order; once the terms left together weigh too little to lift a text that holds
   * none of the others to the least score kept, their postings are not read, and they are
   * looked up in each candidate's own terms instead: a common word's long list costs nothing
   * when rarer words already decide (max-score pruning).
   */
  #match(analysis: Analysis, options: MatchOptions): Match[] {
    const total = this.questionWeight(analysis);
    if (total === 0) return [];
    const docs = this.#unitDocs;
    const terms = analysis.terms;
    const weights = terms.map((t) => this.weight(t));
    // The article itself is a real subject: "what is this article about".
    const strong = terms.map((t) => !this.#weakStems.has(t) || ARTICLE_STEMS.has(t));
    const min = options.min ?? 0;
    // Heaviest first: a text holding none of the terms from order[p] on scores at most (left[p] / T)^e.
    const order = terms.map((_, i) => i).filter((i) => this.#unitPostings.has(terms[i]!));
    order.sort((a, b) => weights[b]! - weights[a]! || a - b);
    let left = order.reduce((sum, i) => sum + weights[i]!, 0);
    let read = 0;
    while (read < order.length && (read === 0 || (left / total) ** QUESTION_COVERAGE_EXPONENT >= min)) left -= weights[order[read++]!]!;
    const isRead = terms.map(() => false);
    let candidates = 0;
    for (let p = 0; p < read; p++) {
      isRead[order[p]!] = true;
      candidates += this.#unitPostings.get(terms[order[p]!]!)!.length;
    }
    // Looking a term up in every candidate costs more than reading a list not much longer than theirs.
    for (let p = read; p < order.length; p++)
      if (this.#unitPostings.get(terms[order[p]!]!)!.length <= SKIP_RATIO * candidates) isRead[order[p]!] = true;
    const skipped = order.filter((i) => !isRead[i]).sort((a, b) => a - b);
    // Scratch space reused across calls (matching is synchronous, so calls never overlap);
    // cleared below through the list of documents touched.
    const { matched, strongMatched, firstTerm } = this.#scratch;
    const touched: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      if (!isRead[i]) continue;
      const w = weights[i]!;
      const isStrong = strong[i];
      for (const d of this.#unitPostings.get(terms[i]!)!) {
        if (matched[d] === 0) {
          touched.push(d);
          firstTerm[d] = i;
        }
        matched[d]! += w;
        if (isStrong) strongMatched[d]! += w;
      }
    }
    const ids = skipped.length > 0 ? terms.map((t) => this.#termIds.get(t) ?? -1) : [];
    // Each unit's best text so far, in per-unit scratch arrays: no object per candidate text.
    const best = this.#best;
    const { weight: docWeight, factor: docFactor, discount: docDiscount, owner: docOwner } = this.#docNumbers;
    const owners: number[] = [];
    const totalPower = total ** -QUESTION_COVERAGE_EXPONENT;
    for (const d of touched) {
      let m = matched[d]!;
      let matchedStrong = strongMatched[d]!;
      let first = firstTerm[d]!;
      if (skipped.length > 0 && skipped.some((i) => this.#holds(d, ids[i]!))) {
        // Summed again in the question's order, with the unread terms it holds: the same sum a full scan makes.
        [m, matchedStrong, first] = [0, 0, -1];
        for (let i = 0; i < terms.length; i++) {
          if (ids[i]! < 0 || !this.#holds(d, ids[i]!)) continue;
          if (first < 0) first = i;
          m += weights[i]!;
          if (strong[i]) matchedStrong += weights[i]!;
        }
      }
      const weight = docWeight[d]!;
      const docCoverage = weight > 0 ? Math.min(1, m / weight) : 1;
      // discount × (m/T)^e × (m/W)^(1-e) = m × factor / T^e while the text is not fully matched.
      const score =
        docCoverage < 1 ? m * docFactor[d]! * totalPower : docDiscount[d]! * (m / total) ** QUESTION_COVERAGE_EXPONENT;
      const o = docOwner[d]!;
      if (best.d[o] === -1) {
        owners.push(o);
        best.placeFirst[o] = first;
        best.placeD[o] = d;
      } else {
        // The text met first (in the question's term order, then by document) wins a tie, and places its unit.
        if (first < best.placeFirst[o]! || (first === best.placeFirst[o] && d < best.placeD[o]!)) {
          best.placeFirst[o] = first;
          best.placeD[o] = d;
        }
        const c = best.score[o]!;
        if (!(score > c || (score === c && (first < best.first[o]! || (first === best.first[o] && d < best.d[o]!))))) continue;
      }
      best.d[o] = d;
      best.first[o] = first;
      best.score[o] = score;
      best.matched[o] = m;
      best.matchedStrong[o] = matchedStrong;
    }
    for (const d of touched) {
      matched[d] = 0;
      strongMatched[d] = 0;
    }
    const questionWords = new Set(analysis.words);
    const kept: Candidate[] = [];
    for (const owner of owners) {
      const d = best.d[owner]!;
      best.d[owner] = -1;
      const score = best.score[owner]!;
      if (score < min) continue;
      const m = best.matched[owner]!;
      const weight = docWeight[d]!;
      const c: Candidate = {
        d,
        score,
        questionCoverage: m / total,
        docCoverage: weight > 0 ? Math.min(1, m / weight) : 1,
        matched: m,
        matchedStrong: best.matchedStrong[owner]!,
        placeFirst: best.placeFirst[owner]!,
        placeD: best.placeD[owner]!,
      };
      kept.push(c);
      // A text of the unit holding only unread terms may come before the ones read.
      for (const i of skipped) {
        if (i > c.placeFirst) break;
        const d = firstAtLeast(this.#unitPostings.get(terms[i]!)!, this.#ownerDocStart[owner]!);
        if (d !== undefined && d < this.#ownerDocStart[owner + 1]! && (i < c.placeFirst || d < c.placeD)) {
          c.placeFirst = i;
          c.placeD = d;
        }
      }
    }
    // In the order a scan of every term's postings meets the units, as ranking has always seen
    // them: with every posting read, the order they were met in here.
    if (skipped.length > 0) kept.sort((a, b) => a.placeFirst - b.placeFirst || a.placeD - b.placeD);
    return kept.map((c) => {
      const doc = docs[c.d]!;
      let shared = 0;
      for (const w of questionWords) if (doc.words.has(w)) shared++;
      const wordOverlap = (2 * shared) / (questionWords.size + doc.words.size || 1);
      const { score, questionCoverage, docCoverage, matched: m, matchedStrong } = c;
      return { owner: doc.owner, terms: doc.terms, score, questionCoverage, docCoverage, matched: m, matchedStrong, wordOverlap };
    });
  }

  /** Whether unit document d holds the term with this id. */
  #holds(d: number, id: number): boolean {
    for (let j = this.#docTermStart[d]!, end = this.#docTermStart[d + 1]!; j < end; j++) if (this.#docTermIds[j] === id) return true;
    return false;
  }
}

/** The first entry of an ascending list that is at least `x`. */
function firstAtLeast(list: readonly number[], x: number): number | undefined {
  return list[lowerBound(list, x)];
}

interface Candidate {
  d: number;
  score: number;
  questionCoverage: number;
  docCoverage: number;
  matched: number;
  matchedStrong: number;
  /** The unit's text met first (by first term, then by document): where the unit stands in the output. */
  placeFirst: number;
  placeD: number;
}

/** What the caller of KnowledgeIndex#matchUnits will do with the matches, so it reads only the postings that can matter. */
export interface MatchOptions {
  /** Matches scoring less are of no use to the caller: left out. */
  readonly min?: number;
}
