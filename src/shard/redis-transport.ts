import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import type { ShardRefresh } from '../engine/live-engine.ts';
import type { RefreshTransport } from './fleet.ts';

/**
 * Refresh requests and results over Redis pub/sub, so the shards of every host hear them. Each
 * shard process subscribes, runs a request it hears, and publishes its result with the request's
 * id; the asking shard collects results until every shard answered or the time is up.
 */

export const CHANNELS = Object.freeze({ request: 'citebot:refresh', result: 'citebot:refresh:result' });

interface RequestMessage {
  readonly id: string;
}
interface ResultMessage {
  readonly id: string;
  readonly result: ShardRefresh;
}

export interface RedisTransport extends RefreshTransport {
  /** Resolves once subscribed: requests published before that are not heard. */
  readonly ready: Promise<void>;
}

export function createRedisTransport(options: {
  readonly url: string;
  readonly totalShards: number;
  readonly refreshHere: () => Promise<ShardRefresh>;
  readonly log: Logger;
}): RedisTransport {
  const { log } = options;
  // A subscribed connection can do nothing else, so publishing needs a second one.
  const subscriber = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: null });
  const publisher = new Redis(options.url, { maxRetriesPerRequest: 2 });
  for (const [name, connection] of [['subscriber', subscriber], ['publisher', publisher]] as const) {
    connection.on('error', (error: Error) => log.warn(`Redis ${name}: ${error.message}`));
  }
  const collectors = new Map<string, (result: ShardRefresh) => void>();

  subscriber.on('message', (channel: string, text: string) => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      log.warn(`ignored a message on ${channel} that is not JSON`);
      return;
    }
    if (channel === CHANNELS.request) {
      const { id } = message as RequestMessage;
      void options
        .refreshHere()
        .then((result) => publisher.publish(CHANNELS.result, JSON.stringify({ id, result } satisfies ResultMessage)))
        .catch((error: unknown) => log.error('refreshing for another shard failed', error));
    } else if (channel === CHANNELS.result) {
      const { id, result } = message as ResultMessage;
      collectors.get(id)?.(result);
    }
  });
  const ready = subscriber.subscribe(CHANNELS.request, CHANNELS.result).then(() => undefined);

  return {
    ready,
    async request(requestId, timeoutMs) {
      await ready;
      const results: ShardRefresh[] = [];
      const seen = new Set<number>();
      let timer: NodeJS.Timeout | undefined;
      const complete = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
        collectors.set(requestId, (result) => {
          results.push(result);
          for (const id of result.shards) seen.add(id);
          if (seen.size >= options.totalShards) resolve();
        });
      });
      try {
        await publisher.publish(CHANNELS.request, JSON.stringify({ id: requestId } satisfies RequestMessage));
        await complete;
        return results;
      } finally {
        clearTimeout(timer);
        collectors.delete(requestId);
      }
    },
    async close() {
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
