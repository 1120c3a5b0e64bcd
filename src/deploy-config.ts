import { z } from 'zod';
import { urlSetting } from './url.ts';

/**
 * Environment -> validated settings of the production modes: HTTP interactions, metrics, shards,
 * Redis and the REST proxy. Kept apart from config.ts, which every mode reads, and reported the
 * same way: every problem at once, one line each, prefixed with the variable's name.
 */

export interface DeployConfig {
  /** `npm run start:http`: where POST /interactions is served. */
  readonly httpPort: number;
  readonly httpHost: string;
  /** The application's Ed25519 public key, 32 bytes in hex (Developer Portal > General Information). */
  readonly publicKey?: string;
  /** Absent: no metrics server. */
  readonly metricsPort?: number;
  readonly metricsHost: string;
  /** `auto`: as many as Discord recommends. Absent: `auto` under the sharding manager, 1 for `npm start`. */
  readonly shardCount?: number | 'auto';
  /** The shards this process runs; absent: all of them. */
  readonly shardIds?: readonly number[];
  /** Spreads /refresh to the shards of every host. Absent: only this host's shards hear it. */
  readonly redisUrl?: string;
  /** REST goes through this @discordjs/proxy instead of straight to Discord. */
  readonly restProxy?: string;
  /** Between starting two shards: Discord allows one IDENTIFY per 5 s per concurrency bucket. */
  readonly shardSpawnDelayMs: number;
}

export type DeployConfigResult =
  | { readonly ok: true; readonly config: DeployConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

export const DEPLOY_DEFAULTS = Object.freeze({ httpPort: 8080, httpHost: '0.0.0.0', metricsHost: '127.0.0.1', shardSpawnDelayMs: 5500 });

function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const port = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535')
  .transform(Number)
  .refine((n) => n <= 65_535, 'must be a port number from 0 to 65535');

const host = z.string().trim().min(1);

const url = (protocols: readonly string[], example: string) => urlSetting(protocols, `must be a URL such as ${example}`);

const shardIds = z
  .string()
  .trim()
  .regex(/^\d+(\s*,\s*\d+)*$/, 'must be shard numbers separated by commas, such as 0,1')
  .transform((s) => [...new Set(s.split(',').map((n) => Number(n.trim())))].sort((a, b) => a - b));

const schema = z.object({
  HTTP_PORT: z.preprocess(blankToUndefined, port.default(DEPLOY_DEFAULTS.httpPort)),
  HTTP_HOST: z.preprocess(blankToUndefined, host.default(DEPLOY_DEFAULTS.httpHost)),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of Public Key (Developer Portal > General Information)')
      .transform((s) => s.toLowerCase()),
  ),
  METRICS_PORT: optional(port),
  METRICS_HOST: z.preprocess(blankToUndefined, host.default(DEPLOY_DEFAULTS.metricsHost)),
  SHARD_COUNT: optional(
    z
      .string()
      .trim()
      .regex(/^(auto|[1-9]\d*)$/i, 'must be a whole number of shards from 1 up, or auto')
      .transform((s): number | 'auto' => (s.toLowerCase() === 'auto' ? 'auto' : Number(s))),
  ),
  SHARD_IDS: optional(shardIds),
  REDIS_URL: optional(url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379')),
  DISCORD_REST_PROXY: optional(url(['http:', 'https:'], 'http://127.0.0.1:8080')),
  SHARD_SPAWN_DELAY_MS: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^\d+$/, 'must be a number of milliseconds').transform(Number).default(DEPLOY_DEFAULTS.shardSpawnDelayMs),
  ),
});

export function loadDeployConfig(env: NodeJS.ProcessEnv = process.env): DeployConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const raw = env[name]?.trim();
        const got = raw !== undefined && raw.length <= 60 && name !== 'REDIS_URL' ? `; got ${JSON.stringify(raw)}` : '';
        return `${name}: ${issue.message}${got}`;
      }),
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SHARD_IDS !== undefined && typeof e.SHARD_COUNT === 'number') {
    const count = e.SHARD_COUNT;
    const outside = e.SHARD_IDS.filter((id) => id >= count);
    if (outside.length > 0) problems.push(`SHARD_IDS: shard ${outside.join(', ')} is not below SHARD_COUNT (${e.SHARD_COUNT})`);
  }
  if (e.SHARD_IDS !== undefined && typeof e.SHARD_COUNT !== 'number') {
    problems.push('SHARD_IDS: set SHARD_COUNT too, so every host divides the same number of shards');
  }
  if (problems.length > 0) return { ok: false, problems };
  const config: DeployConfig = {
    httpPort: e.HTTP_PORT,
    httpHost: e.HTTP_HOST,
    ...(e.DISCORD_PUBLIC_KEY !== undefined && { publicKey: e.DISCORD_PUBLIC_KEY }),
    ...(e.METRICS_PORT !== undefined && { metricsPort: e.METRICS_PORT }),
    metricsHost: e.METRICS_HOST,
    ...(e.SHARD_COUNT !== undefined && { shardCount: e.SHARD_COUNT }),
    ...(e.SHARD_IDS !== undefined && { shardIds: Object.freeze(e.SHARD_IDS) }),
    ...(e.REDIS_URL !== undefined && { redisUrl: e.REDIS_URL }),
    ...(e.DISCORD_REST_PROXY !== undefined && { restProxy: e.DISCORD_REST_PROXY }),
    shardSpawnDelayMs: e.SHARD_SPAWN_DELAY_MS,
  };
  return { ok: true, config: Object.freeze(config) };
}
