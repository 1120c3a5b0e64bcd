import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type SentInteraction } from './fake-discord/index.ts';
import {
  copyKnowledge,
  printBotOutputOnFailure,
  spawnWatched,
  testEnvironment,
  type BotProcess,
  type KnowledgeCopy,
} from './support/bot-process.ts';
import { buttonsOf, onlyEmbed, quotes, type Body } from './support/replies.ts';
import { createSigner, type DiscordSigner } from './support/signed-requests.ts';

/**
 * Two HTTP workers (`npm run start:http` and the same program under plain node), as behind a
 * load balancer, answer signed interaction requests as Discord sends them to an Interactions
 * Endpoint URL. The test plays Discord: it signs, posts, and hands each worker's response to the
 * fake's callback route, which checks it against Discord's schema and records it.
 */

const LISTENING = /serving interactions on (http:\/\/127\.0\.0\.1:\d+\/interactions)/;
const EPHEMERAL = 64;

interface Worker {
  readonly process: BotProcess;
  readonly url: string;
}

describe('slash commands over HTTP, two workers', () => {
  let fake: FakeDiscord;
  let knowledge: KnowledgeCopy;
  let signer: DiscordSigner;
  const workers: Worker[] = [];

  async function startWorker(command: string, args: string[], via: string): Promise<Worker> {
    const env = testEnvironment(
      fake,
      { knowledgeDir: knowledge.dir },
      { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: signer.publicKeyHex },
    );
    const process = spawnWatched(command, args, env, via);
    await process.waitForOutput(LISTENING, 30_000);
    return { process, url: LISTENING.exec(process.output())![1]! };
  }

  beforeAll(async () => {
    fake = await startFakeDiscord();
    knowledge = await copyKnowledge();
    signer = createSigner();
    const started = await Promise.all([
      startWorker('npm', ['run', 'start:http'], 'npm run start:http'),
      startWorker(process.execPath, ['dist/http/main.js'], 'node dist/http/main.js'),
    ]);
    workers.push(...started);
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await worker.process.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);

  printBotOutputOnFailure(() => workers.map((w) => w.process));

  async function post(worker: Worker, body: string, headers: Record<string, string>) {
    const response = await fetch(worker.url, { method: 'POST', body, headers });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Body) };
  }

  /** Delivers like Discord: signed POST, then the worker's response taken as the interaction callback. */
  async function deliver(worker: Worker, sent: SentInteraction): Promise<Body> {
    const body = JSON.stringify(sent.payload);
    const response = await post(worker, body, signer.headers(body));
    expect(response.status).toBe(200);
    const relayed = await fetch(`${fake.url}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST',
      body: JSON.stringify(response.body),
      headers: { 'content-type': 'application/json' },
    });
    expect(relayed.status).toBe(204);
    return response.body!;
  }

  it('answers PING with PONG on both workers', async () => {
    const ping = JSON.stringify({ id: '1300000000000000001', type: 1, application_id: fake.applicationId, token: 't', version: 1 });
    for (const worker of workers) expect(await post(worker, ping, signer.headers(ping))).toEqual({ status: 200, body: { type: 1 } });
  });

  it('each worker answers a signed /ask with the cited answer, in public unless asked privately', async () => {
    for (const worker of workers) {
      const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' }, { via: 'webhook' });
      const response = await deliver(worker, sent);
      expect(response.type).toBe(4);
      const data = response.data as Body;
      expect((data.flags as number | undefined) ?? 0).toBe(0);
      expect(data.allowed_mentions).toEqual({ parse: [] });
      const embed = onlyEmbed(data);
      expect(embed.description).toMatch(/Borisov/);
      const article = await knowledge.read('article.md');
      for (const quote of quotes(embed)) expect(article).toContain(quote.text);
      expect(quotes(embed)).not.toEqual([]);
    }
    const privately = fake.sendCommand('ask', { question: 'who is the defence minister', private: true }, { via: 'webhook' });
    const response = await deliver(workers[1]!, privately);
    expect(((response.data as Body).flags as number) & EPHEMERAL).toBe(EPHEMERAL);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('answers autocomplete and a suggestion button, whichever worker gets them', async () => {
    const typed = fake.sendAutocomplete('ask', { question: 'roscos' }, 'question', { via: 'webhook' });
    const choices = await deliver(workers[0]!, typed);
    expect(choices.type).toBe(8);
    const listed = (choices.data as { choices: { name: string }[] }).choices;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((c) => /roscosmos/i.test(c.name))).toBe(true);

    // A decline with suggestions from one worker; its button pressed on the other.
    const declined = fake.sendCommand('ask', { question: 'what is the weather on mars' }, { via: 'webhook' });
    await deliver(workers[0]!, declined);
    const message = await declined.waitForReply();
    const button = buttonsOf(message as unknown as Body)[0];
    expect(button).toBeDefined();
    const pressed = fake.sendButton(button!.custom_id as string, message, { via: 'webhook' });
    const answer = await deliver(workers[1]!, pressed);
    expect(answer.type).toBe(4);
    expect(quotes(onlyEmbed(answer.data as Body))).not.toEqual([]);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('refuses unsigned, tampered and wrongly keyed requests with 401 and runs nothing', async () => {
    const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' }, { via: 'webhook' });
    const body = JSON.stringify(sent.payload);
    const signed = signer.headers(body);
    const other = createSigner();
    for (const worker of workers) {
      expect((await post(worker, body, { 'content-type': 'application/json' })).status).toBe(401);
      expect((await post(worker, body.replace('roscosmos', 'rosatom'), signed)).status).toBe(401);
      expect((await post(worker, body, { ...signed, 'x-signature-timestamp': String(Number(signed['x-signature-timestamp']) + 1) })).status).toBe(401);
      expect((await post(worker, body, other.headers(body))).status).toBe(401);
    }
    // Nothing ran: no worker answered the interaction in any way.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.requests.filter((r) => r.path.includes(sent.token))).toEqual([]);
    expect(sent.record.callbacks).toEqual([]);
  });

  it('serves only POST /interactions', async () => {
    const worker = workers[0]!;
    expect((await fetch(worker.url, { method: 'GET' })).status).toBe(405);
    expect((await fetch(worker.url.replace('/interactions', '/other'), { method: 'POST' })).status).toBe(404);
  });

  it('on SIGTERM, each worker exits 0 in under 5 s', async () => {
    for (const worker of workers.filter((w) => w.process.via.startsWith('node'))) {
      const result = await worker.process.stop();
      expect(result).toMatchObject({ code: 0, killed: false });
      expect(result.ms).toBeLessThan(5000);
    }
  });
});
