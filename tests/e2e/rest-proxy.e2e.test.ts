import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import {
  copyKnowledge,
  printBotOutputOnFailure,
  spawnWatched,
  startBot,
  testEnvironment,
  type BotProcess,
  type KnowledgeCopy,
} from './support/bot-process.ts';
import { interactionReply, onlyEmbed } from './support/replies.ts';

/**
 * DISCORD_REST_PROXY: the bot's REST goes through a real @discordjs/proxy (`npm run
 * rest-proxy`) in front of the fake Discord, which sees the requests arrive from the proxy with
 * the bot's own Authorization.
 */

const PROXY_AT = /REST proxy on (http:\/\/127\.0\.0\.1:\d+)/;

describe('REST through @discordjs/proxy', () => {
  let fake: FakeDiscord;
  let knowledge: KnowledgeCopy;
  let proxy: BotProcess;
  let bot: BotProcess;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    knowledge = await copyKnowledge();
    proxy = spawnWatched(
      'npm',
      ['run', 'rest-proxy'],
      testEnvironment(fake, { knowledgeDir: knowledge.dir }, { REST_PROXY_PORT: '0', REST_PROXY_HOST: '127.0.0.1' }),
      'npm run rest-proxy',
    );
    await proxy.waitForOutput(PROXY_AT, 30_000);
    const proxyUrl = PROXY_AT.exec(proxy.output())![1]!;
    // DISCORD_API_URL stays set for the bot: the proxy setting must win over it.
    bot = await startBot(fake, { knowledgeDir: knowledge.dir, via: 'node', env: { DISCORD_REST_PROXY: proxyUrl } });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await proxy?.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);

  printBotOutputOnFailure(() => [proxy, bot].filter((p) => p !== undefined));

  it("carries every REST request of the bot, with the bot's token, and logs no token", async () => {
    const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    expect(onlyEmbed((await interactionReply(fake, sent)).body).description).toMatch(/Borisov/);
    await proxy.waitForOutput(new RegExp(`POST /api/v10/interactions/${sent.id}/:token/callback`));

    const forwarded = proxy.output();
    for (const request of fake.requests) {
      const path = request.path.replace(/\/(interactions|webhooks)\/(\d+)\/[^/]+/, '/$1/$2/:token').replace('@original', '%40original');
      expect(forwarded, `${request.method} ${request.path}`).toContain(`${request.method} /api/v10${path}`);
    }
    expect(fake.requestsTo('get_bot_gateway')[0]!.authorization).toBe(`Bot ${fake.token}`);
    expect(forwarded).not.toContain(fake.token);
    expect(forwarded).not.toContain(sent.token);
    expect(fake.takeViolations()).toEqual([]);
  });
});
