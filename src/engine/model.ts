import type { FeatureVector } from './features.ts';

/**
 * The fitted decision as data: a scorer over named features (logistic regression or a few
 * small boosted trees), a calibration that turns its score into the probability that the
 * candidate answers, and the threshold above which the engine answers. `npm run model:fit`
 * writes it (tools/fit-model.ts); nothing here is tuned by hand.
 */

export interface LogisticScorer {
  readonly kind: 'logistic';
  readonly features: readonly string[];
  /** Standardisation: (x - mean) / scale, then the weights. */
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

/** A tree as flat nodes: a split sends x[feature] <= threshold to `left`, else `right`; a leaf has a value. */
export type TreeNode =
  | { readonly feature: number; readonly threshold: number; readonly left: number; readonly right: number }
  | { readonly value: number };

export interface TreesScorer {
  readonly kind: 'trees';
  readonly features: readonly string[];
  readonly base: number;
  readonly trees: readonly (readonly TreeNode[])[];
}

export type Scorer = LogisticScorer | TreesScorer;

export interface DecisionModel {
  readonly scorer: Scorer;
  /** Platt scaling of the scorer's log-odds, fitted on answers held out by article. */
  readonly calibration: { readonly a: number; readonly b: number };
  /** Answer when the calibrated probability is at least this: the held-out accuracy's best cut. */
  readonly threshold: number;
  /**
   * The runner-up sentence is cited too when its probability is at least this share of the
   * best's: two sentences that may each say it are both shown (0: never).
   */
  readonly second: number;
  /** sha256 of the corpus it was fitted on, so a refit can be checked against it. */
  readonly corpus: string;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The scorer's log-odds for a vector of values in the scorer's feature order. */
export function logOdds(scorer: Scorer, x: readonly number[]): number {
  if (scorer.kind === 'logistic') {
    let z = scorer.bias;
    for (let i = 0; i < x.length; i++) z += (scorer.weights[i]! * (x[i]! - scorer.mean[i]!)) / scorer.scale[i]!;
    return z;
  }
  let z = scorer.base;
  for (const tree of scorer.trees) {
    let node = tree[0]!;
    while (!('value' in node)) node = tree[x[node.feature]! <= node.threshold ? node.left : node.right]!;
    z += node.value;
  }
  return z;
}

/** The values of a feature vector in the order the scorer was fitted on. */
export function ordered(scorer: Scorer, v: FeatureVector): number[] {
  return scorer.features.map((name) => (v as Record<string, number>)[name] ?? 0);
}

/** The calibrated probability that the candidate answers the question. */
export function probability(model: DecisionModel, v: FeatureVector): number {
  const z = logOdds(model.scorer, ordered(model.scorer, v));
  return sigmoid(model.calibration.a * z + model.calibration.b);
}
