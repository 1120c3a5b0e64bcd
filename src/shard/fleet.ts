import { randomUUID } from 'node:crypto';
import type { FleetReport, LiveEngine, RefreshReport, ShardRefresh } from '../engine/live-engine.ts';
import type { Logger } from '../log.ts';

/**
 * One /refresh reaches every shard: the shard that was asked refreshes itself and tells the
 * others through a transport (the sharding manager's IPC on one host, Redis pub/sub across
 * hosts), then reports each shard's result. A shard whose files are bad keeps what it had, and
 * says so; a shard that does not answer in time is named as missing.
 */

/** Carries a refresh request to the other shard processes and brings back their results. */
export interface RefreshTransport {
  /** Results of the other shard processes that answered within `timeoutMs`. */
  request(requestId: string, timeoutMs: number): Promise<readonly ShardRefresh[]>;
  close(): Promise<void>;
}

export const FLEET_REFRESH_TIMEOUT_MS = 10_000;

export function summarise(report: RefreshReport, shards: readonly number[]): ShardRefresh {
  return report.ok
    ? { shards, ok: true, version: report.after.version, problems: 0 }
    : { shards, ok: false, version: report.current.version, problems: report.problems.length };
}

export interface Fleet {
  /** Refreshes this shard process and every other one, and reports on all of them. */
  refreshEverywhere(): Promise<FleetReport>;
  /** What another shard's request runs here. */
  refreshHere(): Promise<ShardRefresh>;
}

export function createFleet(options: {
  readonly live: LiveEngine;
  readonly shards: readonly number[];
  readonly totalShards: number;
  readonly transport: () => RefreshTransport | undefined;
  readonly log: Logger;
  readonly timeoutMs?: number;
}): Fleet {
  const { live, shards, totalShards, log } = options;
  const refreshHere = async () => summarise(await live.refresh(), shards);
  return {
    refreshHere,
    async refreshEverywhere() {
      const requestId = randomUUID();
      const transport = options.transport();
      const [local, others] = await Promise.all([
        live.refresh(),
        transport === undefined
          ? Promise.resolve([])
          : transport.request(requestId, options.timeoutMs ?? FLEET_REFRESH_TIMEOUT_MS).catch((error: unknown) => {
              log.warn('could not reach the other shards to refresh them', error);
              return [];
            }),
      ]);
      // This process's own result is the one computed here; an echo of it from the transport is ignored.
      const byShard = new Map<number, ShardRefresh>();
      for (const result of [summarise(local, shards), ...others]) {
        for (const id of result.shards) if (!byShard.has(id)) byShard.set(id, result);
      }
      const results = [...new Set([...byShard.entries()].sort(([a], [b]) => a - b).map(([, r]) => r))];
      const missing = Array.from({ length: totalShards }, (_, id) => id).filter((id) => !byShard.has(id));
      return { local, results, missing };
    },
  };
}
