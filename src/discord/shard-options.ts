import type { ClientOptions } from 'discord.js';
import type { DeployConfig } from '../deploy-config.ts';

/**
 * Shards for one process (`npm start`): none said, the one shard as before; a count (or `auto`)
 * and maybe a slice, all of them in this process. discord.js reads SHARD_COUNT and SHARDS from
 * the environment as its own sharding manager's variables, so the values are passed explicitly
 * and its reading of the environment is switched off: `auto` is no number for it.
 */
export function singleProcessShards(deploy: Pick<DeployConfig, 'shardCount' | 'shardIds'>, env: NodeJS.ProcessEnv = process.env): Partial<ClientOptions> {
  delete env.SHARD_COUNT;
  delete env.SHARDS;
  if (deploy.shardCount === undefined) return {};
  if (deploy.shardCount === 'auto') return { shards: 'auto' };
  const all = Array.from({ length: deploy.shardCount }, (_, id) => id);
  return { shardCount: deploy.shardCount, shards: [...(deploy.shardIds ?? all)] };
}

/** With DISCORD_REST_PROXY, REST goes through @discordjs/proxy, which takes `/api/v10/...` paths. */
export function restThroughProxy(deploy: Pick<DeployConfig, 'restProxy'>): Partial<ClientOptions> {
  return deploy.restProxy === undefined ? {} : { rest: { api: `${deploy.restProxy}/api` } };
}
