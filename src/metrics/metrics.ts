import { Status, type Client } from 'discord.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LiveEngine, RefreshReport } from '../engine/live-engine.ts';
import type { Answer, Engine } from '../engine/types.ts';

/**
 * What an operator watches: questions by outcome and way in, how long answering takes, which
 * knowledge version is served, how refreshes went, and each gateway shard's state and ping.
 * One registry per process; the sharding manager adds up those of its shards.
 */

/** How a question came in: a slash command, a suggestion button, or chat (mention, DM, ask channel). */
export type Way = 'slash' | 'button' | 'chat';
export type Outcome = 'answered' | 'declined' | 'error';

export interface ShardHealth {
  readonly id: number;
  readonly ready: boolean;
  readonly status: string;
  /** Milliseconds, or -1 before the first heartbeat. */
  readonly ping: number;
}

export interface Metrics {
  readonly registry: Registry;
  /** The same engine, with each question counted and timed as coming in `way`. */
  meter(live: LiveEngine, way: Way): LiveEngine;
  /** Counts the outcome of each refresh, however it was asked for. */
  meterRefresh(live: LiveEngine): LiveEngine;
  /** The knowledge version shown is the one `live` serves at each scrape. */
  watchKnowledge(live: LiveEngine): void;
  /** Gateway state and ping of each of the client's shards, read at each scrape. */
  watchGateway(client: Client): void;
  shards(): readonly ShardHealth[];
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function refreshOutcome(report: RefreshReport): 'ok' | 'failed' {
  return report.ok ? 'ok' : 'failed';
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let knowledgeSource: LiveEngine | undefined;
  let client: Client | undefined;

  const questions = new Counter({
    name: 'citebot_questions_total',
    help: 'Questions by outcome (answered, declined, error) and way in (slash, button, chat)',
    labelNames: ['outcome', 'way'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'citebot_answer_duration_seconds',
    help: 'Time the engine took to answer a question, by way in',
    labelNames: ['way'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const refreshes = new Counter({
    name: 'citebot_refreshes_total',
    help: 'Knowledge refreshes by outcome (ok, failed: the old knowledge is kept)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'citebot_knowledge_info',
    help: 'The knowledge version served (1 per process serving it; summed over shards)',
    labelNames: ['version'] as const,
    registers: [registry],
    aggregator: 'sum',
    collect() {
      this.reset();
      if (knowledgeSource !== undefined) this.set({ version: knowledgeSource.current().knowledge.version }, 1);
    },
  });
  new Gauge({
    name: 'citebot_gateway_up',
    help: 'Whether the gateway shard is connected and ready (1) or not (0)',
    labelNames: ['shard'] as const,
    registers: [registry],
    aggregator: 'sum',
    collect() {
      this.reset();
      for (const shard of shards()) this.set({ shard: String(shard.id) }, shard.ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'citebot_gateway_ping_seconds',
    help: 'Heartbeat round trip of the gateway shard (absent before the first heartbeat)',
    labelNames: ['shard'] as const,
    registers: [registry],
    aggregator: 'sum',
    collect() {
      this.reset();
      for (const shard of shards()) if (shard.ping >= 0) this.set({ shard: String(shard.id) }, shard.ping / 1000);
    },
  });

  function shards(): ShardHealth[] {
    if (client === undefined) return [];
    return [...client.ws.shards.values()].map((shard) => ({
      id: shard.id,
      ready: shard.status === Status.Ready,
      status: Status[shard.status] ?? String(shard.status),
      ping: shard.ping,
    }));
  }

  function timed<T extends unknown[], A extends Answer | undefined>(way: Way, fn: (...args: T) => A) {
    return (...args: T): A => {
      const stop = latency.startTimer({ way });
      try {
        const answer = fn(...args);
        stop();
        if (answer !== undefined) questions.inc({ outcome: answer.found ? 'answered' : 'declined', way });
        return answer;
      } catch (error) {
        stop();
        questions.inc({ outcome: 'error', way });
        throw error;
      }
    };
  }

  function meterEngine(engine: Engine, way: Way): Engine {
    // The engine is an immutable value: one wrapper per version, everything but answering inherited.
    const metered = Object.create(engine) as Engine & { ask: Engine['ask']; answerEntry: Engine['answerEntry'] };
    metered.ask = timed(way, (question: string) => engine.ask(question));
    metered.answerEntry = timed('button', (id: string) => engine.answerEntry(id));
    return Object.freeze(metered);
  }

  return {
    registry,
    meter(live, way) {
      const wrapped = new WeakMap<Engine, Engine>();
      return {
        ...live,
        current() {
          const engine = live.current();
          let metered = wrapped.get(engine);
          if (metered === undefined) wrapped.set(engine, (metered = meterEngine(engine, way)));
          return metered;
        },
        refresh: () => live.refresh(),
      };
    },
    meterRefresh(live) {
      return {
        ...live,
        current: () => live.current(),
        async refresh() {
          try {
            const report = await live.refresh();
            refreshes.inc({ outcome: refreshOutcome(report) });
            return report;
          } catch (error) {
            refreshes.inc({ outcome: 'failed' });
            throw error;
          }
        },
      };
    },
    watchKnowledge(live) {
      knowledgeSource = live;
    },
    watchGateway(watched) {
      client = watched;
    },
    shards,
  };
}
