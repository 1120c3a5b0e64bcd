import type { Client } from 'discord.js';
import { BotStartError, startBot } from '../discord/bot.ts';
import { restThroughProxy } from '../discord/shard-options.ts';
import { createLogger } from '../log.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { fail, loadEngine, readSettings } from '../app/startup.ts';
import { exitOnStopSignals } from '../app/stop-signals.ts';
import { createFleet } from './fleet.ts';
import { createIpcTransport, type HookedClient } from './ipc-transport.ts';
import { createRedisTransport, type RedisTransport } from './redis-transport.ts';

/**
 * One shard process, started by the sharding manager (`npm run start:sharded`), which tells it
 * its shard in SHARDS and the bot's total in SHARD_COUNT. It serves like `npm start`, and also
 * answers the manager's questions (metrics, health) and other shards' refresh requests.
 */

const { config, deploy } = readSettings();
// The manager sets SHARDS to one id, or a JSON list of them.
const shardIds = [JSON.parse(process.env.SHARDS ?? '0') as number | number[]].flat();
const totalShards = Number(process.env.SHARD_COUNT ?? '1');
const log = createLogger({ level: config.logLevel, secrets: [config.discordToken], bindings: { shard: shardIds.join(',') } });
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

const loaded = await loadEngine(config, log);
const metrics = createMetrics();
metrics.watchKnowledge(loaded);
const live = metrics.meterRefresh(loaded);

let client: Client | undefined;
let redis: RedisTransport | undefined;
let ipc: ReturnType<typeof createIpcTransport> | undefined;
const fleet = createFleet({
  live,
  shards: shardIds,
  totalShards,
  log,
  transport: () => redis ?? (client === undefined ? undefined : (ipc ??= createIpcTransport(client))),
});
if (deploy.redisUrl !== undefined) {
  redis = createRedisTransport({ url: deploy.redisUrl, totalShards, refreshHere: fleet.refreshHere, log });
}

let stop: (() => Promise<void>) | undefined;
const { exit } = exitOnStopSignals(log, async () => {
  await stop?.();
  await redis?.close();
});
try {
  const bot = await startBot(config, live, log, {
    metrics,
    fleet,
    // One shard registers the commands for the whole bot.
    syncCommands: shardIds.includes(0),
    clientOptions: restThroughProxy(deploy),
    onFatal: (message) => {
      log.error(message);
      exit(1);
    },
  });
  stop = bot.stop;
  client = bot.client;
  (client as HookedClient).citebot = {
    refreshHere: fleet.refreshHere,
    metrics: () => metrics.registry.getMetricsAsJSON(),
    shards: () => metrics.shards(),
  };
  await redis?.ready;
} catch (error) {
  if (error instanceof BotStartError) fail(error.message);
  throw error;
}
