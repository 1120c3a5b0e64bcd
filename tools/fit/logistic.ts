/** Logistic regression with L2, fitted by Newton's method on standardised features: deterministic. */

export interface Rows {
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly w: readonly number[];
}

export interface LogisticFit {
  readonly mean: number[];
  readonly scale: number[];
  readonly weights: number[];
  readonly bias: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i] || 1e-12));
}

export function fitLogistic(rows: Rows, l2 = 1, iterations = 25): LogisticFit {
  const d = rows.x[0]?.length ?? 0;
  const n = rows.x.length;
  const mean = Array.from({ length: d }, (_, j) => rows.x.reduce((s, r) => s + r[j]!, 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(rows.x.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = rows.x.map((r) => [1, ...r.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = 0;
      for (let j = 0; j <= d; j++) s += beta[j]! * zi[j]!;
      const p = sigmoid(s);
      const wi = rows.w[i]!;
      const g = wi * (p - rows.y[i]!);
      const h = wi * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j]! += g * zi[j]!;
        const hz = h * zi[j]!;
        const row = hess[j]!;
        for (let k = j; k <= d; k++) row[k]! += hz * zi[k]!;
      }
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) hess[j]![k] = hess[k]![j]!;
    for (let j = 1; j <= d; j++) {
      grad[j]! += l2 * beta[j]!;
      hess[j]![j]! += l2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0]! };
}

export function logisticLogOdds(fit: LogisticFit, x: readonly number[]): number {
  let s = fit.bias;
  for (let j = 0; j < x.length; j++) s += (fit.weights[j]! * (x[j]! - fit.mean[j]!)) / fit.scale[j]!;
  return s;
}
