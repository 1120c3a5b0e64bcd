import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  Partials,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  type ClientEvents,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Intent, startFakeDiscord, type FakeDiscord } from './index.ts';

const DEFAULT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

// Test-only client settings: no identify throttling, no 15 s guild wait, no global rate limit.
function makeClient(fake: FakeDiscord, intents: GatewayIntentBits[] = DEFAULT_INTENTS): Client {
  return new Client({
    intents,
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { api: fake.url, globalRequestsPerSecond: 1000, timeout: 5000 },
    waitGuildTimeout: 1000,
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  });
}

async function login(client: Client, token: string): Promise<void> {
  const ready = once(client, Events.ClientReady);
  await client.login(token);
  await ready;
}

function nextEvent<K extends keyof ClientEvents>(client: Client, event: K, timeoutMs = 5000): Promise<ClientEvents[K]> {
  return once(client, event as string, { signal: AbortSignal.timeout(timeoutMs) }) as Promise<ClientEvents[K]>;
}

async function nextInteraction(client: Client): Promise<Interaction> {
  const [interaction] = await nextEvent(client, Events.InteractionCreate);
  return interaction;
}

async function nextMessage(client: Client): Promise<Message> {
  const [message] = await nextEvent(client, Events.MessageCreate);
  return message;
}

describe('fake Discord with a real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = makeClient(fake);
    await login(client, fake.token);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  afterEach(() => {
    expect(fake.takeViolations()).toEqual([]);
  });

  it('logs in, identifies with the requested intents and caches the guild', async () => {
    await fake.waitForReady();
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.guild.askChannelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.roles.everyone.id).toBe(fake.guild.id);
    expect(guild?.members.me?.id).toBe(fake.botUser.id);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]?.token).toBe(fake.token);
    expect(fake.identifies[0]?.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages);
    expect(fake.requestsTo('get_bot_gateway')).toHaveLength(1);
  });

  it('delivers a slash command and records the reply', async () => {
    const received = nextInteraction(client);
    const sent = fake.sendCommand('ask', { question: 'Who won?' }, { user: 'moderator' });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('Who won?');
    expect(interaction.user.id).toBe(fake.moderator.id);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);

    await interaction.reply({ content: 'The home team.' });
    const reply = await sent.waitForReply();
    expect(reply.content).toBe('The home team.');
    const callback = fake.requestsTo('create_interaction_response').at(-1);
    expect(callback?.status).toBe(204);
    expect(callback?.body).toMatchObject({ type: 4, data: { content: 'The home team.', allowed_mentions: { parse: [] } } });
  });

  it('handles member permissions "0", locales and DMs in interactions', async () => {
    const received = nextInteraction(client);
    fake.sendCommand('ask', { question: 'x' }, { permissions: '0', locale: 'de' });
    const inGuild = await received;
    expect(inGuild.memberPermissions?.bitfield).toBe(0n);
    expect(inGuild.locale).toBe('de');
    await (inGuild.isRepliable() && inGuild.reply({ content: 'ok' }));

    const receivedDm = nextInteraction(client);
    const dm = fake.sendCommand('ask', { question: 'y' }, { dm: true, user: 'member' });
    const inDm = await receivedDm;
    expect(inDm.guildId).toBeNull();
    expect(inDm.channel?.type).toBe(ChannelType.DM);
    expect(inDm.user.id).toBe(fake.member.id);
    await (inDm.isRepliable() && inDm.reply({ content: 'dm ok', withResponse: true }));
    expect((await dm.waitForReply()).content).toBe('dm ok');
    expect(fake.requestsTo('create_interaction_response').at(-1)?.status).toBe(200);
  });

  it('supports deferReply, editReply (PATCH @original) and followUp', async () => {
    const received = nextInteraction(client);
    const sent = fake.sendCommand('ask', { question: 'Slow one' });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    expect((await sent.waitForResponse()).type).toBe(5);
    expect(sent.record.original?.flags).toBe(128);

    const embed = new EmbedBuilder()
      .setTitle('Answer')
      .setDescription('> quoted passage')
      .addFields({ name: 'Source', value: 'paragraph 3' })
      .setFooter({ text: 'citebot' })
      .setColor(0x5865f2);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('sources:1').setLabel('Sources').setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setURL('https://example.org/article').setLabel('Article').setStyle(ButtonStyle.Link),
    );
    const edited = await interaction.editReply({ content: 'Done thinking.', embeds: [embed], components: [row] });
    expect(edited.content).toBe('Done thinking.');
    expect(edited.embeds[0]?.title).toBe('Answer');
    expect(sent.record.original?.components).toHaveLength(1);
    expect(fake.requestsTo('update_original_webhook_message').at(-1)?.path).toMatch(/\/messages\/@original$/);
    expect((await sent.waitForReply()).content).toBe('Done thinking.');

    const followUp = await interaction.followUp({ content: 'One more thing.', flags: 64 });
    expect(followUp.content).toBe('One more thing.');
    expect(sent.record.followUps.map((message) => message.content)).toEqual(['One more thing.']);
    expect((await interaction.fetchReply()).content).toBe('Done thinking.');
  });

  it('answers autocomplete with respond()', async () => {
    const received = nextInteraction(client);
    const sent = fake.sendAutocomplete('ask', { question: 'wh' }, 'question');
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused()).toBe('wh');
    await interaction.respond([
      { name: 'Who won?', value: 'who-won' },
      { name: 'When was it?', value: 'when' },
    ]);
    expect(await sent.waitForChoices()).toEqual([
      { name: 'Who won?', value: 'who-won' },
      { name: 'When was it?', value: 'when' },
    ]);
  });

  it('clicks buttons on bot messages: update() and reply()', async () => {
    const channel = client.channels.cache.get(fake.guild.askChannelId);
    if (!channel?.isSendable()) throw new Error('ask channel not sendable');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setCustomId('why:1').setLabel('Why').setStyle(ButtonStyle.Secondary),
    );
    const posted = await channel.send({ content: 'Answer with buttons', components: [row] });

    // Clicking "why" first: the update below removes the buttons, as it would in Discord.
    const receivedWhy = nextInteraction(client);
    const whyClick = fake.sendButton('why:1', undefined, { user: 'moderator' });
    const why = await receivedWhy;
    if (!why.isButton()) throw new Error('expected a button');
    expect(why.message.id).toBe(posted.id);
    expect(why.user.id).toBe(fake.moderator.id);
    await why.reply({ content: 'Because the article says so.', flags: 64 });
    expect((await whyClick.waitForReply()).flags).toBe(64);

    const received = nextInteraction(client);
    const click = fake.sendButton('more:1');
    const interaction = await received;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('more:1');
    expect(interaction.message.id).toBe(posted.id);
    await interaction.update({ content: 'Expanded answer', components: [] });
    expect((await click.waitForResponse()).type).toBe(7);
    expect(fake.botMessages().find((message) => message.id === posted.id)).toMatchObject({ content: 'Expanded answer', components: [] });
  });

  it('delivers mentions, DMs and plain guild messages as Discord would without Message Content', async () => {
    const mentionReceived = nextMessage(client);
    const mention = fake.sendMessage({ content: 'who won?', mentionsBot: true });
    const mentionMessage = await mentionReceived;
    expect(mentionMessage.content).toBe(`<@${fake.botUser.id}> who won?`);
    expect(mentionMessage.mentions.users.has(fake.botUser.id)).toBe(true);
    await mentionMessage.reply({ content: 'The home team.', embeds: [new EmbedBuilder().setDescription('> “The home team won.”')] });
    const reply = await mention.waitForReply();
    expect(reply.message_reference?.message_id).toBe(mention.message.id);
    expect(reply.type).toBe(19);
    const request = fake.requestsTo('create_message').at(-1);
    expect(request?.path).toBe(`/channels/${fake.guild.generalChannelId}/messages`);
    expect(request?.body).toMatchObject({ allowed_mentions: { parse: [] }, message_reference: { message_id: mention.message.id } });

    const dmReceived = nextMessage(client);
    const dm = fake.sendMessage({ content: 'hello in private', dm: true, author: 'moderator' });
    const dmMessage = await dmReceived;
    expect(dmMessage.channel.type).toBe(ChannelType.DM);
    expect(dmMessage.content).toBe('hello in private');
    await dmMessage.reply({ content: 'Hi!' });
    expect((await dm.waitForReply()).channel_id).toBe(dm.message.channel_id);

    const plainReceived = nextMessage(client);
    const plain = fake.sendMessage({ content: 'just chatting', channelId: fake.guild.askChannelId });
    expect(plain.delivered).toBe(true);
    expect((await plainReceived).content).toBe('');
  });

  it('echoes the bot’s own messages back over the gateway', async () => {
    const channel = client.channels.cache.get(fake.guild.generalChannelId);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    const echoed = nextMessage(client);
    const sent = await channel.send({ content: 'talking to myself' });
    const echo = await echoed;
    expect(echo.id).toBe(sent.id);
    expect(echo.author.id).toBe(fake.botUser.id);
  });

  it('stores global and guild commands (PUT bulk overwrite) and serves them back', async () => {
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask about the article')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .addStringOption((option) => option.setName('question').setDescription('Your question').setRequired(true).setAutocomplete(true));
    const global = await client.application!.commands.set([ask.toJSON()]);
    expect(global.first()?.name).toBe('ask');
    expect(fake.commands.global[0]?.default_member_permissions).toBe('32');

    const guild = client.guilds.cache.get(fake.guild.id)!;
    const guildCommands = await guild.commands.set([{ name: 'cite', description: 'Quote the article' }]);
    expect(guildCommands.first()?.guildId).toBe(fake.guild.id);

    const fetched = await client.application!.commands.fetch();
    expect(fetched.map((command) => command.name)).toEqual(['ask']);
    expect((await guild.commands.fetch()).map((command) => command.name)).toEqual(['cite']);
    expect(fake.requestsTo('bulk_set_application_commands')).toHaveLength(1);
    expect(fake.requestsTo('bulk_set_guild_application_commands')).toHaveLength(1);

    // Ids survive a re-deploy, and pushed interactions carry the registered id.
    const again = await client.application!.commands.set([ask.toJSON()]);
    expect(again.first()?.id).toBe(global.first()?.id);
    const received = nextInteraction(client);
    fake.sendCommand('ask', { question: 'q' });
    const interaction = await received;
    expect(interaction.isChatInputCommand() && interaction.commandId).toBe(global.first()?.id);
    await (interaction.isRepliable() && interaction.reply({ content: 'ok' }));
  });

  it('builds subcommand and user options from the registered definition', async () => {
    const guild = client.guilds.cache.get(fake.guild.id)!;
    const config = new SlashCommandBuilder()
      .setName('config')
      .setDescription('Configure the bot')
      .addSubcommand((sub) =>
        sub
          .setName('set')
          .setDescription('Set a value')
          .addStringOption((option) => option.setName('key').setDescription('Which').setRequired(true))
          .addUserOption((option) => option.setName('owner').setDescription('Who')),
      );
    await guild.commands.set([config.toJSON()]);

    const received = nextInteraction(client);
    fake.sendCommand('config set', { key: 'language', owner: fake.moderator.id }, { user: 'moderator' });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandGuildId).toBe(fake.guild.id);
    expect(interaction.options.getSubcommand()).toBe('set');
    expect(interaction.options.getString('key')).toBe('language');
    expect(interaction.options.getUser('owner')?.id).toBe(fake.moderator.id);
    expect(interaction.options.getMember('owner')).not.toBeNull();
    await interaction.reply({ content: 'saved' });
  });

  it('survives injected 429 and 5xx answers the way discord.js retries them', async () => {
    const channel = client.channels.cache.get(fake.guild.generalChannelId);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    fake.injectFailure({ route: 'create_message', status: 429, retryAfterSeconds: 0.05 });
    fake.injectFailure({ route: 'trigger_typing_indicator', status: 502 });
    await channel.sendTyping();
    const sent = await channel.send({ content: 'eventually' });
    expect(fake.requestsTo('create_message').slice(-2).map((request) => request.status)).toEqual([429, 200]);
    expect(fake.requestsTo('trigger_typing_indicator').map((request) => request.status)).toEqual([502, 204]);
    expect(fake.botMessages().filter((message) => message.content === 'eventually').map((message) => message.id)).toEqual([sent.id]);
  });

  it('records bodies that break Discord’s schema or limits, and answers like Discord', async () => {
    const received = nextInteraction(client);
    fake.sendCommand('ask', { question: 'long' });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const tooLong = interaction.reply({ content: 'x'.repeat(2001) });
    await expect(tooLong).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(tooLong).rejects.toMatchObject({ code: 50035, status: 400 });
    expect(fake.takeViolations()).toEqual([
      expect.objectContaining({ route: 'create_interaction_response', message: expect.stringMatching(/2001 characters/) }),
    ]);

    const guild = client.guilds.cache.get(fake.guild.id)!;
    await expect(guild.commands.set([{ name: 'Ask', description: 'Uppercase is not allowed' }])).rejects.toMatchObject({ code: 50035 });
    const [nameViolation] = fake.takeViolations();
    expect(nameViolation).toMatchObject({ route: 'bulk_set_guild_application_commands', message: expect.stringMatching(/name "Ask"/) });

    const channel = client.channels.cache.get(fake.guild.generalChannelId);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    await channel.send({ content: 'hey <@1>', allowedMentions: { parse: ['users'] } });
    expect(fake.takeViolations()).toEqual([
      expect.objectContaining({ route: 'create_message', message: expect.stringMatching(/allowed_mentions.parse must be \[\]/) }),
    ]);

    await expect(client.rest.post(`/channels/${fake.guild.generalChannelId}/messages`, { body: { content: 5 } })).rejects.toMatchObject({ status: 400 });
    expect(fake.takeViolations().map((violation) => violation.message)).toContainEqual(expect.stringMatching(/^schema: body\/content/));
  });

  it('flags a second acknowledgement of the same interaction', async () => {
    const received = nextInteraction(client);
    const sent = fake.sendCommand('ask', { question: 'twice' });
    await received;
    const body = { type: 4, data: { content: 'first', allowed_mentions: { parse: [] } } };
    await client.rest.post(Routes.interactionCallback(sent.id, sent.token), { body, auth: false });
    await expect(client.rest.post(Routes.interactionCallback(sent.id, sent.token), { body, auth: false })).rejects.toMatchObject({
      code: 40060,
    });
    expect(fake.takeViolations()).toEqual([
      expect.objectContaining({ route: 'create_interaction_response', message: expect.stringMatching(/acknowledged twice/) }),
    ]);
  });

  it('answers unknown routes with 404 and records them', async () => {
    await expect(client.rest.get('/definitely/not/a/route')).rejects.toMatchObject({ status: 404 });
    expect(fake.takeViolations()).toEqual([expect.objectContaining({ message: 'no such Discord route' })]);
  });

  it('resumes after a dropped connection and replays missed events', async () => {
    const resumed = nextEvent(client, Events.ShardResume);
    fake.dropConnections();
    await fake.waitFor(() => fake.connections === 0, 2000, 'the connection to drop');
    const missed = nextMessage(client);
    fake.sendMessage({ content: 'sent while you were away', mentionsBot: true });
    await resumed;
    expect((await missed).content).toContain('sent while you were away');
    expect(fake.identifies).toHaveLength(1);
    expect(fake.gatewayLog.some((entry) => entry.kind === 'received' && entry.op === 6)).toBe(true);
  });
});

describe('fake Discord settings and gateway behaviour', () => {
  it('answers heartbeats (op 1) with acks (op 11)', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 100 });
    const client = makeClient(fake);
    try {
      await login(client, fake.token);
      await fake.waitForGatewayOp(1, 2000);
      await fake.waitFor(() => client.ws.ping >= 0, 2000, 'discord.js to measure its ping');
      expect(fake.gatewayLog.some((entry) => entry.kind === 'sent' && entry.op === 11)).toBe(true);
    } finally {
      await client.destroy();
      await fake.close();
    }
    expect(fake.violations).toEqual([]);
  });

  it('withholds events the intents do not cover', async () => {
    const fake = await startFakeDiscord();
    const client = makeClient(fake, [GatewayIntentBits.Guilds]);
    try {
      await login(client, fake.token);
      expect(fake.sendMessage({ content: 'guild', mentionsBot: true }).delivered).toBe(false);
      expect(fake.sendMessage({ content: 'dm', dm: true }).delivered).toBe(false);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });

  it('delivers full content with the Message Content intent', async () => {
    const fake = await startFakeDiscord();
    const client = makeClient(fake, [...DEFAULT_INTENTS, GatewayIntentBits.MessageContent]);
    try {
      await login(client, fake.token);
      const received = nextMessage(client);
      fake.sendMessage({ content: 'plain but visible' });
      expect((await received).content).toBe('plain but visible');
    } finally {
      await client.destroy();
      await fake.close();
    }
  });

  it('forgets interactions not acknowledged in time', async () => {
    const fake = await startFakeDiscord({ interactionAckTimeoutMs: 50 });
    const client = makeClient(fake);
    try {
      await login(client, fake.token);
      const received = nextInteraction(client);
      fake.sendCommand('ask', { question: 'slow' });
      const interaction = await received;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(interaction.isRepliable() && interaction.reply({ content: 'too late' })).rejects.toMatchObject({ code: 10062 });
      expect(fake.violations).toEqual([expect.objectContaining({ message: expect.stringMatching(/acknowledged after \d+ ms/) })]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });

  it('rejects a wrong token when one is required', async () => {
    const fake = await startFakeDiscord({ token: 'the.right.token' });
    const client = makeClient(fake);
    try {
      await expect(client.login('the.wrong.token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(fake.requestsTo('get_bot_gateway')[0]?.status).toBe(401);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });

  it('closes cleanly when the client is destroyed', async () => {
    const fake = await startFakeDiscord();
    const client = makeClient(fake);
    await login(client, fake.token);
    expect(fake.connections).toBe(1);
    await client.destroy();
    await fake.waitFor(() => fake.connections === 0, 2000, 'the socket to close');
    expect(fake.gatewayLog.at(-1)).toMatchObject({ kind: 'close', code: 1000, initiatedBy: 'client' });
    expect(fake.sessions).toEqual([]);
    await fake.close();
    expect(fake.violations).toEqual([]);
  });
});

describe('fake Discord staging faults', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 300 });
    client = makeClient(fake);
    await login(client, fake.token);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  afterEach(() => {
    fake.replayOnResume(0);
    fake.clearFailures();
    expect(fake.takeViolations()).toEqual([]);
  });

  const general = () => {
    const channel = client.channels.cache.get(fake.guild.generalChannelId);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    return channel;
  };

  it('replays events the client already had when it resumes, as Discord can', async () => {
    const first = nextInteraction(client);
    const sent = fake.sendCommand('ask', { question: 'replayed' });
    expect((await first).id).toBe(sent.id);
    fake.replayOnResume(5);
    const again = nextInteraction(client);
    const resumed = nextEvent(client, Events.ShardResume);
    fake.dropConnections(4000);
    expect((await again).id).toBe(sent.id);
    await resumed;
  });

  it('cuts the connection without a close frame (1006), and the client resumes', async () => {
    const resumed = nextEvent(client, Events.ShardResume);
    fake.dropConnections(1006);
    await resumed;
    expect(fake.gatewayLog.filter((e) => e.kind === 'close').at(-1)?.code).toBe(1006);
  });

  it('sends op 9 resumable, and the client resumes the same session', async () => {
    const resumed = nextEvent(client, Events.ShardResume);
    const identifies = fake.identifies.length;
    fake.invalidateSessions(true);
    await resumed;
    expect(fake.identifies).toHaveLength(identifies);
  });

  it('sends op 9 not resumable, and the client identifies again', async () => {
    const identifies = fake.identifies.length;
    const ready = nextEvent(client, Events.ShardReady, 10_000);
    fake.invalidateSessions(false);
    await ready;
    expect(fake.identifies.length).toBeGreaterThan(identifies);
  });

  it('withholds a heartbeat ACK, and the client reconnects and resumes', async () => {
    const resumed = nextEvent(client, Events.ShardResume);
    fake.withholdHeartbeatAcks(1);
    await resumed;
  });

  it('answers a global 429 with X-RateLimit-Global, which discord.js waits out', async () => {
    fake.injectFailure({ route: 'create_message', status: 429, global: true, retryAfterSeconds: 0.2 });
    const started = Date.now();
    await general().send({ content: 'after a global limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(fake.requestsTo('create_message').slice(-2).map((r) => r.status)).toEqual([429, 200]);
  });

  it('fails a request with a 500 after it took effect, so a retry would post twice without a nonce', async () => {
    fake.injectFailure({ route: 'create_message', status: 500, landed: true });
    await general().send({ content: 'landed twice', enforceNonce: false });
    expect(fake.botMessages().filter((m) => m.content === 'landed twice')).toHaveLength(2);
  });

  it('returns the message already created for a repeated enforced nonce', async () => {
    fake.injectFailure({ route: 'create_message', status: 500, landed: true });
    const sent = await general().send({ content: 'landed once', nonce: '123456789', enforceNonce: true });
    const created = fake.botMessages().filter((m) => m.content === 'landed once');
    expect(created.map((m) => m.id)).toEqual([sent.id]);
  });

  it('leaves a request hanging until the client gives up on it', async () => {
    fake.injectFailure({ route: 'trigger_typing_indicator', status: 'hang' });
    const channel = general();
    await expect(
      client.rest.post(Routes.channelTyping(channel.id), { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(fake.requestsTo('trigger_typing_indicator').at(-1)).toMatchObject({ fault: 'hang', status: 0 });
  });

  it('takes a callback that answered 500 after landing as acknowledged: a retry gets 40060 and is not a violation', async () => {
    const next = nextInteraction(client);
    const sent = fake.sendCommand('ask', { question: 'landed callback' });
    const interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
    fake.injectFailure({ route: 'create_interaction_response', status: 500, landed: true });
    const error = await interaction.reply({ content: 'once' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(40060);
    expect(sent.record.callbacks.filter((c) => c.accepted)).toHaveLength(1);
  });
});
