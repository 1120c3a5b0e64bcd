import { describe, expect, it } from 'vitest';
import { useBot } from './support/bot-process.ts';
import { interactionReply } from './support/replies.ts';

/**
 * The bot with METRICS_PORT set: /metrics counts the questions asked through Discord, and
 * /healthz turns unhealthy when the gateway connection is lost.
 */

const METRICS_AT = /metrics on (http:\/\/127\.0\.0\.1:\d+)\/metrics/;

function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

describe('metrics and health of the gateway bot', () => {
  const harness = useBot({ via: 'node', env: { METRICS_PORT: '0' } });
  const base = () => METRICS_AT.exec(harness.bot.output())![1]!;
  const scrape = async () => {
    const response = await fetch(`${base()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  it('counts questions by outcome and way in as they are answered', async () => {
    const { fake } = harness;
    const before = await scrape();
    await interactionReply(fake, fake.sendCommand('ask', { question: 'who runs roscosmos' }));
    await interactionReply(fake, fake.sendCommand('ask', { question: 'what is the capital of peru' }));
    await fake.sendMessage({ content: 'who runs roscosmos', dm: true }).waitForReply();
    const after = await scrape();

    const moved = (labels: Record<string, string>) =>
      sample(after, 'citebot_questions_total', labels) - sample(before, 'citebot_questions_total', labels);
    expect(moved({ outcome: 'answered', way: 'slash' })).toBe(1);
    expect(moved({ outcome: 'declined', way: 'slash' })).toBe(1);
    expect(moved({ outcome: 'answered', way: 'chat' })).toBe(1);
    expect(sample(after, 'citebot_answer_duration_seconds_count', { way: 'slash' })).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/citebot_knowledge_info\{version="[^"]+"\} 1/);
    expect(sample(after, 'citebot_gateway_up', { shard: '0' })).toBe(1);
  });

  it('/healthz is 200 with the shard ready, and 503 naming the shard once the gateway is gone', async () => {
    const { fake } = harness;
    const healthy = await fetch(`${base()}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true, shards: [{ id: 0, ready: true }] });

    await fake.close();
    let status = 0;
    let body: unknown;
    for (let tries = 0; tries < 50 && status !== 503; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await fetch(`${base()}/healthz`);
      status = response.status;
      body = await response.json();
    }
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, shards: [{ id: 0, ready: false }] });
    expect(sample(await scrape(), 'citebot_gateway_up', { shard: '0' })).toBe(0);
  });
});
