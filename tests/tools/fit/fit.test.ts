import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../../src/engine/features.ts';
import type { Example } from '../../../tools/fit/corpus.ts';
import { crossValidate, fitPair, foldsOf } from '../../../tools/fit/fit.ts';
import { fitLogistic } from '../../../tools/fit/logistic.ts';
import { seeded } from '../../../tools/fit/roughen.ts';

const COVERAGE = FEATURE_NAMES.indexOf('coverage');
const NEGATION = FEATURE_NAMES.indexOf('negationMismatch');

/**
 * A small corpus made here: the candidate that holds the answer covers more of the question,
 * and an unanswerable question's best candidate denies it half the time.
 */
function corpus(seed: number): Example[] {
  const rand = seeded(seed);
  const out: Example[] = [];
  for (let article = 0; article < 10; article++)
    for (let q = 0; q < 20; q++) {
      const answerable = rand() < 0.5;
      const right = Math.floor(rand() * 3);
      const candidates = [0, 1, 2].map((i) => {
        const x = new Array<number>(FEATURE_NAMES.length).fill(0);
        x[COVERAGE] = answerable && i === right ? 0.6 + 0.4 * rand() : 0.7 * rand();
        x[NEGATION] = !answerable && rand() < 0.5 ? 1 : 0;
        return { x, hit: answerable && i === right };
      });
      out.push({ set: `a${article}`, group: `a${article}`, domain: article < 7 ? 'squad' : 'chat', roughened: false, answerable, candidates });
    }
  return out;
}

describe('fitting the decision', () => {
  it('GIVEN the same corpus THEN a refit gives the same model, to the last digit', () => {
    const a = fitPair(corpus(7), 'logistic');
    const b = fitPair(corpus(7), 'logistic');
    expect(JSON.stringify([a.ranker, a.decider])).toBe(JSON.stringify([b.ranker, b.decider]));
    const t1 = fitPair(corpus(7), 'trees');
    const t2 = fitPair(corpus(7), 'trees');
    expect(JSON.stringify([t1.ranker, t1.decider])).toBe(JSON.stringify([t2.ranker, t2.decider]));
  });

  it('GIVEN coverage that tells the answer apart THEN the ranker weighs it up and the decider weighs denial down', () => {
    const fitted = fitPair(corpus(3), 'logistic');
    if (fitted.ranker.kind !== 'logistic' || fitted.decider.kind !== 'logistic') throw new Error('logistic expected');
    expect(fitted.ranker.weights[COVERAGE]).toBeGreaterThan(0);
    expect(fitted.decider.weights[NEGATION]).toBeLessThan(0);
  });

  it('GIVEN folds THEN every article of one source is held out together', () => {
    const examples = corpus(1).map((e) => ({ ...e, group: e.set.replace(/\d$/, '') }));
    const folds = foldsOf(examples, 3);
    for (const e of examples) expect(folds.get(`${e.domain}:${e.group}`)).toBeDefined();
    expect(new Set(examples.filter((e) => e.group === 'a').map((e) => folds.get(`${e.domain}:${e.group}`))).size).toBe(1);
  });

  it('GIVEN held-out articles THEN the report beats always answering and is calibrated', () => {
    const report = crossValidate(corpus(11), 'logistic', 5);
    expect(report.squad).toBeGreaterThan(0.6);
    expect(report.ece).toBeLessThan(0.2);
    expect(report.threshold).toBeGreaterThan(0);
  });

  it('GIVEN one informative feature THEN logistic regression finds its sign', () => {
    const x = Array.from({ length: 200 }, (_, i) => [i % 2, (i * 7) % 5]);
    const fit = fitLogistic({ x, y: x.map((r) => r[0]!), w: x.map(() => 1) }, 1);
    expect(fit.weights[0]).toBeGreaterThan(1);
  });
});
