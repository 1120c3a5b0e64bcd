import type { Config } from './config.ts';
import type { LiveEngine } from './engine/live-engine.ts';
import { createLogger, type Logger } from './log.ts';
import type { DeployConfig } from './deploy-config.ts';
import { fail, loadEngine, readSettings, serveMetrics } from './app/startup.ts';
import { exitOnStopSignals } from './app/stop-signals.ts';

/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without it, the terminal chat when run in a
 * terminal. stdout is left to the terminal chat; everything else goes to stderr.
 */

async function runBot(config: Config, deploy: DeployConfig, loaded: LiveEngine, log: Logger, botModule: Promise<typeof import('./discord/bot.ts')>): Promise<void> {
  const { startBot, BotStartError } = await botModule;
  const { restThroughProxy, singleProcessShards } = await import('./discord/shard-options.ts');
  const { metrics, live } = await serveMetrics(deploy, loaded, log, true);
  let stop: (() => Promise<void>) | undefined;
  const { exit } = exitOnStopSignals(log, () => stop?.() ?? Promise.resolve(), 'finishing replies in flight, then disconnecting');
  try {
    const bot = await startBot(config, live, log, {
      onFatal: (message) => {
        log.error(message);
        exit(1);
      },
      ...(metrics !== undefined && { metrics }),
      clientOptions: { ...singleProcessShards(deploy), ...restThroughProxy(deploy) },
    });
    stop = bot.stop;
  } catch (error) {
    if (error instanceof BotStartError) fail(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const { config, deploy } = readSettings();
  const chat = config.discordToken === undefined;
  if (chat && !(process.stdin.isTTY && process.stdout.isTTY))
    fail('DISCORD_TOKEN is not set: set it (see .env.example) to run the Discord bot, or run `npm start` in a terminal to chat here.');
  // The terminal chat shares its screen with the log: only problems show there unless asked for.
  const level = chat && process.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel;
  const log = createLogger({ level, secrets: [config.discordToken] });
  // One failed request must not take every conversation down with it.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

  // discord.js takes a while to load: its files are read while the knowledge is.
  const botModule = chat ? undefined : import('./discord/bot.ts');
  // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
  botModule?.catch(() => undefined);
  const live = await loadEngine(config, log);
  if (botModule) {
    await runBot(config, deploy, live, log, botModule);
    return;
  }
  const { runTerminalChat } = await import('./cli/chat.ts');
  await runTerminalChat(live, { input: process.stdin, output: process.stdout }, { knowledgeDir: config.knowledgeDir, ...(config.importAllowHosts !== undefined && { importAllowHosts: config.importAllowHosts }) });
}

await main();
