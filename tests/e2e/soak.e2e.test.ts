import { writeFile } from 'node:fs/promises';
import type { APIMessage } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { FakeDiscord, InjectedFailure, SentInteraction, SentMessage } from './fake-discord/index.ts';
import { useBot } from './support/bot-process.ts';
import { delay, qaOf } from './support/replies.ts';

/**
 * A bounded soak: 1,000 questions (750 /ask, 250 mentions) at a steady rate, with a gateway or
 * REST fault staged about every 50 events, and every resume replaying events the bot had
 * already handled. Every question must be answered exactly once, and every interaction
 * acknowledged within Discord's 3 s.
 */

const ACK_LIMIT_MS = 3000;
const LOADING = 1 << 7;
const MODERATOR_PERMISSIONS = '2080';

interface Fault {
  readonly name: string;
  /** Gateway faults after which the session is gone: the fake waits for a new one. */
  readonly reidentifies?: boolean;
  stage(fake: FakeDiscord): void;
}

const rest = (failure: InjectedFailure): ((fake: FakeDiscord) => void) => (fake) => fake.injectFailure(failure);

const FAULTS: readonly Fault[] = [
  { name: 'close 4000', stage: (fake) => fake.dropConnections(4000) },
  { name: '429 on a callback (route)', stage: rest({ route: 'create_interaction_response', status: 429, retryAfterSeconds: 0.2 }) },
  { name: 'op 7 reconnect', stage: (fake) => fake.requestReconnect() },
  { name: '500 on a callback, not processed', stage: rest({ route: 'create_interaction_response', status: 500 }) },
  { name: 'connection cut (1006)', stage: (fake) => fake.dropConnections(1006) },
  { name: '502 on a callback, processed', stage: rest({ route: 'create_interaction_response', status: 502, landed: true }) },
  { name: 'op 9 resumable', stage: (fake) => fake.invalidateSessions(true) },
  { name: 'hung callback, not processed', stage: rest({ route: 'create_interaction_response', status: 'hang' }) },
  { name: 'withheld heartbeat ACK', stage: (fake) => fake.withholdHeartbeatAcks(1) },
  { name: '500 on a channel post, processed', stage: rest({ route: 'create_message', status: 500, landed: true }) },
  { name: 'global 429 on a callback', stage: rest({ route: 'create_interaction_response', status: 429, global: true, retryAfterSeconds: 0.2 }) },
  { name: 'hung channel post', stage: rest({ route: 'create_message', status: 'hang' }) },
  { name: 'op 9 not resumable', reidentifies: true, stage: (fake) => fake.invalidateSessions(false) },
  { name: 'hung callback, processed', stage: rest({ route: 'create_interaction_response', status: 'hang', landed: true }) },
  { name: 'global 429 on a channel post', stage: rest({ route: 'create_message', status: 429, global: true, retryAfterSeconds: 0.2 }) },
  { name: '500 on a channel post, not processed', stage: rest({ route: 'create_message', status: 500 }) },
  { name: 'hung edit of a deferred reply', stage: rest({ route: 'update_original_webhook_message', status: 'hang' }) },
  { name: '429 on a channel post (route)', stage: rest({ route: 'create_message', status: 429, retryAfterSeconds: 0.2 }) },
  { name: 'close 4000 again', stage: (fake) => fake.dropConnections(4000) },
  { name: '500 on a callback, processed', stage: rest({ route: 'create_interaction_response', status: 500, landed: true }) },
];

function visible(message: APIMessage | null | undefined): boolean {
  return message !== null && message !== undefined && ((message.flags ?? 0) & LOADING) === 0;
}

interface Tally {
  readonly lost: string[];
  readonly twice: string[];
  readonly late: string[];
  readonly ackMs: number[];
}

function tally(fake: FakeDiscord, asks: readonly SentInteraction[], mentions: readonly SentMessage[]): Tally {
  const lost: string[] = [];
  const twice: string[] = [];
  const late: string[] = [];
  const ackMs: number[] = [];
  for (const sent of asks) {
    const accepted = sent.record.callbacks.filter((c) => c.accepted);
    if (accepted.length === 0 || !visible(sent.record.original)) lost.push(`/ask ${sent.id}`);
    if (accepted.length > 1 || sent.record.followUps.length > 0) twice.push(`/ask ${sent.id}`);
    if (accepted[0] !== undefined) {
      const ms = accepted[0].at - sent.record.sentAt;
      ackMs.push(ms);
      if (ms > ACK_LIMIT_MS) late.push(`/ask ${sent.id} (${ms} ms)`);
    }
  }
  const answers = new Map<string, number>();
  for (const message of fake.botMessages()) {
    const to = message.message_reference?.message_id;
    if (to !== undefined) answers.set(to, (answers.get(to) ?? 0) + 1);
  }
  for (const sent of mentions) {
    const count = answers.get(sent.message.id) ?? 0;
    if (count === 0) lost.push(`mention ${sent.message.id}`);
    if (count > 1) twice.push(`mention ${sent.message.id}`);
  }
  return { lost, twice, late, ackMs };
}

const percentile = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

async function settled(fake: FakeDiscord, asks: readonly SentInteraction[], mentions: readonly SentMessage[], timeoutMs: number) {
  await fake
    .waitFor(() => {
      const t = tally(fake, asks, mentions);
      return t.lost.length === 0;
    }, timeoutMs, 'every question to be answered')
    .catch(() => undefined);
}

describe('soak: 1,000 questions under gateway and REST faults', () => {
  const harness = useBot({ via: 'node', fake: { heartbeatIntervalMs: 1000 } });

  it('answers every question exactly once and acknowledges every interaction within 3 s', async () => {
    const { fake } = harness;
    const questions = [...qaOf(harness.knowledge).map((e) => e.questions[0]!), 'did they sign a treaty', 'who won the world cup'];
    const asks: SentInteraction[] = [];
    const mentions: SentMessage[] = [];
    const staged: string[] = [];
    const channels = [fake.guild.generalChannelId, fake.guild.askChannelId];
    fake.replayOnResume(2);
    const started = Date.now();
    for (let i = 0; i < 1000; i++) {
      if (i > 0 && i % 50 === 0) {
        const fault = FAULTS[(i / 50 - 1) % FAULTS.length]!;
        if (fault.reidentifies) {
          // Events sent to a session that is then invalidated are gone for any bot: let them land first.
          await settled(fake, asks, mentions, 10_000);
          const identifies = fake.identifies.length;
          fault.stage(fake);
          await fake.waitFor(() => fake.identifies.length > identifies && fake.sessions.some((s) => s.ready && s.socket !== null), 20_000, 'a new session');
        } else fault.stage(fake);
        staged.push(fault.name);
      }
      const question = questions[i % questions.length]!;
      if (i % 4 === 3) {
        mentions.push(fake.sendMessage({ content: question, mentionsBot: true, channelId: channels[(i >> 2) % 2] }));
      } else asks.push(fake.sendCommand('ask', { question }));
      await delay(40);
    }
    await settled(fake, asks, mentions, 20_000);
    fake.replayOnResume(0);
    fake.clearFailures();
    const seconds = (Date.now() - started) / 1000;
    const result = tally(fake, asks, mentions);
    const resumes = fake.gatewayLog.filter((e) => e.kind === 'sent' && e.t === 'RESUMED').length;
    console.info(
      `soak: ${asks.length} /ask + ${mentions.length} mentions in ${seconds.toFixed(1)} s, ${staged.length} faults, ${resumes} resumes; ` +
        `lost ${result.lost.length}, twice ${result.twice.length}, late ${result.late.length}; ` +
        `ack p50 ${percentile(result.ackMs, 0.5)} ms, p99 ${percentile(result.ackMs, 0.99)} ms, max ${Math.max(...result.ackMs)} ms`,
    );
    expect(asks).toHaveLength(750);
    expect(mentions).toHaveLength(250);
    expect(staged).toHaveLength(19);
    expect(result.lost).toEqual([]);
    expect(result.twice).toEqual([]);
    expect(result.late).toEqual([]);
    expect(fake.takeViolations()).toEqual([]);
    expect(harness.bot.hasExited).toBe(false);
    expect(harness.bot.output()).not.toContain(fake.token);
  }, 180_000);

  it('keeps acknowledging /ask in time while refreshes of oversized, broken and good knowledge run', async () => {
    const { fake, knowledge } = harness;
    const article = knowledge.original('article.md');
    const qa = knowledge.original('qa.yaml');
    const asks: SentInteraction[] = [];
    const reports: string[] = [];
    const refresh = async (prepare: () => Promise<void>) => {
      await prepare();
      const sent = fake.sendCommand('refresh', {}, { user: 'moderator', permissions: MODERATOR_PERMISSIONS });
      asks.push(sent);
      const reply = await sent.waitForReply(undefined, 60_000);
      reports.push(reply.embeds?.[0]?.title ?? reply.content ?? '');
    };
    let sending = true;
    const trafficStarted = Date.now();
    const traffic = (async () => {
      for (let i = 0; sending && i < 2000; i++) {
        asks.push(fake.sendCommand('ask', { question: i % 2 === 0 ? 'who runs roscosmos' : 'when did putin last visit north korea' }));
        await delay(50);
      }
    })();
    try {
      // 2 MB of article: refused by its size, before it is read as text.
      await refresh(() => writeFile(knowledge.path('article.md'), `${article}\n${'Filler sentence for size. '.repeat(80_000)}\n`));
      // Within the size limit but broken: 30 copies of every entry, one citing a passage that does not exist.
      await refresh(async () => {
        await writeFile(knowledge.path('article.md'), article);
        const body = qa.slice(qa.indexOf('\nentries:\n') + '\nentries:\n'.length);
        const copies = Array.from({ length: 6 }, (_, k) => body.replace(/id: ([a-z0-9-]+)/g, (_m, id: string) => `id: ${id.slice(0, 30)}-c${k}`));
        await writeFile(knowledge.path('qa.yaml'), `${qa}${copies.join('')}`.replace('cite: [p4.s2]', 'cite: [p4.s9]'));
      });
      // Good knowledge again, with one new sentence.
      await refresh(async () => {
        await writeFile(knowledge.path('qa.yaml'), qa);
        await writeFile(knowledge.path('article.md'), `${article}\nThe delegation also visited a zebra exhibition.\n`);
      });
      // Traffic goes on a little after the last report, for the build that follows a good refresh.
      await delay(Math.max(1000, 6000 - (Date.now() - trafficStarted)));
    } finally {
      sending = false;
      await traffic;
    }
    await settled(fake, asks, [], 15_000);
    const result = tally(fake, asks, []);
    console.info(
      `refresh under load: ${asks.length} interactions, reports ${JSON.stringify(reports)}; lost ${result.lost.length}, late ${result.late.length}, ` +
        `ack p99 ${percentile(result.ackMs, 0.99)} ms, max ${Math.max(...result.ackMs)} ms`,
    );
    expect(reports).toHaveLength(3);
    expect(reports[0]).toMatch(/refresh failed/i);
    expect(reports[1]).toMatch(/refresh failed/i);
    expect(reports[2]).toMatch(/refreshed/i);
    expect(result.lost).toEqual([]);
    expect(result.twice).toEqual([]);
    expect(result.late).toEqual([]);
    expect(fake.takeViolations()).toEqual([]);
  }, 180_000);

  it('finishes an edit whose first attempt hangs: the hung request is ended, the next one goes through', async () => {
    const { fake } = harness;
    // A refresh always defers, then edits in its report.
    fake.injectFailure({ route: 'update_original_webhook_message', status: 'hang' });
    const sent = fake.sendCommand('refresh', {}, { user: 'moderator', permissions: MODERATOR_PERMISSIONS });
    const reply = await sent.waitForReply(undefined, 30_000);
    expect(reply.embeds?.[0]?.title).toMatch(/knowledge (refreshed|reloaded)/i);
    expect(sent.record.followUps).toEqual([]);
    expect(fake.requestsTo('update_original_webhook_message').filter((r) => r.params.webhook_token === sent.token)).toHaveLength(2);
    expect(fake.takeViolations()).toEqual([]);
  }, 60_000);
});
