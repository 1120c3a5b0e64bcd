import { DECISION } from '../../src/engine/decide.ts';
import { DECIDER_FEATURES, FEATURE_NAMES } from '../../src/engine/features.ts';
import type { Scorer } from '../../src/engine/model.ts';
import type { Example } from './corpus.ts';
import { fitLogistic, logisticLogOdds, type Rows } from './logistic.ts';
import { fitTrees, treesLogOdds } from './trees.ts';

export const FIT = Object.freeze({
  /** A chat-style question counts this many SQuAD ones: there are few, and they are the product's. */
  chatWeight: 5,
  /** Ridge on the standardised weights: enough to keep correlated features from trading wild weights. */
  l2: 1,
  /** The threshold is searched over this grid of probabilities... */
  thresholds: Array.from({ length: 91 }, (_, i) => 0.05 + i / 100),
  /** ...and the ranker's log-odds gap within which the runner-up is cited too. */
  secondGaps: [0, 0.25, 0.5, 0.75, 1, 1.5, 2],
});

export type Kind = 'logistic' | 'trees';

export interface Report {
  readonly squad: number;
  readonly squadAnswerable: number;
  readonly squadUnanswerable: number;
  readonly chat: number;
  readonly curated: number;
  /** Each chat-style article, held out. */
  readonly perSet: Readonly<Record<string, number>>;
  readonly ece: number;
  readonly threshold: number;
  /** The runner-up is cited too when the ranker puts it within this many log-odds of the best (0: never). */
  readonly second: number;
  readonly calibration: { a: number; b: number };
}

const weightOf = (e: Example): number => (e.domain === 'squad' ? 1 : FIT.chatWeight);

function fitRows(rows: Rows, kind: Kind, features: readonly string[]): { scorer: Scorer; logOdds: (x: readonly number[]) => number } {
  if (kind === 'logistic') {
    const fit = fitLogistic(rows, FIT.l2);
    return { scorer: { kind, features: [...features], ...fit }, logOdds: (x) => logisticLogOdds(fit, x) };
  }
  const fit = fitTrees(rows);
  return { scorer: { kind, features: [...features], base: fit.base, trees: fit.trees }, logOdds: (x) => treesLogOdds(fit, x) };
}

/** Which candidate holds the answer, learnt from answerable questions only. */
function rankerRows(examples: readonly Example[]): Rows {
  const x: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const e of examples) {
    if (!e.answerable) continue;
    for (const c of e.candidates) {
      x.push([...c.x]);
      y.push(c.hit ? 1 : 0);
      w.push(weightOf(e));
    }
  }
  return { x, y, w };
}

/** A question's candidates in the ranker's order, with what answering the best would give. */
interface Ranked {
  readonly example: Example;
  /** The best candidate's features, then its rank score and margin: what the decider reads. */
  readonly top: readonly number[] | undefined;
  readonly right: boolean;
  readonly gap: number;
  readonly right2: boolean;
}

function rank(example: Example, ranker: (x: readonly number[]) => number): Ranked {
  const scored = example.candidates.map((c) => ({ c, z: ranker(c.x) })).sort((a, b) => b.z - a.z);
  const [first, second] = scored;
  if (!first) return { example, top: undefined, right: false, gap: Infinity, right2: false };
  const margin = first.z - (second?.z ?? first.z - DECISION.loneMargin);
  return {
    example,
    top: [...first.c.x, first.z, margin],
    right: example.answerable && first.c.hit,
    gap: margin,
    right2: example.answerable && (second?.c.hit ?? false),
  };
}

function deciderRows(ranked: readonly Ranked[]): Rows {
  const usable = ranked.filter((r) => r.top !== undefined);
  return { x: usable.map((r) => [...r.top!]), y: usable.map((r) => (r.right ? 1 : 0)), w: usable.map((r) => weightOf(r.example)) };
}

export interface Fitted {
  readonly ranker: Scorer;
  readonly decider: Scorer;
  readonly rank: (x: readonly number[]) => number;
  readonly decide: (x: readonly number[]) => number;
}

/** The ranker on answerable questions, then the decider on every question's best candidate. */
export function fitPair(examples: readonly Example[], kind: Kind): Fitted {
  const ranker = fitRows(rankerRows(examples), kind, FEATURE_NAMES);
  const ranked = examples.map((e) => rank(e, ranker.logOdds));
  const decider = fitRows(deciderRows(ranked), kind, DECIDER_FEATURES);
  return { ranker: ranker.scorer, decider: decider.scorer, rank: ranker.logOdds, decide: decider.logOdds };
}

interface Decided extends Ranked {
  readonly z: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function platt(decided: readonly Decided[]): { a: number; b: number } {
  const rows: Rows = {
    x: decided.map((d) => [Number.isFinite(d.z) ? d.z : -20]),
    y: decided.map((d) => (d.right ? 1 : 0)),
    w: decided.map((d) => weightOf(d.example)),
  };
  const fit = fitLogistic(rows, 1e-3);
  const a = fit.weights[0]! / fit.scale[0]!;
  return { a, b: fit.bias - a * fit.mean[0]! };
}

/** Right when answered with a hit among the citations (the best, and the runner-up within `gap`), or declined when unanswerable. */
function accuracy(decided: readonly Decided[], p: (d: Decided) => number, threshold: number, gap = 0): number {
  if (decided.length === 0) return 0;
  let ok = 0;
  for (const d of decided) {
    const answered = p(d) >= threshold;
    const hit = d.right || (gap > 0 && d.right2 && d.gap <= gap);
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
    const test = examples.filter((e) => foldOf(e) === f);
    if (test.length === 0) continue;
    const fitted = fitPair(examples.filter((e) => foldOf(e) !== f), kind);
    for (const e of test) {
      const r = rank(e, fitted.rank);
      decided.push({ ...r, z: r.top ? fitted.decide(r.top) : -Infinity });
    }
  }
  const calibration = platt(decided);
  const p = (d: Decided) => (Number.isFinite(d.z) ? sigmoid(calibration.a * d.z + calibration.b) : 0);
  const squad = decided.filter((d) => d.example.domain === 'squad' && !d.example.roughened);
  const chat = decided.filter((d) => d.example.domain === 'chat');
  const curated = decided.filter((d) => d.example.domain === 'curated');
  let threshold = 0.5;
  let second = 0;
  let bestScore = -1;
  for (const gap of FIT.secondGaps)
    for (const t of FIT.thresholds) {
      // Wikipedia and chat about news count alike; curated knowledge is decided by its rules (engine.ts).
      const s = (accuracy(squad, p, t, gap) + accuracy(chat, p, t, gap)) / 2;
      if (s > bestScore) {
        bestScore = s;
        threshold = t;
        second = gap;
      }
    }
  const perSet: Record<string, number> = {};
  for (const name of [...new Set(chat.map((d) => d.example.set))].sort())
    perSet[name] = accuracy(chat.filter((d) => d.example.set === name), p, threshold, second);
  return {
    perSet,
    squad: accuracy(squad, p, threshold, second),
    squadAnswerable: accuracy(squad.filter((d) => d.example.answerable), p, threshold, second),
    squadUnanswerable: accuracy(squad.filter((d) => !d.example.answerable), p, threshold, second),
    chat: accuracy(chat, p, threshold, second),
    curated: accuracy(curated, p, threshold, second),
    ece: ece([...squad, ...chat], p, threshold),
    threshold,
    second,
    calibration,
  };
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
