import { loadConfig, loadDotenv, type Config } from './config.ts';
import { createLiveEngine, KnowledgeLoadError, formatProblem, type LiveEngine } from './engine/live.ts';
import { folderProblem } from './cli/setup.ts';
import { createLogger, type Logger } from './log.ts';

/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without it, the terminal chat when run in a
 * terminal. stdout is left to the terminal chat; everything else goes to stderr.
 */

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function loadEngine(config: Config, log: Logger): Promise<LiveEngine> {
  const missing = await folderProblem(config.knowledgeDir, 'KNOWLEDGE_DIR');
  if (missing !== undefined) fail(missing);
  try {
    const live = await createLiveEngine(config.knowledgeDir);
    const { version, loadedAt } = live.current().knowledge;
    log.info(`knowledge version ${version} loaded from ${config.knowledgeDir} at ${loadedAt.toISOString()}`);
    return live;
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      for (const problem of error.problems) log.error(formatProblem(problem));
      fail(`The knowledge in ${config.knowledgeDir} has ${error.problems.length} problem(s); fix them and start again.`);
    }
    throw error;
  }
}

async function runBot(config: Config, live: LiveEngine, log: Logger): Promise<void> {
  const { startBot, BotStartError } = await import('./discord/bot.ts');
  let stop: (() => Promise<void>) | undefined;
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    const done = stop?.() ?? Promise.resolve();
    void done.finally(() => process.exit(code));
  };
  try {
    const bot = await startBot(config, live, log, {
      onFatal: (message) => {
        log.error(message);
        exit(1);
      },
    });
    stop = bot.stop;
  } catch (error) {
    if (error instanceof BotStartError) fail(error.message);
    throw error;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: the same signal often arrives twice (a supervisor signals the whole
    // process group and a wrapper such as tsx or npm passes it on), and a second one must not
    // kill the process before it has closed the connection.
    process.on(signal, () => {
      if (exiting) return;
      log.info(`${signal}: disconnecting`);
      exit(0);
    });
  }
}

async function main(): Promise<void> {
  loadDotenv();
  const loaded = loadConfig();
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const chat = config.discordToken === undefined;
  if (chat && !(process.stdin.isTTY && process.stdout.isTTY))
    fail('DISCORD_TOKEN is not set: set it (see .env.example) to run the Discord bot, or run `npm start` in a terminal to chat here.');
  // The terminal chat shares its screen with the log: only problems show there unless asked for.
  const level = chat && process.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel;
  const log = createLogger({ level, secrets: [config.discordToken] });
  // One failed request must not take every conversation down with it.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

  const live = await loadEngine(config, log);
  if (!chat) {
    await runBot(config, live, log);
    return;
  }
  const { runTerminalChat } = await import('./cli/chat.ts');
  await runTerminalChat(live, { input: process.stdin, output: process.stdout });
}

await main();
