import { parseArgs } from 'node:util';
import { DEFAULTS } from '../config.ts';
import { createLiveEngine, formatProblem, KnowledgeLoadError } from '../app/live.ts';
import { createLogger } from '../log.ts';
import { startPreviewServer } from '../preview/server.ts';
import { openQuestionLog } from '../store/question-log.ts';
import { folderProblem } from '../app/folder-problem.ts';
import { cliConfig } from './setup.ts';

/**
 * `npm run preview [-- --port N]`: the knowledge preview page for moderators, on 127.0.0.1.
 * It reads the knowledge and the question log the bot uses (KNOWLEDGE_DIR, DATA_DIR from the
 * environment or `.env`), and reloads the knowledge on every page load, so an edit shows at once.
 */

const USAGE = 'usage: npm run preview [-- --port 8787]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`preview: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`preview: --port must be a port number from 0 to 65535; got ${JSON.stringify(values.port)}\n`);
    return 2;
  }
  const config = cliConfig('preview');
  const log = createLogger({ level: config.logLevel });
  const missing = await folderProblem(config.knowledgeDir, 'KNOWLEDGE_DIR');
  if (missing !== undefined) {
    process.stderr.write(`preview: ${missing}\n`);
    return 1;
  }
  const live = await createLiveEngine(config.knowledgeDir);
  const questions = openQuestionLog(config.dataDir ?? DEFAULTS.dataDir, log, {
    logUserIds: config.logUserIds ?? false,
    retentionDays: config.retentionDays ?? DEFAULTS.retentionDays,
  });
  const server = await startPreviewServer({ live, questions, log, port, reloadOnPage: true });
  process.stdout.write(`Preview of ${config.knowledgeDir} at ${server.url} (Ctrl+C to stop)\n`);
  const stop = () => {
    void server.close().finally(() => {
      questions.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof KnowledgeLoadError) for (const p of error.problems) process.stderr.write(`preview: ${formatProblem(p)}\n`);
    else process.stderr.write(`preview: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
