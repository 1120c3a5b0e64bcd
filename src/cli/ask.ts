import { parseArgs } from 'node:util';
import { createLiveEngine, KnowledgeLoadError } from '../app/live.ts';
import { ANSI, PLAIN, renderJson, renderText } from '../render/text.ts';
import { wrapText } from '../render/wrap.ts';
import { stdinLines } from './lines.ts';
import { folderProblem } from '../app/folder-problem.ts';
import { cliConfig } from './setup.ts';

const USAGE = `usage: npm run ask -- "your question"          answer one question
       npm run --silent ask -- --jsonl      one question per stdin line -> one JSON line each
options: --knowledge DIR (default: KNOWLEDGE_DIR from the environment or .env, else knowledge)`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { jsonl: { type: 'boolean' }, knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    process.stderr.write(`ask: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = cliConfig('ask');
  const dir = values.knowledge ?? config.knowledgeDir;
  const missing = await folderProblem(dir, values.knowledge !== undefined ? '--knowledge' : 'KNOWLEDGE_DIR');
  if (missing !== undefined) {
    process.stderr.write(`ask: ${missing}\n`);
    return 1;
  }
  const live = await createLiveEngine(dir);
  const engine = live.current();

  if (values.jsonl) {
    for await (const line of stdinLines(process.stdin)) process.stdout.write(`${renderJson(engine.ask(line))}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const style = process.stdout.isTTY ? ANSI : PLAIN;
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  process.stdout.write(`${wrapText(renderText(engine.ask(positionals.join(' ')), style), width)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof KnowledgeLoadError) process.stderr.write(`ask: ${err.message}\n`);
    else process.stderr.write(`ask: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
