import { describe, expect, it } from 'vitest';
import { useBot } from './support/bot-process.ts';
import {
  EPHEMERAL,
  articleOf,
  buttonsOf,
  delay,
  embedsOf,
  firstFlags,
  interactionReply,
  messageReply,
  onlyEmbed,
  postedIn,
  quotes,
} from './support/replies.ts';

/**
 * Questions in plain messages, with the production default: no ask-channels, so no Message
 * Content intent (the fake withholds the content of messages that do not mention the bot).
 */

describe('questions in messages: mentions and DMs', () => {
  const harness = useBot({ via: 'npm' });
  const article = () => articleOf(harness.knowledge);

  it('answers a guild message that mentions it, replying to that message', async () => {
    const { fake } = harness;
    const sent = fake.sendMessage({ content: `<@${fake.botUser.id}> who is the defence minister`, mentionsBot: true });
    expect(sent.delivered).toBe(true);
    const { body, request } = await messageReply(fake, sent);

    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/channels/${fake.guild.generalChannelId}/messages`);
    expect(body.message_reference).toMatchObject({ message_id: sent.message.id });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = onlyEmbed(body);
    expect(embed.description).toMatch(/Belousov/);
    const found = quotes(embed);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const quote of found) expect(article()).toContain(quote.text);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('answers a direct message', async () => {
    const { fake } = harness;
    const sent = fake.sendMessage({ content: 'when did putin last visit north korea', dm: true });
    expect(sent.delivered).toBe(true);
    const { body, request } = await messageReply(fake, sent);

    expect(request.path).toBe(`/channels/${sent.message.channel_id}/messages`);
    expect(sent.message.channel_id).not.toBe(fake.guild.generalChannelId);
    expect(body.message_reference).toMatchObject({ message_id: sent.message.id });
    const found = quotes(onlyEmbed(body));
    expect(found.some((q) => q.text === 'Putin had last visited North Korea in 2000.')).toBe(true);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('declines by mention with question buttons that anyone can press', async () => {
    const { fake } = harness;
    const sent = fake.sendMessage({ content: 'did they sign a treaty with north korea', mentionsBot: true });
    const { body } = await messageReply(fake, sent);
    const embed = onlyEmbed(body);
    expect(embed.description).toMatch(/the article doesn['’]t say/i);
    expect(quotes(embed)).toEqual([]);
    const buttons = buttonsOf(body);
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const button of buttons) expect(button.custom_id).toMatch(/^ask:\S{1,96}$/);

    const pressed = fake.sendButton(buttons[0]!.custom_id, undefined, { user: 'moderator' });
    const answer = await interactionReply(fake, pressed);
    expect(firstFlags(answer) & EPHEMERAL).toBe(0);
    const found = quotes(onlyEmbed(answer.body));
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const quote of found) expect(article()).toContain(quote.text);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('ignores other bots, even when they mention it, and guild messages not addressed to it', async () => {
    const { fake } = harness;
    const since = Date.now();
    const fromBot = fake.sendMessage({ content: 'who runs roscosmos', mentionsBot: true, author: 'otherBot' });
    expect(fromBot.message.author.bot).toBe(true);
    expect(fromBot.delivered).toBe(true);
    const plain = fake.sendMessage({ content: 'who runs roscosmos', channelId: fake.guild.askChannelId });
    expect(plain.delivered).toBe(true);

    await delay(1000);
    expect(postedIn(fake, fake.guild.generalChannelId, since)).toEqual([]);
    expect(postedIn(fake, fake.guild.askChannelId, since)).toEqual([]);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('answers a bare mention with a short how-to', async () => {
    const { fake } = harness;
    const sent = fake.sendMessage({ content: '', mentionsBot: true });
    expect(sent.message.content.trim()).toBe(`<@${fake.botUser.id}>`);
    const { body } = await messageReply(fake, sent);

    expect(body.message_reference).toMatchObject({ message_id: sent.message.id });
    expect(typeof body.content).toBe('string');
    const content = body.content as string;
    expect(content).toMatch(/ask me/i);
    expect(content).toContain('/ask');
    expect(content.length).toBeLessThanOrEqual(300);
    expect(embedsOf(body)).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    expect(fake.takeViolations()).toEqual([]);
  });

  it('never pings: @everyone, @here, role and user mentions in a question stay inert text', async () => {
    const { fake } = harness;
    const role = fake.guild.roles.moderator;
    const pings = `@everyone @here <@&${role}> <@${fake.moderator.id}>`;
    for (const question of [`${pings} who is the defence minister`, `${pings} did they sign a treaty`]) {
      const sent = fake.sendMessage({ content: `<@${fake.botUser.id}> ${question}`, mentionsBot: true });
      const { body } = await messageReply(fake, sent);

      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toContain(`<@&${role}>`);
      expect(text).not.toContain(`<@${fake.moderator.id}>`);
      // The question is still shown, with its mentions broken.
      expect(onlyEmbed(body).title).toMatch(/everyone/);
    }

    expect(fake.takeViolations()).toEqual([]);
  });

  it('keeps serving after the gateway connection drops: resumes and answers what was sent meanwhile', async () => {
    const { fake } = harness;
    fake.dropConnections();
    await fake.waitFor(() => fake.connections === 0, 2000, 'the connection to drop');
    const sent = fake.sendMessage({ content: 'who is the defence minister', mentionsBot: true });
    const { body } = await messageReply(fake, sent, 10_000);
    expect(onlyEmbed(body).description).toMatch(/Belousov/);
    // Resumed the same session rather than identifying again.
    expect(fake.identifies).toHaveLength(1);
    expect(fake.gatewayLog.some((e) => e.kind === 'received' && e.op === 6)).toBe(true);
    expect(harness.bot.hasExited).toBe(false);

    expect(fake.takeViolations()).toEqual([]);
  });
});
