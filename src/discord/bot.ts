import { DiscordjsErrorCodes, Events, type Client, type ClientOptions } from 'discord.js';
import { DEFAULTS, type Config } from '../config.ts';
import type { LiveEngine } from '../engine/live-engine.ts';
import { createInFlight, type InFlight } from '../app/in-flight.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { openQuestionLog, type QuestionLog } from '../store/question-log.ts';
import { createChatHandler } from './chat.ts';
import type { BotContext } from './command.ts';
import { scopeOf, syncCommands } from './commands-sync.ts';
import { createClient } from './client.ts';
import { createDispatcher } from './dispatch.ts';
import { createRecentIds } from './recent-ids.ts';
import { commandBodies } from './registry.ts';

export interface RunningBot {
  readonly client: Client;
  /**
   * Takes no new interactions or messages, lets the replies in flight finish (for at most
   * `graceMs`, default STOP_GRACE_MS), then closes the gateway connection; safe to call more
   * than once.
   */
  stop(graceMs?: number): Promise<void>;
}

/** Leaves a margin within the 5 s a supervisor usually waits between SIGTERM and SIGKILL. */
export const STOP_GRACE_MS = 3500;

export interface StartOptions {
  /** For tests against a local Discord-compatible server; production keeps the defaults. */
  readonly clientOptions?: Partial<ClientOptions>;
  /** Called once when Discord closes the connection for good (bad token, refused intents). */
  readonly onFatal?: (message: string) => void;
  /** Default: the SQLite file in DATA_DIR. */
  readonly questions?: QuestionLog;
  /** Counts questions by way in, and watches the gateway shards. */
  readonly metrics?: Metrics;
  /** Under a sharding manager: /refresh reaches every shard. */
  readonly fleet?: BotContext['fleet'];
  /** Register the slash commands once ready. Default true; under sharding only shard 0 does. */
  readonly syncCommands?: boolean;
}

/** A failure to start, with a one-line message that is safe to print (it never holds the token). */
export class BotStartError extends Error {
  constructor(
    readonly code: 'token-missing' | 'token-invalid' | 'connect-failed',
    message: string,
  ) {
    super(message);
    this.name = 'BotStartError';
  }
}

export const MESSAGES = Object.freeze({
  tokenMissing: 'DISCORD_TOKEN is not set.',
  tokenInvalid:
    'Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (your app > Bot > Reset Token) and put the new one in .env.',
  disallowedIntents:
    'Discord refused the Message Content intent, which ASK_CHANNEL_IDS needs. Switch it on in the Developer Portal (your app > Bot > Privileged Gateway Intents > Message Content Intent), or unset ASK_CHANNEL_IDS.',
  shardingRequired: 'Discord requires sharding for this many servers; run the bot under a ShardingManager.',
});

/** Gateway close codes after which discord.js will not reconnect, and what to tell the operator. */
export function fatalCloseMessage(code: number): string | undefined {
  switch (code) {
    case 4004:
      return MESSAGES.tokenInvalid;
    case 4013:
    case 4014:
      return MESSAGES.disallowedIntents;
    case 4011:
      return MESSAGES.shardingRequired;
    case 4010:
    case 4012:
      return `Discord closed the connection for good (gateway close code ${code}).`;
    default:
      return undefined;
  }
}

function startError(error: unknown): BotStartError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) return new BotStartError('token-invalid', MESSAGES.tokenInvalid);
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new BotStartError('connect-failed', `Could not connect to Discord: ${reason}`);
}

function fatalStartError(message: string): BotStartError {
  return new BotStartError(message === MESSAGES.tokenInvalid ? 'token-invalid' : 'connect-failed', message);
}

function wire(
  client: Client,
  ctx: BotContext,
  inFlight: InFlight,
  onFatal: (message: string) => void,
  options: Pick<StartOptions, 'metrics' | 'syncCommands'>,
): void {
  const { metrics } = options;
  const { log, config } = ctx;
  const dispatch = createDispatcher(metrics === undefined ? ctx : { ...ctx, live: metrics.meter(ctx.live, 'slash') });
  const chat = createChatHandler(metrics === undefined ? ctx : { ...ctx, live: metrics.meter(ctx.live, 'chat') });
  metrics?.watchGateway(client);

  client.once(Events.ClientReady, async (ready) => {
    log.info(`logged in as ${ready.user.tag} (${ready.user.id}), in ${ready.guilds.cache.size} server(s)`);
    if (options.syncCommands === false) return;
    try {
      await syncCommands(ready.rest, ready.application.id, scopeOf(config.guildId), commandBodies(), log);
    } catch (error) {
      // The bot still answers mentions and DMs, and commands registered earlier still work.
      log.error(
        'could not register slash commands (was the bot invited with the applications.commands scope, and is DISCORD_GUILD_ID right?)',
        error,
      );
    }
  });
  // A resumed session can deliver an event again; each is answered once. While stopping, new
  // events go unanswered: Discord shows the member that the bot did not respond, and the work
  // stays undone rather than half done.
  const handled = createRecentIds();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!handled.firstSight(`interaction:${interaction.id}`))
      log.info(`skipped interaction ${interaction.id}: already handled (delivered again after a resume)`);
    else if (!inFlight.track(() => dispatch(interaction))) log.debug(`stopping: ignored interaction ${interaction.id}`);
  });
  client.on(Events.MessageCreate, (message) => {
    if (!handled.firstSight(`message:${message.id}`))
      log.debug(`skipped message ${message.id}: already handled (delivered again after a resume)`);
    else if (!inFlight.track(() => chat(message))) log.debug(`stopping: ignored message ${message.id}`);
  });

  // Without an `error` listener an EventEmitter error would end the process.
  client.on(Events.Error, (error) => log.error('Discord client error', error));
  client.on(Events.Warn, (message) => log.warn(message));
  // One line: a fatal close also arrives here, and is explained once by onFatal.
  client.on(Events.ShardError, (error, shard) => log.warn(`shard ${shard}: ${error.message}`));
  client.on(Events.ShardReconnecting, (shard) => log.debug(`shard ${shard}: reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) => log.info(`shard ${shard}: resumed (${replayed} events replayed)`));
  client.on(Events.ShardDisconnect, (event, shard) => {
    const fatal = fatalCloseMessage(event.code);
    if (fatal === undefined) log.warn(`shard ${shard}: disconnected (code ${event.code})`);
    else onFatal(fatal);
  });
  if (log.isEnabled('debug')) client.on(Events.Debug, (message) => log.debug(message));
}

/**
 * Connects to Discord and serves until `stop()`. Rejects with a BotStartError when the token is
 * missing or rejected, or Discord cannot be reached.
 */
export async function startBot(config: Config, live: LiveEngine, log: Logger, options: StartOptions = {}): Promise<RunningBot> {
  if (config.discordToken === undefined) throw new BotStartError('token-missing', MESSAGES.tokenMissing);
  const client = createClient(config, options.clientOptions);
  // A fatal close during login is reported by the rejected login itself, in one line.
  let loggingIn = true;
  let fatalDuringLogin: string | undefined;
  let fatalSeen = false;
  const onFatal = (message: string) => {
    if (fatalSeen) return;
    fatalSeen = true;
    if (loggingIn) fatalDuringLogin = message;
    else if (options.onFatal !== undefined) options.onFatal(message);
    else log.error(message);
  };
  // Opened lazily at the first write, so a data folder that cannot be written never stops a start.
  const questions =
    options.questions ??
    openQuestionLog(config.dataDir ?? DEFAULTS.dataDir, log, {
      logUserIds: config.logUserIds ?? false,
      retentionDays: config.retentionDays ?? DEFAULTS.retentionDays,
    });
  const inFlight = createInFlight();
  wire(
    client,
    { live, config, log, questions, ...(options.fleet !== undefined && { fleet: options.fleet }) },
    inFlight,
    onFatal,
    options,
  );

  try {
    await client.login(config.discordToken);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    questions.close();
    throw fatalDuringLogin !== undefined ? fatalStartError(fatalDuringLogin) : startError(error);
  }
  loggingIn = false;
  if (fatalDuringLogin !== undefined) {
    await client.destroy().catch(() => undefined);
    questions.close();
    throw fatalStartError(fatalDuringLogin);
  }
  let stopping: Promise<void> | undefined;
  const stop = async (graceMs: number) => {
    const pending = inFlight.size;
    if (pending > 0) log.info(`stopping: finishing ${pending} reply(ies) in flight`);
    const drained = await inFlight.close(graceMs);
    if (!drained.finished) log.warn(`stopping: ${drained.pending} reply(ies) still unfinished after ${graceMs} ms`);
    await client.destroy();
    // After the replies in flight, so their questions are written before the file closes.
    questions.close();
  };
  return { client, stop: (graceMs = STOP_GRACE_MS) => (stopping ??= stop(graceMs)) };
}
