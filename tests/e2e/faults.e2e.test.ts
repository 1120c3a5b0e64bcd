import { describe, expect, it } from 'vitest';
import type { FakeDiscord, SentInteraction, SentMessage } from './fake-discord/index.ts';
import { useBot } from './support/bot-process.ts';
import { delay, onlyEmbed } from './support/replies.ts';

/**
 * One fault at a time, each staged by the fake the way Discord or a network produces it. Every
 * question must get exactly one visible answer, and every interaction an acknowledgement within
 * Discord's 3 s.
 */

const ACK_LIMIT_MS = 3000;

function acceptedCallbacks(sent: SentInteraction) {
  return sent.record.callbacks.filter((callback) => callback.accepted);
}

/** Bot messages that answer `sent`: replies referencing it. */
function answersTo(fake: FakeDiscord, sent: SentMessage) {
  return fake.botMessages().filter((message) => message.message_reference?.message_id === sent.message.id);
}

function ackMs(sent: SentInteraction): number {
  const first = acceptedCallbacks(sent)[0];
  if (first === undefined) throw new Error(`interaction ${sent.id} was never acknowledged`);
  return first.at - sent.record.sentAt;
}

describe('faults, one at a time', () => {
  const harness = useBot({ via: 'node' });

  it('answers a slash command replayed after a resume once, and says so in the log', async () => {
    const { fake, bot } = harness;
    const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    await sent.waitForReply();
    fake.replayOnResume(3);
    try {
      const resumesBefore = fake.gatewayLog.filter((e) => e.kind === 'sent' && e.t === 'RESUMED').length;
      fake.dropConnections(4000);
      await fake.waitFor(
        () => fake.gatewayLog.filter((e) => e.kind === 'sent' && e.t === 'RESUMED').length > resumesBefore,
        10_000,
        'a resume',
      );
      await bot.waitForOutput(new RegExp(`skipped interaction ${sent.id}: already handled`), 5000);
    } finally {
      fake.replayOnResume(0);
    }
    await delay(300);
    expect(sent.record.callbacks).toHaveLength(1);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('takes a callback that failed with a 500 after landing for the answer it was: one reply, no error', async () => {
    const { fake, bot } = harness;
    fake.injectFailure({ route: 'create_interaction_response', status: 500, landed: true });
    const sent = fake.sendCommand('ask', { question: 'who is the defence minister' });
    const reply = await sent.waitForReply();
    await delay(500);
    expect(onlyEmbed(reply as never).description).toMatch(/Belousov/);
    expect(acceptedCallbacks(sent)).toHaveLength(1);
    expect(sent.record.followUps).toEqual([]);
    expect(bot.output()).not.toMatch(new RegExp(`ERROR.*${sent.id}|/ask .* failed`));
    expect(fake.takeViolations()).toEqual([]);
  });

  it('acknowledges within 3 s when the reply callback hangs: defers, then edits', async () => {
    const { fake } = harness;
    fake.injectFailure({ route: 'create_interaction_response', status: 'hang' });
    const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    const reply = await sent.waitForReply(undefined, 10_000);
    expect(ackMs(sent)).toBeLessThan(ACK_LIMIT_MS);
    expect(acceptedCallbacks(sent).map((c) => c.type)).toEqual([5]);
    expect(onlyEmbed(reply as never).description).toMatch(/Borisov/);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('posts one reply to a mention whose first post failed with a 500 after landing', async () => {
    const { fake } = harness;
    fake.injectFailure({ route: 'create_message', status: 500, landed: true });
    const sent = fake.sendMessage({ content: 'who is the defence minister', mentionsBot: true });
    await sent.waitForReply();
    await delay(800);
    expect(answersTo(fake, sent)).toHaveLength(1);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('does not let a hung post in one channel hold up replies there for long, nor anywhere else', async () => {
    const { fake } = harness;
    fake.injectFailure({ route: 'create_message', status: 'hang' });
    const stuck = fake.sendMessage({ content: 'who runs roscosmos', mentionsBot: true, channelId: fake.guild.generalChannelId });
    await fake.waitFor(() => fake.requests.some((r) => r.fault === 'hang'), 5000, 'the hung request');
    // Queued behind the hung post in the same channel, with a deadline running out as the hung one's does.
    const sameChannel = fake.sendMessage({ content: 'who is the foreign minister', mentionsBot: true, channelId: fake.guild.generalChannelId });
    const started = Date.now();
    const elsewhere = fake.sendMessage({ content: 'who is the defence minister', mentionsBot: true, channelId: fake.guild.askChannelId });
    const slash = fake.sendCommand('ask', { question: 'who is the foreign minister' });
    await elsewhere.waitForReply(2000);
    await slash.waitForReply(undefined, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    await sameChannel.waitForReply(8000);
    await stuck.waitForReply(12_000);
    await delay(300);
    expect(answersTo(fake, stuck)).toHaveLength(1);
    expect(answersTo(fake, sameChannel)).toHaveLength(1);
    expect(fake.takeViolations()).toEqual([]);
  });
});
