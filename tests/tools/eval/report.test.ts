import { describe, expect, it } from 'vitest';
import { calibration, tally, type Outcome } from '../../../tools/eval/report.ts';

const item = (answerable: boolean) => ({ id: 'x', q: 'q', answerable, gold: [], must: [], tags: ['t'] });
const outcome = (answerable: boolean, found: boolean, confidence: number, correct: boolean, retrieved?: boolean): Outcome => ({
  set: 's',
  item: item(answerable),
  found,
  confidence,
  verdict: { correct, reasons: [], fabricated: 0, citations: 1, hitting: correct ? 1 : 0 },
  ...(retrieved === undefined ? {} : { retrieved }),
});

describe('the evaluation report', () => {
  it('GIVEN outcomes THEN the tally counts answerable, unanswerable and retrieval apart', () => {
    const t = tally([outcome(true, true, 0.9, true, true), outcome(true, false, 0.2, false, true), outcome(false, false, 0.9, true)]);
    expect(t).toMatchObject({ n: 3, correct: 2, answerable: { n: 2, correct: 1 }, unanswerable: { n: 1, correct: 1 }, retrieval: { n: 2, hit: 2 } });
  });

  it('GIVEN answers whose confidence matches how often they are right THEN the calibration error is small, else large', () => {
    const honest = [...Array(10)].map((_, i) => outcome(true, true, 0.8, i < 8));
    expect(calibration(honest).ece).toBeCloseTo(0);
    const boastful = [...Array(10)].map((_, i) => outcome(true, true, 0.95, i < 5));
    expect(calibration(boastful).ece).toBeCloseTo(0.45);
    expect(calibration(boastful).rows).toHaveLength(1);
  });

  it('GIVEN declined questions THEN they are not in the calibration table', () => {
    expect(calibration([outcome(false, false, 0.99, true)]).answered).toBe(0);
  });
});
