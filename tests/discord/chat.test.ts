import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createChatHandler, decideChat, stripMention, type MessageFacts } from '../../src/discord/chat.ts';
import { MESSAGES } from '../../src/render/discord.ts';
import type { Message } from 'discord.js';
import { fakeEngine, fakeLive } from '../support/fake-engine.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const BOT = '900000000000000001';
const ASK_CHANNEL = '400000000000000001';
const OTHER_CHANNEL = '400000000000000002';

function facts(overrides: Partial<MessageFacts>): MessageFacts {
  return { content: '', authorIsBot: false, system: false, isDm: false, channelId: OTHER_CHANNEL, parentChannelId: null, ...overrides };
}

describe('stripMention', () => {
  it('removes the bot mention in both forms, wherever it is', () => {
    expect(stripMention(`<@${BOT}> who leads Roscosmos?`, BOT)).toEqual({ text: 'who leads Roscosmos?', mentioned: true });
    expect(stripMention(`<@!${BOT}> who leads Roscosmos?`, BOT)).toEqual({ text: 'who leads Roscosmos?', mentioned: true });
    expect(stripMention(`who leads <@${BOT}> Roscosmos?`, BOT).text).toBe('who leads Roscosmos?');
    expect(stripMention(`<@${BOT}> <@${BOT}> hi`, BOT).text).toBe('hi');
  });

  it('drops the comma or colon people type after a mention', () => {
    expect(stripMention(`<@${BOT}>, who is Lavrov?`, BOT).text).toBe('who is Lavrov?');
    expect(stripMention(`<@${BOT}>: who is Lavrov?`, BOT).text).toBe('who is Lavrov?');
  });

  it('leaves other mentions alone and reports no mention of the bot', () => {
    expect(stripMention('<@123456789012345678> look', BOT)).toEqual({ text: '<@123456789012345678> look', mentioned: false });
  });
});

describe('decideChat', () => {
  const decide = (f: Partial<MessageFacts>, channels: readonly string[] = [ASK_CHANNEL]) => decideChat(facts(f), BOT, channels);

  it('answers a message that mentions the bot, without the mention', () => {
    expect(decide({ content: `<@${BOT}> when did putin last go to north korea` })).toEqual({
      kind: 'ask',
      question: 'when did putin last go to north korea',
    });
  });

  it('answers a message that only mentions the bot with a how-to', () => {
    expect(decide({ content: `  <@${BOT}>  ` })).toEqual({ kind: 'how-to' });
  });

  it('answers any direct message', () => {
    expect(decide({ content: 'who is kim jong un', isDm: true })).toEqual({ kind: 'ask', question: 'who is kim jong un' });
    expect(decide({ content: '', isDm: true })).toEqual({ kind: 'how-to' });
  });

  it('answers any message in an ask channel, or in a thread of one', () => {
    expect(decide({ content: 'who is lavrov', channelId: ASK_CHANNEL })).toEqual({ kind: 'ask', question: 'who is lavrov' });
    expect(decide({ content: 'who is lavrov', channelId: '400000000000000009', parentChannelId: ASK_CHANNEL })).toMatchObject({ kind: 'ask' });
  });

  it('ignores an empty message in an ask channel, such as an image', () => {
    expect(decide({ content: '', channelId: ASK_CHANNEL })).toEqual({ kind: 'ignore' });
  });

  it('ignores ordinary messages elsewhere', () => {
    expect(decide({ content: 'who is lavrov' })).toEqual({ kind: 'ignore' });
    expect(decide({ content: 'who is lavrov', channelId: ASK_CHANNEL }, [])).toEqual({ kind: 'ignore' });
  });

  it('ignores bots, itself included, and system messages, even when they mention it', () => {
    expect(decide({ content: `<@${BOT}> hi`, authorIsBot: true })).toEqual({ kind: 'ignore' });
    expect(decide({ content: 'hi', isDm: true, authorIsBot: true })).toEqual({ kind: 'ignore' });
    expect(decide({ content: `<@${BOT}> hi`, system: true })).toEqual({ kind: 'ignore' });
  });
});

/** The fake messages below record what `reply` is called with. */
const VIA_REPLY = { send: (message: Message, payload: unknown) => message.reply(payload as never).then(() => undefined) };

describe('createChatHandler', () => {
  const config: Config = { knowledgeDir: 'k', askChannelIds: [ASK_CHANNEL], moderatorRoleIds: [], logLevel: 'info' };

  function fakeMessage(content: string, options: { bot?: boolean; failReply?: boolean } = {}) {
    const replies: unknown[] = [];
    const message = {
      id: '300000000000000001',
      content,
      author: { id: '800000000000000001', bot: options.bot ?? false },
      webhookId: null,
      system: false,
      channelId: OTHER_CHANNEL,
      channel: { type: 0, isThread: () => false },
      client: { user: { id: BOT } },
      inGuild: () => true,
      async reply(payload: unknown) {
        replies.push(payload);
        if (options.failReply === true) throw new Error('Missing Permissions');
      },
    };
    return { message: message as unknown as Message, replies };
  }

  it('replies to a mention with the answer, pinging no one, not even the asker', async () => {
    const handle = createChatHandler({ live: fakeLive(), config, log: recordingLogger() }, VIA_REPLY);
    const { message, replies } = fakeMessage(`<@${BOT}> who runs roscosmos @everyone`);
    await handle(message);
    expect(replies).toHaveLength(1);
    const reply = replies[0] as { allowedMentions: unknown; embeds: { title: string }[] };
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(reply.embeds[0]!.title).toBe('who runs roscosmos @\u200beveryone');
  });

  it('sends the question’s id as an enforced nonce, so a repeated send cannot post a second reply', async () => {
    const handle = createChatHandler({ live: fakeLive(), config, log: recordingLogger() }, VIA_REPLY);
    const { message, replies } = fakeMessage(`<@${BOT}> who runs roscosmos`);
    await handle(message);
    expect(replies[0]).toMatchObject({ nonce: message.id, enforceNonce: true });
  });

  it('does not answer its own messages', async () => {
    const handle = createChatHandler({ live: fakeLive(), config, log: recordingLogger() }, VIA_REPLY);
    const { message, replies } = fakeMessage(`<@${BOT}> who runs roscosmos`, { bot: true });
    await handle(message);
    expect(replies).toEqual([]);
  });

  it('replies "something went wrong" when the engine fails', async () => {
    const engine = {
      ...fakeEngine(),
      ask: () => {
        throw new Error('broken');
      },
    };
    const log = recordingLogger();
    const handle = createChatHandler({ live: fakeLive(engine), config, log }, VIA_REPLY);
    const { message, replies } = fakeMessage(`<@${BOT}> who`);
    await handle(message);
    expect(replies).toEqual([expect.objectContaining({ content: MESSAGES.somethingWentWrong })]);
    expect(log.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('logs, and does not throw, when it may not reply in that channel', async () => {
    const log = recordingLogger();
    const handle = createChatHandler({ live: fakeLive(), config, log }, VIA_REPLY);
    const { message } = fakeMessage(`<@${BOT}> who runs roscosmos`, { failReply: true });
    await expect(handle(message)).resolves.toBeUndefined();
    expect(log.lines.some((l) => l.level === 'warn')).toBe(true);
  });
});
