import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveEngine } from '../../src/app/live.ts';
import type { LiveEngine } from '../../src/engine/live-engine.ts';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.ts';
import { healthOf } from '../../src/metrics/server.ts';
import { copyKnowledge } from '../support/knowledge.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

let dir: string;
let remove: () => Promise<void>;
let live: LiveEngine;
let metrics: Metrics;

beforeEach(async () => {
  ({ dir, remove } = await copyKnowledge());
  live = await createLiveEngine(dir);
  metrics = createMetrics();
});

afterEach(async () => {
  await remove();
});

async function value(name: string, labels: Record<string, string>): Promise<number | undefined> {
  // A histogram's series (`_count`, `_sum`, `_bucket`) belong to the metric named without the suffix.
  const metric = await (metrics.registry.getSingleMetric(name) ?? metrics.registry.getSingleMetric(name.replace(/_count$/, '')))?.get();
  const found = metric?.values.find(
    (v) => ((v as { metricName?: string }).metricName ?? name) === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return found?.value;
}

describe('createMetrics', () => {
  it('counts each question by outcome and way in, and times it', async () => {
    const slash = metrics.meter(live, 'slash');
    const chat = metrics.meter(live, 'chat');
    expect(slash.current().ask('who runs roscosmos').found).toBe(true);
    expect(slash.current().ask('what is the capital of peru').found).toBe(false);
    chat.current().ask('who runs roscosmos');
    const entry = live.current().knowledge.qa[0]!.id;
    expect(chat.current().answerEntry(entry)?.found).toBe(true);

    expect(await value('citebot_questions_total', { outcome: 'answered', way: 'slash' })).toBe(1);
    expect(await value('citebot_questions_total', { outcome: 'declined', way: 'slash' })).toBe(1);
    expect(await value('citebot_questions_total', { outcome: 'answered', way: 'chat' })).toBe(1);
    expect(await value('citebot_questions_total', { outcome: 'answered', way: 'button' })).toBe(1);
    expect(await value('citebot_answer_duration_seconds_count', { way: 'slash' })).toBe(2);
  });

  it('leaves the engine as it was apart from counting: same knowledge, completion and topics', () => {
    const metered = metrics.meter(live, 'slash').current();
    const engine = live.current();
    expect(metered.knowledge).toBe(engine.knowledge);
    expect(metered.complete('roscos', 3)).toEqual(engine.complete('roscos', 3));
    expect(metered.topics()).toEqual(engine.topics());
    expect(metered.ask('who runs roscosmos')).toEqual(engine.ask('who runs roscosmos'));
  });

  it('counts an answer that throws as an error and lets the error through', async () => {
    const broken: LiveEngine = {
      current: () => ({ ...live.current(), ask: () => { throw new Error('boom'); } }),
      refresh: () => live.refresh(),
    };
    expect(() => metrics.meter(broken, 'chat').current().ask('anything')).toThrow('boom');
    expect(await value('citebot_questions_total', { outcome: 'error', way: 'chat' })).toBe(1);
  });

  it('counts refreshes by outcome and shows the version served', async () => {
    metrics.watchKnowledge(live);
    const counted = metrics.meterRefresh(live);
    const before = live.current().knowledge.version;
    expect(await value('citebot_knowledge_info', { version: before })).toBe(1);

    await writeFile(join(dir, 'qa.yaml'), 'not: [valid');
    expect((await counted.refresh()).ok).toBe(false);
    expect(await value('citebot_refreshes_total', { outcome: 'failed' })).toBe(1);
    expect(await value('citebot_refreshes_total', { outcome: 'ok' })).toBeUndefined();
    expect(await value('citebot_knowledge_info', { version: before })).toBe(1);
  });

  it('writes Prometheus text with every citebot metric named', async () => {
    metrics.meter(live, 'slash').current().ask('who runs roscosmos');
    const text = await metrics.registry.metrics();
    for (const name of ['citebot_questions_total', 'citebot_answer_duration_seconds', 'citebot_refreshes_total', 'citebot_knowledge_info', 'citebot_gateway_up']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});

describe('healthOf', () => {
  const shard = (id: number, ready: boolean) => ({ id, ready, status: ready ? 'Ready' : 'Reconnecting', ping: 40 });

  it('is healthy only when every shard is ready', () => {
    expect(healthOf([shard(0, true), shard(1, true)], true).ok).toBe(true);
    expect(healthOf([shard(0, true), shard(1, false)], true).ok).toBe(false);
    expect(healthOf([], true).ok).toBe(false);
  });

  it('needs no shard for an HTTP worker', () => {
    expect(healthOf([], false).ok).toBe(true);
  });
});
