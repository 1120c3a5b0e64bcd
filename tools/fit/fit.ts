import { FEATURE_NAMES } from '../../src/engine/features.ts';
import type { Scorer } from '../../src/engine/model.ts';
import type { Example } from './corpus.ts';
import { fitLogistic, logisticLogOdds, type Rows } from './logistic.ts';
import { fitTrees, treesLogOdds } from './trees.ts';

export const FIT = Object.freeze({
  /** A chat-style question counts this many SQuAD ones: there are few, and they are the product's. */
  chatWeight: 5,
  /** Ridge on the standardised weights: enough to keep correlated features from trading wild weights. */
  l2: 1,
  /** The threshold is searched over this grid of probabilities. */
  thresholds: Array.from({ length: 91 }, (_, i) => 0.05 + i / 100),
  /** ...and the share of the best's probability at which the runner-up is cited too. */
  secondRatios: [Infinity, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3],
});

export type Kind = 'logistic' | 'trees';

export interface Report {
  readonly squad: number;
  readonly squadAnswerable: number;
  readonly squadUnanswerable: number;
  readonly chat: number;
  readonly curated: number;
  readonly ece: number;
  readonly threshold: number;
  /** The runner-up is cited too when its probability is at least this share of the best's (Infinity: never). */
  readonly second: number;
  readonly calibration: { a: number; b: number };
}

function rowsOf(examples: readonly Example[]): Rows {
  const x: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const e of examples)
    for (const c of e.candidates) {
      x.push([...c.x]);
      y.push(c.hit ? 1 : 0);
      w.push(e.domain === 'squad' ? 1 : FIT.chatWeight);
    }
  return { x, y, w };
}

export function fitScorer(examples: readonly Example[], kind: Kind): { scorer: Scorer; logOdds: (x: readonly number[]) => number } {
  const rows = rowsOf(examples);
  if (kind === 'logistic') {
    const fit = fitLogistic(rows, FIT.l2);
    return { scorer: { kind, features: [...FEATURE_NAMES], ...fit }, logOdds: (x) => logisticLogOdds(fit, x) };
  }
  const fit = fitTrees(rows);
  return { scorer: { kind, features: [...FEATURE_NAMES], base: fit.base, trees: fit.trees }, logOdds: (x) => treesLogOdds(fit, x) };
}

/** A question's best candidate by the scorer, with whether answering it would be right. */
interface Decided {
  readonly example: Example;
  readonly z: number;
  readonly right: boolean;
  /** The runner-up, which the reply also cites when it is nearly as likely. */
  readonly z2: number;
  readonly right2: boolean;
}

function decide(example: Example, logOdds: (x: readonly number[]) => number): Decided {
  const scored = example.candidates.map((c) => ({ z: logOdds(c.x), right: example.answerable && c.hit })).sort((a, b) => b.z - a.z);
  return {
    example,
    z: scored[0]?.z ?? -Infinity,
    right: scored[0]?.right ?? false,
    z2: scored[1]?.z ?? -Infinity,
    right2: scored[1]?.right ?? false,
  };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function platt(decided: readonly Decided[]): { a: number; b: number } {
  const rows: Rows = {
    x: decided.map((d) => [Number.isFinite(d.z) ? d.z : -20]),
    y: decided.map((d) => (d.right ? 1 : 0)),
    w: decided.map((d) => (d.example.domain === 'squad' ? 1 : FIT.chatWeight)),
  };
  const fit = fitLogistic(rows, 1e-3);
  const a = fit.weights[0]! / fit.scale[0]!;
  return { a, b: fit.bias - a * fit.mean[0]! };
}

/** Right when answered with a hit among the citations (the best, and the runner-up when its probability is at least `second` of the best's), or declined when unanswerable. */
function accuracy(decided: readonly Decided[], p: (d: Decided) => number, threshold: number, second = Infinity, p2: (d: Decided) => number = () => 0): number {
  if (decided.length === 0) return 0;
  let ok = 0;
  for (const d of decided) {
    const answered = p(d) >= threshold;
    const hit = d.right || (d.right2 && p2(d) >= second * p(d));
    if (d.example.answerable ? answered && hit : !answered) ok++;
  }
  return ok / decided.length;
}

function ece(decided: readonly Decided[], p: (d: Decided) => number, threshold: number): number {
  const answered = decided.filter((d) => p(d) >= threshold);
  let sum = 0;
  for (let bin = 0; bin < 10; bin++) {
    const inBin = answered.filter((d) => Math.min(9, Math.floor(p(d) * 10)) === bin);
    if (inBin.length === 0) continue;
    const conf = inBin.reduce((s, d) => s + p(d), 0) / inBin.length;
    const acc = inBin.filter((d) => d.right).length / inBin.length;
    sum += (inBin.length / answered.length) * Math.abs(conf - acc);
  }
  return sum;
}

/** Folds by group: every article of one source held out together. */
export function foldsOf(examples: readonly Example[], k: number): Map<string, number> {
  const groups = [...new Set(examples.map((e) => `${e.domain}:${e.group}`))].sort();
  const fold = new Map<string, number>();
  for (const domain of ['squad:', 'chat:', 'curated:']) groups.filter((g) => g.startsWith(domain)).forEach((g, i) => fold.set(g, i % k));
  return fold;
}

/** Out-of-fold decisions, then a calibration and threshold fitted on them: every figure is on articles not fitted on. */
export function crossValidate(examples: readonly Example[], kind: Kind, k: number): Report {
  const fold = foldsOf(examples, k);
  const foldOf = (e: Example) => fold.get(`${e.domain}:${e.group}`)!;
  const decided: Decided[] = [];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((e) => foldOf(e) !== f);
    const test = examples.filter((e) => foldOf(e) === f);
    if (test.length === 0) continue;
    const { logOdds } = fitScorer(train, kind);
    for (const e of test) decided.push(decide(e, logOdds));
  }
  const calibration = platt(decided);
  const p = (d: Decided) => (Number.isFinite(d.z) ? sigmoid(calibration.a * d.z + calibration.b) : 0);
  const squad = decided.filter((d) => d.example.domain === 'squad' && !d.example.roughened);
  const chat = decided.filter((d) => d.example.domain === 'chat');
  const curated = decided.filter((d) => d.example.domain === 'curated');
  const p2 = (d: Decided) => (Number.isFinite(d.z2) ? sigmoid(calibration.a * d.z2 + calibration.b) : 0);
  let threshold = 0.5;
  let second = Infinity;
  let bestScore = -1;
  for (const r of FIT.secondRatios)
    for (const t of FIT.thresholds) {
      const s = (accuracy(squad, p, t, r, p2) + accuracy(chat, p, t, r, p2)) / 2;
      if (s > bestScore) {
        bestScore = s;
        threshold = t;
        second = r;
      }
    }
  return {
    squad: accuracy(squad, p, threshold, second, p2),
    squadAnswerable: accuracy(squad.filter((d) => d.example.answerable), p, threshold, second, p2),
    squadUnanswerable: accuracy(squad.filter((d) => !d.example.answerable), p, threshold, second, p2),
    chat: accuracy(chat, p, threshold, second, p2),
    curated: accuracy(curated, p, threshold, second, p2),
    second,
    ece: ece([...squad, ...chat], p, threshold),
    threshold,
    calibration,
  };
}

export function fitModel(examples: readonly Example[], kind: Kind, _report: Report): { scorer: Scorer } {
  return { scorer: fitScorer(examples, kind).scorer };
}

/** How often the answer is among the candidates at all, per domain: the ceiling any decision can reach. */
export function candidateRecall(examples: readonly Example[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const domain of ['squad', 'chat', 'curated'] as const) {
    const ans = examples.filter((e) => e.domain === domain && e.answerable && !e.roughened);
    out[domain] = ans.length ? ans.filter((e) => e.candidates.some((c) => c.hit)).length / ans.length : 0;
  }
  return out;
}
