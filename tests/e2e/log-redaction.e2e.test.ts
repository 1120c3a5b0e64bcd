import { describe, expect, it } from 'vitest';
import { useBotAgainstFakeDiscord } from './support/bot-fixture.ts';
import { interactionReply } from './support/replies.ts';

/**
 * The real bot at debug level, the most talkative, with a token shaped like Discord's
 * (id.timestamp.hmac): neither the token nor any of its parts shows in any line it writes.
 */

const TOKEN = 'MTQ0NDU1NTY2Njc3Nzg4ODk5.GkQz7w.Vb3rTq9XyLmN0pQrStUvWxYz12345AbCdEfGhIj';

describe('the token in the logs', () => {
  const world = useBotAgainstFakeDiscord({ token: TOKEN }, { via: 'node' });

  it('appears in no log line at debug level, whole or in parts, and the lines are JSON', async () => {
    const { fake, bot } = world;
    await interactionReply(fake, fake.sendCommand('ask', { question: 'who runs roscosmos' }));
    await bot.stop();
    const lines = bot.output().split('\n').filter((l) => l.trim() !== '');
    // discord.js's own debug output went through the logger, including its censored token line.
    expect(lines.some((l) => l.includes('Provided token: [redacted].[redacted].'))).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(() => JSON.parse(line), line).not.toThrow();
      for (const part of [TOKEN, ...TOKEN.split('.')]) expect(line).not.toContain(part);
    }
  });
});
