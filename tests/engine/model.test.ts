import { describe, expect, it } from 'vitest';
import { asDecisionModel, DECISION_MODEL } from '../../src/engine/decision-model.ts';
import { FEATURE_NAMES, DECIDER_FEATURES } from '../../src/engine/features.ts';
import { logOdds, probability, rankScore, type DecisionModel } from '../../src/engine/model.ts';

const zero = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Record<(typeof FEATURE_NAMES)[number], number>;

const MODEL: DecisionModel = {
  ranker: { kind: 'logistic', features: ['coverage'], mean: [0.5], scale: [0.25], weights: [2], bias: -1 },
  decider: {
    kind: 'trees',
    features: ['rankScore', 'negationMismatch'],
    base: 0,
    trees: [[{ feature: 1, threshold: 0.5, left: 1, right: 2 }, { value: 1 }, { value: -3 }], [{ value: 0.5 }]],
  },
  calibration: { a: 1, b: 0 },
  threshold: 0.5,
  second: 0,
  corpus: 'test',
};

describe('the fitted decision as data', () => {
  it('GIVEN a logistic scorer THEN the log-odds are the standardised weighted sum', () => {
    expect(rankScore(MODEL, { ...zero, coverage: 1 })).toBeCloseTo(-1 + (2 * (1 - 0.5)) / 0.25);
  });

  it('GIVEN boosted trees THEN each tree adds the value of the leaf the vector reaches', () => {
    expect(logOdds(MODEL.decider, [0, 0])).toBeCloseTo(1.5);
    expect(logOdds(MODEL.decider, [0, 1])).toBeCloseTo(-2.5);
  });

  it('GIVEN the decider THEN the probability is calibrated from its log-odds, and a denial lowers it', () => {
    const plain = probability(MODEL, zero, 2, 1);
    const denied = probability(MODEL, { ...zero, negationMismatch: 1 }, 2, 1);
    expect(plain).toBeCloseTo(1 / (1 + Math.exp(-1.5)));
    expect(denied).toBeLessThan(plain);
  });

  it('GIVEN a file that is no model THEN it is refused with what to do', () => {
    expect(() => asDecisionModel({ threshold: 0.5 })).toThrow(/model:fit/);
    expect(() => asDecisionModel({ ...MODEL, ranker: { kind: 'logistic', features: ['a'], weights: [] } })).toThrow();
    expect(asDecisionModel(MODEL).threshold).toBe(0.5);
  });

  it('GIVEN the shipped model THEN it reads only features the engine computes', () => {
    for (const name of DECISION_MODEL.ranker.features) expect(FEATURE_NAMES).toContain(name);
    for (const name of DECISION_MODEL.decider.features) expect(DECIDER_FEATURES).toContain(name);
    expect(DECISION_MODEL.threshold).toBeGreaterThan(0);
    expect(DECISION_MODEL.threshold).toBeLessThan(1);
  });
});
