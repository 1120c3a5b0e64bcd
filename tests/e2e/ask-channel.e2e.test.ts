import { describe, expect, it } from 'vitest';
import { Intent } from './fake-discord/index.ts';
import { useBot } from './support/bot-process.ts';
import { articleOf, delay, interactionReply, messageReply, onlyEmbed, postedIn, quotes } from './support/replies.ts';

/** ASK_CHANNEL_IDS set to the fake guild's "ask" channel: every message there is a question. */

describe('ask-channels', () => {
  const harness = useBot({ askChannel: true, via: 'npm' });
  const article = () => articleOf(harness.knowledge);

  it('asks for the privileged Message Content intent on top of the usual three', () => {
    const { fake } = harness;
    expect(fake.identifies).toHaveLength(1);
    const { intents } = fake.identifies[0]!;
    expect(intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages | Intent.MessageContent);
    expect(intents & (1 << 15)).toBe(1 << 15);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('answers a message in the ask-channel without a mention, once', async () => {
    const { fake } = harness;
    const since = Date.now();
    const sent = fake.sendMessage({ content: 'who runs roscosmos', channelId: fake.guild.askChannelId });
    expect(sent.message.content).toBe('who runs roscosmos');
    const { body, request } = await messageReply(fake, sent);

    expect(request.path).toBe(`/channels/${fake.guild.askChannelId}/messages`);
    expect(body.message_reference).toMatchObject({ message_id: sent.message.id });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const found = quotes(onlyEmbed(body));
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const quote of found) expect(article()).toContain(quote.text);

    // Its own reply comes back over the gateway, content included: it must not answer itself.
    await delay(1000);
    expect(postedIn(fake, fake.guild.askChannelId, since)).toHaveLength(1);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('ignores plain messages in other channels, and bots in the ask-channel', async () => {
    const { fake } = harness;
    const since = Date.now();
    const elsewhere = fake.sendMessage({ content: 'who runs roscosmos', channelId: fake.guild.generalChannelId });
    // With Message Content the bot sees the text; it must still leave the message alone.
    expect(elsewhere.message.content).toBe('who runs roscosmos');
    expect(elsewhere.delivered).toBe(true);
    const fromBot = fake.sendMessage({ content: 'who runs roscosmos', channelId: fake.guild.askChannelId, bot: true });
    expect(fromBot.message.author.bot).toBe(true);

    await delay(1000);
    expect(postedIn(fake, fake.guild.generalChannelId, since)).toEqual([]);
    expect(postedIn(fake, fake.guild.askChannelId, since)).toEqual([]);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('/help points to the ask-channel', async () => {
    const { fake } = harness;
    const reply = await interactionReply(fake, fake.sendCommand('help'));
    expect(onlyEmbed(reply.body).description).toContain(`<#${fake.guild.askChannelId}>`);

    expect(fake.takeViolations()).toEqual([]);
  });
});
