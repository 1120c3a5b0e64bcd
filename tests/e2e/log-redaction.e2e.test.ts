import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { copyKnowledge, printBotOutputOnFailure, startBot, type BotProcess, type KnowledgeCopy } from './support/bot-process.ts';
import { interactionReply } from './support/replies.ts';

/**
 * The real bot at debug level, the most talkative, with a token shaped like Discord's
 * (id.timestamp.hmac): neither the token nor any of its parts shows in any line it writes.
 */

const TOKEN = 'MTQ0NDU1NTY2Njc3Nzg4ODk5.GkQz7w.Vb3rTq9XyLmN0pQrStUvWxYz12345AbCdEfGhIj';

describe('the token in the logs', () => {
  let fake: FakeDiscord;
  let knowledge: KnowledgeCopy;
  let bot: BotProcess;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    knowledge = await copyKnowledge();
    bot = await startBot(fake, { knowledgeDir: knowledge.dir, via: 'node' });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);

  printBotOutputOnFailure(() => (bot === undefined ? [] : [bot]));

  it('appears in no log line at debug level, whole or in parts, and the lines are JSON', async () => {
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
