import { describe, expect, it } from 'vitest';
import type { LiveEngine, RefreshReport } from '../../src/engine/live-engine.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { ShardRefresh } from '../../src/engine/live-engine.ts';
import { createFleet, type RefreshTransport } from '../../src/shard/fleet.ts';
import { silentLogger } from '../../src/log.ts';

const at = new Date(0);
const ok = (from: string, to: string): RefreshReport => ({
  ok: true,
  before: { version: from, loadedAt: at },
  after: { version: to, loadedAt: at },
  added: ['qa:new'],
  changed: [],
  removed: [],
});

function liveReturning(report: RefreshReport): LiveEngine {
  return { current: () => ({}) as Engine, refresh: async () => report };
}

function transport(results: readonly ShardRefresh[] | Error): RefreshTransport {
  return {
    request: async () => {
      if (results instanceof Error) throw results;
      return results;
    },
    close: async () => {},
  };
}

describe('createFleet', () => {
  it('reports every shard that answered, in shard order, and names the silent ones', async () => {
    const fleet = createFleet({
      live: liveReturning(ok('aaa', 'bbb')),
      shards: [1],
      totalShards: 4,
      log: silentLogger,
      transport: () =>
        transport([
          { shards: [3], ok: false, version: 'aaa', problems: 2 },
          // An echo of this shard's own result is not counted twice.
          { shards: [1], ok: true, version: 'bbb', problems: 0 },
          { shards: [0], ok: true, version: 'bbb', problems: 0 },
        ]),
    });
    const report = await fleet.refreshEverywhere();
    expect(report.results.map((r) => r.shards)).toEqual([[0], [1], [3]]);
    expect(report.missing).toEqual([2]);
    expect(report.local.ok).toBe(true);
  });

  it('still refreshes and reports this shard when the others cannot be reached', async () => {
    const fleet = createFleet({
      live: liveReturning(ok('aaa', 'bbb')),
      shards: [0, 1],
      totalShards: 2,
      log: silentLogger,
      transport: () => transport(new Error('Redis is down')),
    });
    const report = await fleet.refreshEverywhere();
    expect(report.results).toEqual([{ shards: [0, 1], ok: true, version: 'bbb', problems: 0 }]);
    expect(report.missing).toEqual([]);
  });
});
