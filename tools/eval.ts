/**
 * npm run eval -- PATH...: scores the engine, in one process, on every folder under PATH that
 * holds an article (article.txt or article.md) and a question file (*.jsonl, the shared
 * scorer's item format), each dropped in as a moderator would, with nothing curated.
 */
import { parseArgs } from 'node:util';
import { calibrationTable, summaryLine, tagTable, tally, type Outcome } from './eval/report.ts';
import { runSet } from './eval/run.ts';
import { findSetFolders, loadSet } from './eval/sets.ts';

const USAGE = `usage: npm run eval -- PATH... [--tags] [--failures] [--min-overall X]
  PATH       a folder with article.txt (or article.md) and *.jsonl, or a folder of such folders
  --tags     accuracy per tag        --failures   every wrong answer with its reason
  --quiet    pooled lines only       --min-overall X   exit 1 when the pooled score is below X`;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        tags: { type: 'boolean' },
        failures: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'min-overall': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`eval: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  let folders: string[];
  try {
    folders = findSetFolders(positionals);
  } catch (err) {
    process.stderr.write(`eval: ${(err as Error).message}\n`);
    return 2;
  }
  if (folders.length === 0) {
    process.stderr.write(`eval: no folder under ${positionals.join(', ')} holds an article and a question file\n`);
    return 2;
  }
  const started = performance.now();
  const all: Outcome[] = [];
  for (const dir of folders) {
    const outcomes = runSet(loadSet(dir));
    all.push(...outcomes);
    if (!values.quiet) process.stdout.write(`${summaryLine(outcomes[0]?.set ?? dir, tally(outcomes))}\n`);
  }
  const out: string[] = [];
  if (values.tags) out.push('', ...tagTable(all));
  if (values.failures)
    out.push('', ...all.filter((o) => !o.verdict.correct).map((o) => `${o.set} ${o.item.id} ${JSON.stringify(o.item.q)}: ${o.verdict.reasons.join('; ')}`));
  if (!values.quiet) out.push('', ...calibrationTable(all));
  const seconds = (performance.now() - started) / 1000;
  out.push('', `${folders.length} articles, ${all.length} questions in ${seconds.toFixed(1)} s`, summaryLine('pooled', tally(all)));
  process.stdout.write(`${out.join('\n')}\n`);
  const min = values['min-overall'] === undefined ? undefined : Number(values['min-overall']);
  const t = tally(all);
  if (min !== undefined && t.correct / t.n < min) return 1;
  return 0;
}

process.exitCode = main();
