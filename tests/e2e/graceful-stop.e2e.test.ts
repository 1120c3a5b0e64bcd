import { describe, expect, it } from 'vitest';
import { useBotAgainstFakeDiscord } from './support/bot-fixture.ts';
import { onlyEmbed, type Body } from './support/replies.ts';

/**
 * SIGTERM while a reply is on its way: the reply still lands, nothing new is taken on, and the
 * process exits 0 within 5 s. Discord's rate limit holds the reply back (a 429 with
 * Retry-After), as it would in a busy server.
 */

describe('a graceful stop of the gateway bot', () => {
  const world = useBotAgainstFakeDiscord({}, { via: 'node' });

  it('finishes the reply in flight, ignores what arrives after SIGTERM, and exits 0 in under 5 s', async () => {
    const { fake, bot } = world;
    // Held back for 1 s: well inside the 1.8 s after which an unanswered reply is deferred instead.
    fake.injectFailure({ route: 'create_interaction_response', status: 429, retryAfterSeconds: 1 });
    const asked = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    await fake.waitForRequest((r) => r.route === 'create_interaction_response' && r.status === 429);

    const stopped = bot.stop({ graceMs: 5000 });
    await bot.waitForOutput(/finishing 1 reply\(ies\) in flight/);
    const late = fake.sendCommand('ask', { question: 'who is the defence minister' });

    const result = await stopped;
    expect(result).toMatchObject({ code: 0, signal: null, killed: false });
    expect(result.ms).toBeLessThan(5000);
    // The reply held back by the rate limit went out before the exit.
    const reply = await asked.waitForReply(undefined, 100);
    expect(onlyEmbed(reply as unknown as Body).description).toMatch(/Borisov/);
    expect(result.ms).toBeGreaterThanOrEqual(500);
    // The question asked after the signal was left alone.
    expect(late.record.callbacks).toEqual([]);
    expect(fake.requests.filter((r) => r.path.includes(`/interactions/${late.id}/`))).toEqual([]);
    expect(fake.takeViolations()).toEqual([]);
  });
});
