/**
 * Small gradient-boosted trees for the log loss: depth-limited, splits chosen over each
 * feature's quantile bins (histograms of gradients, as LightGBM and XGBoost's "hist" do), with
 * shrinkage. Deterministic: the same rows give the same trees.
 */
import type { TreeNode } from '../../src/engine/model.ts';
import type { Rows } from './logistic.ts';

export interface TreesFit {
  readonly base: number;
  readonly trees: TreeNode[][];
}

export interface TreeOptions {
  readonly rounds: number;
  readonly depth: number;
  readonly rate: number;
  readonly minLeaf: number;
  readonly l2: number;
  readonly bins: number;
}

export const TREE_DEFAULTS: TreeOptions = Object.freeze({ rounds: 150, depth: 3, rate: 0.1, minLeaf: 40, l2: 1, bins: 32 });

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Cut points between each feature's quantiles: a split is "value <= cut". */
function cutsOf(rows: Rows, bins: number): number[][] {
  const d = rows.x[0]?.length ?? 0;
  return Array.from({ length: d }, (_, j) => {
    const values = [...new Set(rows.x.map((r) => r[j]!))].sort((a, b) => a - b);
    if (values.length <= bins) return values.slice(0, -1).map((v, i) => (v + values[i + 1]!) / 2);
    const cuts: number[] = [];
    for (let b = 1; b < bins; b++) {
      const i = Math.floor((b * values.length) / bins);
      const cut = (values[i - 1]! + values[i]!) / 2;
      if (cuts.at(-1) !== cut) cuts.push(cut);
    }
    return cuts;
  });
}

function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function fitTrees(rows: Rows, options: TreeOptions = TREE_DEFAULTS): TreesFit {
  const n = rows.x.length;
  const d = rows.x[0]?.length ?? 0;
  const wsum = rows.w.reduce((a, b) => a + b, 0);
  const prior = rows.y.reduce((s, y, i) => s + y * rows.w[i]!, 0) / wsum;
  const base = Math.log(prior / (1 - prior));
  const cuts = cutsOf(rows, options.bins);
  const binned = Array.from({ length: d }, (_, j) => Uint8Array.from(rows.x, (r) => binOf(cuts[j]!, r[j]!)));
  const f = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeNode[][] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(f[i]!);
      g[i] = rows.w[i]! * (p - rows.y[i]!);
      h[i] = rows.w[i]! * Math.max(p * (1 - p), 1e-9);
    }
    const nodes: TreeNode[] = [];
    const grow = (idx: Int32Array, depth: number): number => {
      const at = nodes.length;
      nodes.push({ value: 0 });
      let G = 0;
      let H = 0;
      for (const i of idx) {
        G += g[i]!;
        H += h[i]!;
      }
      const leaf = (): number => {
        nodes[at] = { value: (-G / (H + options.l2)) * options.rate };
        return at;
      };
      if (depth >= options.depth || idx.length < 2 * options.minLeaf) return leaf();
      const parent = (G * G) / (H + options.l2);
      let best = { gain: 1e-9, feature: -1, bin: 0 };
      for (let j = 0; j < d; j++) {
        const nb = cuts[j]!.length + 1;
        if (nb < 2) continue;
        const hg = new Float64Array(nb);
        const hh = new Float64Array(nb);
        const hc = new Int32Array(nb);
        const col = binned[j]!;
        for (const i of idx) {
          const b = col[i]!;
          hg[b]! += g[i]!;
          hh[b]! += h[i]!;
          hc[b]!++;
        }
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += hg[b]!;
          hl += hh[b]!;
          cl += hc[b]!;
          if (cl < options.minLeaf || idx.length - cl < options.minLeaf) continue;
          const gr = G - gl;
          const hr = H - hl;
          const gain = (gl * gl) / (hl + options.l2) + (gr * gr) / (hr + options.l2) - parent;
          if (gain > best.gain) best = { gain, feature: j, bin: b };
        }
      }
      if (best.feature < 0) return leaf();
      const col = binned[best.feature]!;
      const left = idx.filter((i) => col[i]! <= best.bin);
      const right = idx.filter((i) => col[i]! > best.bin);
      const l = grow(left, depth + 1);
      const r = grow(right, depth + 1);
      nodes[at] = { feature: best.feature, threshold: cuts[best.feature]![best.bin]!, left: l, right: r };
      return at;
    };
    grow(Int32Array.from({ length: n }, (_, i) => i), 0);
    trees.push(nodes);
    for (let i = 0; i < n; i++) f[i]! += treeValue(nodes, rows.x[i]!);
  }
  return { base, trees };
}

export function treeValue(nodes: readonly TreeNode[], x: readonly number[]): number {
  let node = nodes[0]!;
  while (!('value' in node)) node = nodes[x[node.feature]! <= node.threshold ? node.left : node.right]!;
  return node.value;
}

export function treesLogOdds(fit: TreesFit, x: readonly number[]): number {
  let z = fit.base;
  for (const t of fit.trees) z += treeValue(t, x);
  return z;
}
