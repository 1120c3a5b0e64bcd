import { afterAll, beforeAll } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/index.ts';
import { copyKnowledge, printBotOutputOnFailure, startBot, type BotOptions, type BotProcess, type KnowledgeCopy } from './bot-process.ts';

export interface BotFixture {
  readonly fake: FakeDiscord;
  readonly bot: BotProcess;
  readonly knowledge: KnowledgeCopy;
}

/**
 * The usual end-to-end set-up for one describe block: the local Discord-compatible server, a
 * throwaway copy of the knowledge, and the real bot connected to it; all stopped afterwards,
 * and the bot's output printed when a test fails. Read the parts inside tests, not before.
 */
export function useBotAgainstFakeDiscord(
  fakeOptions: FakeDiscordOptions = {},
  botOptions: Omit<BotOptions, 'knowledgeDir'> = {},
): BotFixture {
  let fake: FakeDiscord | undefined;
  let knowledge: KnowledgeCopy | undefined;
  let bot: BotProcess | undefined;
  beforeAll(async () => {
    fake = await startFakeDiscord(fakeOptions);
    knowledge = await copyKnowledge();
    bot = await startBot(fake, { ...botOptions, knowledgeDir: knowledge.dir });
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);
  printBotOutputOnFailure(() => (bot === undefined ? [] : [bot]));
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started`);
    return value;
  };
  return {
    get fake() {
      return started(fake, 'the fake Discord');
    },
    get bot() {
      return started(bot, 'the bot');
    },
    get knowledge() {
      return started(knowledge, 'the knowledge copy');
    },
  };
}
