import type { Client } from 'discord.js';
import type { ShardRefresh } from '../engine/live-engine.ts';
import type { RefreshTransport } from './fleet.ts';

/**
 * The sharding manager's own channel: every shard process of this host runs the refresh through
 * discord.js's broadcastEval. Shards on other hosts are not reached this way (they need Redis).
 */

/** What a shard process exposes to broadcastEval, on its client. */
export interface ShardHooks {
  refreshHere(): Promise<ShardRefresh>;
  metrics(): Promise<unknown>;
  shards(): unknown;
}

export type HookedClient = Client & { citebot?: ShardHooks };

export function createIpcTransport(client: Client): RefreshTransport {
  return {
    async request(_requestId, timeoutMs) {
      const util = client.shard;
      if (util === null) return [];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the shards did not all answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const results = await Promise.race([
          util.broadcastEval((c) => (c as HookedClient).citebot?.refreshHere() ?? null),
          timeout,
        ]);
        return (results as (ShardRefresh | null)[]).filter((r): r is ShardRefresh => r !== null);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {},
  };
}
