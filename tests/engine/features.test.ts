import { describe, expect, it } from 'vitest';
import { stemsOf } from '../../src/engine/candidates.ts';
import { FEATURE_NAMES, featuresOf, isNegated, namesIn, openingOf, pairsOf, swaps, toArray, type CandidateView, type QuestionView, type SetView } from '../../src/engine/features.ts';

/** A question and a candidate sentence, measured by hand-made retrieval figures. */
function measure(question: string, sentence: string, overrides: Partial<CandidateView> = {}, set: Partial<SetView> = {}) {
  const words = question.toLowerCase().replace(/[?.,]/g, '').split(/\s+/);
  const q: QuestionView = {
    words,
    kind: /^when/.test(question.toLowerCase()) ? 'date' : 'other',
    stems: stemsOf(question),
    names: namesIn(question),
    unknownShare: 0,
    opposites: new Set(),
  };
  const order = stemsOf(sentence);
  const c: CandidateView = {
    owner: 3,
    text: sentence,
    stems: new Set(order),
    pairs: pairsOf(order),
    order,
    spans: [],
    coverage: 0.8,
    coverageDirect: 0.8,
    coverageStrong: 0.8,
    eventMatched: true,
    bm25: 4,
    missingHeaviest: 0.1,
    statesAskedFact: false,
    ...overrides,
  };
  const s: SetView = {
    bestBm25: 4,
    secondBm25: 2,
    bm25Ceiling: 8,
    bestCoverage: 0.8,
    secondCoverage: 0.5,
    articleWords: new Set(stemsOf(sentence).concat(sentence.toLowerCase().split(/\W+/))),
    rules: { answered: false, cites: new Set(), confidence: 0, refused: false, statedFact: false },
    curated: false,
    ...set,
  };
  return featuresOf(q, c, s, false);
}

describe('the features of a (question, sentence) pair', () => {
  it('GIVEN every feature THEN each has a name and a finite value, in the order of FEATURE_NAMES', () => {
    const v = measure('who built the terminal', 'The terminal was built by Calder Marine.');
    expect(Object.keys(v).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(toArray(v).every(Number.isFinite)).toBe(true);
  });

  it('GIVEN the best sentence THEN its margins are its lead over the next', () => {
    const v = measure('who built the terminal', 'The terminal was built by Calder Marine.');
    expect(v.bm25Margin).toBeCloseTo(0.5);
    expect(v.coverageMargin).toBeCloseTo(0.3);
    expect(v.topByBm25).toBe(1);
    expect(v.bm25Share).toBeCloseTo(0.5);
  });

  it('GIVEN a sentence that denies what the question asks THEN the negation mismatch is set', () => {
    const v = measure('who funded the lab', 'Neither party was willing to fund the lab.');
    expect(v.negatedSentence).toBe(1);
    expect(v.negationMismatch).toBe(1);
    expect(measure('who funded the lab', 'The government funded the lab.').negationMismatch).toBe(0);
  });

  it('GIVEN a question word swapped for another between the same neighbours THEN it is counted', () => {
    expect(swaps(stemsOf('uses a flexible set of rules'), stemsOf('uses a fixed set of rules'), new Set(stemsOf('uses a fixed set of rules')))).toEqual({
      swappedWord: 1,
      swappedAtEdge: 0,
    });
    expect(measure('what uses a fixed set of rules', 'A machine uses a fixed set of rules.').swappedWord).toBe(0);
  });

  it('GIVEN word pairs of the question in the same order in the sentence THEN the pair share says how many', () => {
    expect(measure('when did the ferry terminal open', 'The ferry terminal opened in June.').pairShare).toBeGreaterThan(0);
    expect(measure('when did the terminal ferry open', 'The ferry terminal opened in June.').pairShare).toBe(0);
  });

  it('GIVEN a name the article never mentions THEN it is counted as absent from the article', () => {
    const v = measure('when did Oslo approve the terminal', 'The council approved the terminal in May.');
    expect(v.namesAbsentFromArticle).toBe(1);
  });

  it('GIVEN what the rule layers concluded THEN it is one feature among the others', () => {
    const v = measure('who built it', 'Calder Marine built it.', {}, { rules: { answered: true, cites: new Set([3]), confidence: 0.9, refused: false, statedFact: true } });
    expect([v.rulesAnswered, v.rulesCiteThis, v.rulesConfidence, v.rulesStatedFact]).toEqual([1, 1, 0.9, 1]);
  });

  it('GIVEN question words THEN the opening word and negation are read from them', () => {
    expect(openingOf(['in', 'which', 'year'])).toBe('which');
    expect(openingOf(['did', 'he', 'sign'])).toBe('yes-no');
    expect(openingOf(['tell', 'me', 'more'])).toBe('what');
    expect(isNegated(['he', "didn't", 'sign'])).toBe(true);
    expect(namesIn('When did Putin visit in 2000?')).toEqual(['putin', '2000']);
  });
});
