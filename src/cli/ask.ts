import { parseArgs } from 'node:util';
import { createLiveEngine, KnowledgeLoadError } from '../engine/live.ts';
import { ANSI, PLAIN, renderJson, renderText } from '../render/text.ts';
import { stdinLines } from './lines.ts';

const USAGE = `usage: npm run ask -- "your question"          answer one question
       npm run --silent ask -- --jsonl      one question per stdin line -> one JSON line each
options: --knowledge DIR (default: $KNOWLEDGE_DIR or knowledge)`;

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
  const live = await createLiveEngine(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
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
  process.stdout.write(`${renderText(engine.ask(positionals.join(' ')), style)}\n`);
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
