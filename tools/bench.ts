import { parseArgs } from 'node:util';
import type { Engine } from '../src/engine/types.ts';
import type { KnowledgeBase } from '../src/knowledge/types.ts';
import { heldOut, scaleKnowledge, shippedQuestions } from './bench-questions.ts';

/**
 * `npm run bench [-- --scale N] [-- --check] [-- --check-scale]`: time the engine per question on
 * held-out questions (the project's question sets and reworded variants of them, never a phrasing
 * the knowledge indexes word for word), its build, and its heap after a forced GC.
 *
 * - `--scale N` builds N times the shipped knowledge (see scaleKnowledge) and times that.
 * - `--check` exits 1 when a target at scale 1 is missed.
 * - `--check-scale` also builds at 100x and checks build and p50 against the 1x figures.
 *
 * Build is `buildEngine(knowledge)` only; loading the knowledge (parsing and the NLP tagger's
 * derive step) is measured apart as loadMs. Run with `node --expose-gc` (the npm script does)
 * for heap figures; without it heapMiB is null.
 */
const TARGETS = Object.freeze({ p50Ms: 0.1, p99Ms: 1, buildMs: 300, heapMiB: 64 });
const SCALE_TARGETS = Object.freeze({ scale: 100, buildRatio: 120, p50Ratio: 4 });

// The engine timed is the one `npm start` runs: compiled into dist/ by tsc (the npm script
// builds it first), not this tool's own transpiled copy of the sources.
const dist = new URL('../dist/', import.meta.url);
const compiled = async <T>(path: string): Promise<T> => (await import(new URL(path, dist).href)) as T;
const { buildEngine } = await compiled<typeof import('../src/engine/engine.ts')>('engine/engine.js');
const { formatProblem } = await compiled<typeof import('../src/app/live.ts')>('app/live.js');
const { loadKnowledge } = await compiled<typeof import('../src/knowledge/loader.ts')>('knowledge/loader.js');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const { values } = parseArgs({
  options: {
    check: { type: 'boolean' },
    'check-scale': { type: 'boolean' },
    scale: { type: 'string', default: '1' },
    rounds: { type: 'string' },
    curated: { type: 'boolean' },
    knowledge: { type: 'string', default: process.env.KNOWLEDGE_DIR ?? 'knowledge' },
  },
});

const gc = (globalThis as { gc?: () => void }).gc;
function heapUsed(): number | undefined {
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const heapStart = heapUsed();
const loadStart = performance.now();
const loaded = await loadKnowledge(values.knowledge!);
const loadMs = performance.now() - loadStart;
if (!loaded.ok) {
  process.stderr.write(`${loaded.problems.map(formatProblem).join('\n')}\n`);
  process.exit(1);
}
const base = loaded.knowledge;
const heapLoaded = heapUsed();
const questions = heldOut(await shippedQuestions(), base);
const curated = base.qa.flatMap((e) => e.questions);

interface Timing {
  p50Ms: number;
  p99Ms: number;
  worstRoundP99Ms: number;
  maxMs: number;
}

function time(engine: Engine, qs: readonly string[], rounds: number): Timing {
  for (const q of qs) engine.ask(q); // warm up the JIT before measuring
  const all: number[] = [];
  const roundP99: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (const q of qs) {
      const t = performance.now();
      engine.ask(q);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    roundP99.push(percentile(times, 0.99));
    all.push(...times);
  }
  all.sort((a, b) => a - b);
  roundP99.sort((a, b) => a - b);
  // The p99 is judged on the median round: one round slowed by another process on the machine
  // says nothing about the engine.
  return {
    p50Ms: +percentile(all, 0.5).toFixed(4),
    p99Ms: +percentile(roundP99, 0.5).toFixed(4),
    worstRoundP99Ms: +roundP99[roundP99.length - 1]!.toFixed(4),
    maxMs: +all[all.length - 1]!.toFixed(4),
  };
}

function measure(scale: number) {
  const kb: KnowledgeBase = scaleKnowledge(base, scale);
  // The median of a few builds at small scales: one build is at the mercy of the machine.
  const builds: number[] = [];
  for (let i = 0; i < (scale >= 100 ? 0 : 2); i++) {
    const t = performance.now();
    buildEngine(kb);
    builds.push(performance.now() - t);
  }
  const heapBefore = heapUsed();
  const buildStart = performance.now();
  let engine: Engine | undefined = buildEngine(kb);
  builds.push(performance.now() - buildStart);
  const heapAfter = heapUsed();
  const buildMs = builds.sort((a, b) => a - b)[Math.floor(builds.length / 2)]!;
  const rounds = Number(values.rounds ?? (scale >= 100 ? 3 : scale >= 10 ? 5 : 20));
  const heldOutTiming = time(engine, questions, rounds);
  const curatedTiming = values.curated ? time(engine, curated, rounds) : undefined;
  // Bad input must stay cheap too; it is not one of the timed questions.
  engine.ask('x'.repeat(10_000));
  engine.ask('');
  const report = {
    scale,
    heldOutQuestions: questions.length,
    ...heldOutTiming,
    ...(curatedTiming ? { curated: { questions: curated.length, ...curatedTiming } } : {}),
    buildMs: +buildMs.toFixed(1),
    loadMs: +loadMs.toFixed(1),
    knowledgeHeapMiB: heapStart === undefined || heapLoaded === undefined ? null : +(Math.max(0, heapLoaded - heapStart) / 2 ** 20).toFixed(1),
    heapMiB: heapBefore === undefined || heapAfter === undefined ? null : +(Math.max(0, heapAfter - heapBefore) / 2 ** 20).toFixed(1),
  };
  engine = undefined;
  return report;
}

const scale = Math.max(1, Math.floor(Number(values.scale)));
const report = measure(scale);
const missed: string[] = [];
let scaleReport: ReturnType<typeof measure> | undefined;
if (values['check-scale']) {
  scaleReport = measure(SCALE_TARGETS.scale);
  const buildRatio = scaleReport.buildMs / report.buildMs;
  const p50Ratio = scaleReport.p50Ms / report.p50Ms;
  if (buildRatio > SCALE_TARGETS.buildRatio) missed.push(`build at ${SCALE_TARGETS.scale}x is ${buildRatio.toFixed(1)}x the 1x build > ${SCALE_TARGETS.buildRatio}x`);
  if (p50Ratio > SCALE_TARGETS.p50Ratio) missed.push(`p50 at ${SCALE_TARGETS.scale}x is ${p50Ratio.toFixed(1)}x the 1x p50 > ${SCALE_TARGETS.p50Ratio}x`);
}
process.stdout.write(
  `${JSON.stringify({ ...report, ...(scaleReport ? { atScale: scaleReport } : {}), targets: values['check-scale'] ? { ...TARGETS, ...SCALE_TARGETS } : TARGETS })}\n`,
);

if (values.check || values['check-scale']) {
  if (report.p50Ms > TARGETS.p50Ms) missed.push(`p50 ${report.p50Ms} ms > ${TARGETS.p50Ms} ms`);
  if (report.p99Ms > TARGETS.p99Ms) missed.push(`p99 ${report.p99Ms} ms > ${TARGETS.p99Ms} ms`);
  if (report.buildMs > TARGETS.buildMs) missed.push(`build ${report.buildMs} ms > ${TARGETS.buildMs} ms`);
  if (report.heapMiB !== null && report.heapMiB > TARGETS.heapMiB) missed.push(`heap ${report.heapMiB} MiB > ${TARGETS.heapMiB} MiB`);
  if (missed.length > 0) {
    process.stderr.write(`bench: missed ${missed.join('; ')}\n`);
    process.exitCode = 1;
  }
}
