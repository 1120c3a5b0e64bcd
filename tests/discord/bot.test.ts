import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { BotStartError, fatalCloseMessage, MESSAGES, startBot } from '../../src/discord/bot.ts';
import { fakeLive } from '../support/fake-engine.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GzYxWv.a-secret-that-must-never-be-printed';
const BASE: Config = { knowledgeDir: 'k', askChannelIds: [], moderatorRoleIds: [], logLevel: 'info' };

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server that answers every REST request with 401, as Discord does for a bad token. */
async function rejectingServer(): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api`;
}

describe('startBot', () => {
  it('refuses to start without a token', async () => {
    await expect(startBot(BASE, fakeLive(), recordingLogger())).rejects.toMatchObject({ code: 'token-missing' });
  });

  it('reports a rejected token in one line that does not contain the token', async () => {
    const api = await rejectingServer();
    const log = recordingLogger();
    const error = await startBot({ ...BASE, discordToken: TOKEN, discordApiUrl: api }, fakeLive(), log).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotStartError);
    expect(error).toMatchObject({ code: 'token-invalid', message: MESSAGES.tokenInvalid });
    expect((error as Error).message).not.toContain('\n');
    expect(JSON.stringify(log.lines)).not.toContain('a-secret-that-must-never-be-printed');
  });
});

describe('fatalCloseMessage', () => {
  it('explains the gateway closes discord.js will not recover from', () => {
    expect(fatalCloseMessage(4004)).toBe(MESSAGES.tokenInvalid);
    expect(fatalCloseMessage(4014)).toBe(MESSAGES.disallowedIntents);
    expect(fatalCloseMessage(4011)).toBe(MESSAGES.shardingRequired);
  });

  it('leaves recoverable closes to discord.js', () => {
    expect(fatalCloseMessage(1000)).toBeUndefined();
    expect(fatalCloseMessage(4000)).toBeUndefined();
  });
});
