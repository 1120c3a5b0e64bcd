import { REST, Routes, ShardingManager, type APIGatewayBotInfo, type Shard } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { AggregatorRegistry } from 'prom-client';
import { createLogger } from '../log.ts';
import type { ShardHealth } from '../metrics/metrics.ts';
import { startMetricsServer } from '../metrics/server.ts';
import { fail, readSettings } from '../app/startup.ts';
import { exitOnStopSignals } from '../app/stop-signals.ts';
import type { HookedClient } from './ipc-transport.ts';

/**
 * `npm run start:sharded`: discord.js's ShardingManager runs each shard of this host (all of
 * them, or the SHARD_IDS slice) as its own process, restarts one that dies, and serves the
 * metrics and health of all of them on METRICS_PORT.
 */

const { config, deploy } = readSettings();
const token = config.discordToken;
if (token === undefined) fail('DISCORD_TOKEN is not set: the sharded bot needs it (see .env.example).');
const log = createLogger({ level: config.logLevel, secrets: [token], bindings: { shard: 'manager' } });
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

/** Discord's recommendation, asked where REST goes (DISCORD_API_URL, the proxy, or Discord). */
async function recommendedShardCount(): Promise<number> {
  const api = deploy.restProxy !== undefined ? `${deploy.restProxy}/api` : config.discordApiUrl;
  const rest = new REST(api === undefined ? {} : { api }).setToken(token!);
  const info = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  return info.shards;
}

let totalShards: number;
try {
  totalShards = typeof deploy.shardCount === 'number' ? deploy.shardCount : await recommendedShardCount();
} catch (error) {
  fail(`Could not ask Discord how many shards to run (set SHARD_COUNT to skip asking): ${(error as Error).message}`);
}
const shardList = [...(deploy.shardIds ?? Array.from({ length: totalShards }, (_, id) => id))];

const manager = new ShardingManager(fileURLToPath(new URL('./shard.js', import.meta.url)), {
  token,
  totalShards,
  shardList,
  mode: 'process',
  respawn: true,
  // The same memory setting as `npm start`.
  execArgv: ['--max-semi-space-size=2'],
});
manager.on('shardCreate', (shard) => {
  log.info(`shard ${shard.id} of ${totalShards}: starting`);
  shard.on('death', () => log.warn(`shard ${shard.id}: process ended${manager.respawn ? '; starting it again' : ''}`));
  shard.on('ready', () => log.info(`shard ${shard.id}: ready`));
});

async function ask<T>(shard: Shard, fn: (client: HookedClient) => T | Promise<T>): Promise<T | undefined> {
  try {
    return (await shard.eval(fn as (client: unknown) => T)) as T;
  } catch {
    return undefined;
  }
}

if (deploy.metricsPort !== undefined) {
  await startMetricsServer(
    {
      contentType: AggregatorRegistry.PROMETHEUS_CONTENT_TYPE,
      async metrics() {
        const each = await Promise.all([...manager.shards.values()].map((s) => ask(s, (c) => c.citebot?.metrics())));
        const found = each.filter((m): m is object[] => Array.isArray(m));
        return AggregatorRegistry.aggregate(found).metrics();
      },
      async shards() {
        const answers = await Promise.all(
          shardList.map(async (id): Promise<readonly ShardHealth[]> => {
            const shard = manager.shards.get(id);
            const health = shard === undefined ? undefined : await ask(shard, (c) => c.citebot?.shards());
            return Array.isArray(health) && health.length > 0
              ? (health as ShardHealth[])
              : [{ id, ready: false, status: 'NoAnswer', ping: -1 }];
          }),
        );
        return answers.flat();
      },
    },
    { port: deploy.metricsPort, host: deploy.metricsHost, needsGateway: true, log },
  );
}

exitOnStopSignals(
  log,
  async () => {
    manager.respawn = false;
    // Each shard finishes its replies in flight and disconnects; the manager waits for them.
    await Promise.all(
      [...manager.shards.values()].map(
        (shard) =>
          new Promise<void>((resolve) => {
            const child = shard.process;
            if (child === null || child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  },
  `stopping ${manager.shards.size} shard(s)`,
);

log.info(`running shard(s) ${shardList.join(', ')} of ${totalShards}`);
try {
  await manager.spawn({ amount: totalShards, delay: deploy.shardSpawnDelayMs, timeout: 60_000 });
} catch (error) {
  log.error('a shard did not start', error);
}
