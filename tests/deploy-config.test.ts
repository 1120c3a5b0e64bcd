import { describe, expect, it } from 'vitest';
import { DEPLOY_DEFAULTS, loadDeployConfig } from '../src/deploy-config.ts';

const KEY = 'AB'.repeat(32);

describe('loadDeployConfig', () => {
  it('has a default for everything, and metrics bound to loopback', () => {
    expect(loadDeployConfig({})).toEqual({
      ok: true,
      config: { httpPort: DEPLOY_DEFAULTS.httpPort, httpHost: '0.0.0.0', metricsHost: '127.0.0.1', shardSpawnDelayMs: 5500 },
    });
  });

  it('reads every variable into typed settings', () => {
    expect(
      loadDeployConfig({
        HTTP_PORT: '3000',
        HTTP_HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: KEY,
        METRICS_PORT: '9100',
        METRICS_HOST: '0.0.0.0',
        SHARD_COUNT: '4',
        SHARD_IDS: '3, 2,2',
        REDIS_URL: 'redis://127.0.0.1:6379/',
        DISCORD_REST_PROXY: 'http://127.0.0.1:8081/',
        SHARD_SPAWN_DELAY_MS: '0',
      }),
    ).toEqual({
      ok: true,
      config: {
        httpPort: 3000,
        httpHost: '127.0.0.1',
        publicKey: KEY.toLowerCase(),
        metricsPort: 9100,
        metricsHost: '0.0.0.0',
        shardCount: 4,
        shardIds: [2, 3],
        redisUrl: 'redis://127.0.0.1:6379',
        restProxy: 'http://127.0.0.1:8081',
        shardSpawnDelayMs: 0,
      },
    });
  });

  it('takes SHARD_COUNT=auto as "ask Discord"', () => {
    const result = loadDeployConfig({ SHARD_COUNT: 'auto' });
    expect(result.ok && result.config.shardCount).toBe('auto');
  });

  it('reports each bad value with its variable, and never echoes a Redis URL that may hold a password', () => {
    const result = loadDeployConfig({
      HTTP_PORT: '99999',
      DISCORD_PUBLIC_KEY: 'abc',
      SHARD_COUNT: '0',
      SHARD_IDS: 'one',
      REDIS_URL: 'http://user:pw@host',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual(['HTTP_PORT', 'DISCORD_PUBLIC_KEY', 'SHARD_COUNT', 'SHARD_IDS', 'REDIS_URL']);
    expect(problems.join('\n')).not.toContain('pw');
  });

  it('refuses a slice of shards outside the count, or without a count', () => {
    const outside = loadDeployConfig({ SHARD_COUNT: '4', SHARD_IDS: '2,4' });
    expect(outside.ok ? [] : outside.problems).toEqual(['SHARD_IDS: shard 4 is not below SHARD_COUNT (4)']);
    const alone = loadDeployConfig({ SHARD_IDS: '0' });
    expect(alone.ok).toBe(false);
    expect(loadDeployConfig({ SHARD_IDS: '0', SHARD_COUNT: 'auto' }).ok).toBe(false);
  });
});
