import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { createLiveEngine } from '../src/app/live.ts';

/**
 * `npm run bench:refresh`: what a /refresh costs the bot while it answers. For each kind of
 * knowledge (as shipped, grown near the limits, too big, broken), the time the refresh took,
 * where it was spent (checked in the worker, built on the main thread), and the longest the
 * event loop was held up meanwhile. Works on a temporary copy of the knowledge directory.
 */

const { values } = parseArgs({ options: { knowledge: { type: 'string', default: process.env.KNOWLEDGE_DIR ?? 'knowledge' } } });
const dir = await mkdtemp(join(tmpdir(), 'citebot-bench-refresh-'));
await cp(values.knowledge!, dir, { recursive: true });
const original = {
  article: await readFile(join(dir, 'article.md'), 'utf8'),
  qa: await readFile(join(dir, 'qa.yaml'), 'utf8'),
};

interface QaFile {
  entries: { id: string; questions: string[]; featured?: boolean }[];
}

/** The shipped Q&A and `copies` more of every entry, each phrasing made distinct. */
function grownQa(copies: number): string {
  const { entries } = parseYaml(original.qa) as QaFile;
  const more = Array.from({ length: copies }, (_, k) =>
    entries.map((e) => ({ ...e, id: `${e.id.slice(0, 30)}-c${k}`, featured: false, questions: e.questions.map((q) => `${q} variant ${k}`) })),
  ).flat();
  return stringify({ entries: [...entries, ...more] }, { aliasDuplicateObjects: false });
}

const scenarios: { name: string; prepare: () => Promise<void> }[] = [
  { name: 'as shipped', prepare: async () => undefined },
  { name: 'Q&A x5 (near the phrasings limit)', prepare: () => writeFile(join(dir, 'qa.yaml'), grownQa(4)) },
  {
    name: 'article of 2 MB (over the size limit)',
    prepare: async () => {
      await writeFile(join(dir, 'qa.yaml'), original.qa);
      await writeFile(join(dir, 'article.md'), `${original.article}\n${'Filler sentence for size. '.repeat(80_000)}\n`);
    },
  },
  {
    name: 'Q&A x9, one dangling citation (broken)',
    prepare: async () => {
      await writeFile(join(dir, 'article.md'), original.article);
      await writeFile(join(dir, 'qa.yaml'), grownQa(8).replace('cite: [p4.s2]', 'cite: [p4.s9]'));
    },
  },
];

try {
  const live = await createLiveEngine(dir);
  process.stdout.write('scenario | result | refresh ms | checked in worker ms | main thread build ms | longest event-loop delay ms\n');
  for (const scenario of scenarios) {
    await scenario.prepare();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const report = await live.refresh();
    const ms = performance.now() - started;
    // The sampling timer must get to run once after a blocking build to record it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    delay.disable();
    const result = report.ok ? 'refreshed' : `refused: ${report.problems[0]?.message.slice(0, 80) ?? ''}`;
    const check = report.ok ? report.timings?.checkMs : '-';
    const build = report.ok ? report.timings?.mainThreadMs : 0;
    process.stdout.write(
      `${scenario.name} | ${result} | ${Math.round(ms)} | ${check} | ${build} | ${Math.round(delay.max / 1e6)}\n`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
