import type { EvalItem, Judgement } from './score.ts';

/** One question's outcome. `retrieved` is whether the engine's best candidate, answered or not, holds a gold span. */
export interface Outcome {
  readonly set: string;
  readonly item: EvalItem;
  readonly found: boolean;
  readonly confidence: number;
  readonly verdict: Judgement;
  readonly retrieved?: boolean;
}

export interface Tally {
  readonly n: number;
  readonly correct: number;
  readonly answerable: { readonly n: number; readonly correct: number };
  readonly unanswerable: { readonly n: number; readonly correct: number };
  readonly fabricated: number;
  /** Answerable questions whose best candidate holds a gold span, of those with a candidate reported. */
  readonly retrieval: { readonly n: number; readonly hit: number };
}

export function tally(outcomes: readonly Outcome[]): Tally {
  const ans = outcomes.filter((o) => o.item.answerable);
  const un = outcomes.filter((o) => !o.item.answerable);
  const withRetrieval = ans.filter((o) => o.retrieved !== undefined);
  return {
    n: outcomes.length,
    correct: outcomes.filter((o) => o.verdict.correct).length,
    answerable: { n: ans.length, correct: ans.filter((o) => o.verdict.correct).length },
    unanswerable: { n: un.length, correct: un.filter((o) => o.verdict.correct).length },
    fabricated: outcomes.reduce((s, o) => s + o.verdict.fabricated, 0),
    retrieval: { n: withRetrieval.length, hit: withRetrieval.filter((o) => o.retrieved).length },
  };
}

const ratio = (n: number, d: number): number => (d ? n / d : 0);
const f3 = (x: number): string => x.toFixed(3);

export interface CalibrationRow {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/**
 * Answered questions by confidence decile: how sure the engine said it was against how often it
 * was right, and the expected calibration error (the gap weighted by each decile's share).
 */
export function calibration(outcomes: readonly Outcome[]): { rows: CalibrationRow[]; ece: number; answered: number } {
  const answered = outcomes.filter((o) => o.found);
  const rows: CalibrationRow[] = [];
  let ece = 0;
  for (let d = 0; d < 10; d++) {
    const from = d / 10;
    const to = (d + 1) / 10;
    const bin = answered.filter((o) => (d === 9 ? o.confidence >= from : o.confidence >= from && o.confidence < to));
    if (bin.length === 0) continue;
    const meanConfidence = bin.reduce((s, o) => s + o.confidence, 0) / bin.length;
    const accuracy = ratio(bin.filter((o) => o.verdict.correct).length, bin.length);
    rows.push({ from, to, n: bin.length, meanConfidence, accuracy });
    ece += (bin.length / answered.length) * Math.abs(meanConfidence - accuracy);
  }
  return { rows, ece, answered: answered.length };
}

export function summaryLine(label: string, t: Tally): string {
  const retrieval = t.retrieval.n ? ` retrieval=${f3(ratio(t.retrieval.hit, t.retrieval.n))}` : '';
  return `${label}: n=${t.n} answerable=${f3(ratio(t.answerable.correct, t.answerable.n))} unanswerable=${f3(ratio(t.unanswerable.correct, t.unanswerable.n))} overall=${f3(ratio(t.correct, t.n))}${retrieval} fabricated=${t.fabricated}`;
}

export function tagTable(outcomes: readonly Outcome[]): string[] {
  const byTag = new Map<string, { n: number; ok: number }>();
  for (const o of outcomes)
    for (const tag of [o.item.answerable ? '(answerable)' : '(unanswerable)', ...o.item.tags]) {
      const row = byTag.get(tag) ?? { n: 0, ok: 0 };
      row.n++;
      if (o.verdict.correct) row.ok++;
      byTag.set(tag, row);
    }
  const rows = [...byTag].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
  const width = Math.max(3, ...rows.map(([t]) => t.length));
  return [`${'tag'.padEnd(width)}  count  correct  accuracy`, ...rows.map(([tag, { n, ok }]) => `${tag.padEnd(width)}  ${String(n).padStart(5)}  ${String(ok).padStart(7)}  ${f3(ratio(ok, n)).padStart(8)}`)];
}

export function calibrationTable(outcomes: readonly Outcome[]): string[] {
  const { rows, ece, answered } = calibration(outcomes);
  return [
    'confidence   answered  mean conf.  accuracy',
    ...rows.map((r) => `${f3(r.from)}-${f3(r.to)}  ${String(r.n).padStart(8)}  ${f3(r.meanConfidence).padStart(10)}  ${f3(r.accuracy).padStart(8)}`),
    `expected calibration error: ${f3(ece)} over ${answered} answered`,
  ];
}
