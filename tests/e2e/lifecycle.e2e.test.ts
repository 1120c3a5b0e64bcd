import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Intent, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { copyKnowledge, printBotOutputOnFailure, startBot, type BotProcess, type KnowledgeCopy } from './support/bot-process.ts';
import { buttonsOf, interactionReply, onlyEmbed, quotes, type Body } from './support/replies.ts';

/**
 * Startup and shutdown of the real process: what it registers, how it identifies, that a
 * restart leaves registered commands alone, and that SIGTERM ends it cleanly.
 *
 * The tests run in order and share state: the first process (`npm start`) registers the
 * commands; the restart test stops it and starts a second one as `node --import tsx src/main.ts`
 * (the loader `npm start` uses, without wrappers), which the SIGTERM test then stops. The second
 * one skips npm and the tsx CLI because the exit status observed would be theirs, not the bot's:
 * on a process-group SIGTERM npm exits by the signal (or 143), and the tsx CLI exits 143 in some
 * runs although the bot inside had disconnected cleanly.
 */

const MANAGE_GUILD = '32';

describe('startup and shutdown of the bot process', () => {
  let fake: FakeDiscord;
  let knowledge: KnowledgeCopy;
  let first: BotProcess;
  let second: BotProcess | undefined;
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    knowledge = await copyKnowledge();
    first = await startBot(fake, { knowledgeDir: knowledge.dir, via: 'npm' });
    processes.push(first);
  }, 60_000);

  afterAll(async () => {
    for (const bot of processes) await bot.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);

  printBotOutputOnFailure(() => processes);

  it('registers /ask, /topics, /help, /refresh and /gaps in the guild with one bulk PUT', () => {
    const listed = fake.requestsTo('list_guild_application_commands');
    const puts = fake.requestsTo('bulk_set_guild_application_commands');
    expect(listed).toHaveLength(1);
    expect(puts).toHaveLength(1);
    // Compared with what is registered first, then overwritten; never registered globally.
    expect(listed[0]!.time).toBeLessThanOrEqual(puts[0]!.time);
    expect(fake.requestsTo('bulk_set_application_commands')).toEqual([]);
    const put = puts[0]!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    expect(put.status).toBe(200);

    const commands = put.body as Body[];
    const names = commands.map((c) => c.name);
    expect([...names].sort()).toEqual(['article', 'ask', 'gaps', 'help', 'refresh', 'topics']);
    for (const name of names) expect(name).toMatch(/^[-_a-z0-9]{1,32}$/);

    const byName = (name: string) => commands.find((c) => c.name === name)!;
    const ask = byName('ask');
    expect(ask.options).toEqual([
      expect.objectContaining({ type: 3, name: 'question', required: true, max_length: 500, autocomplete: true }),
      expect.objectContaining({ type: 5, name: 'private' }),
      expect.objectContaining({ type: 6, name: 'mention' }),
    ]);
    const privateOption = (ask.options as Body[])[1]!;
    expect(privateOption.required ?? false).toBe(false);

    expect(byName('refresh').default_member_permissions).toBe(MANAGE_GUILD);
    expect(byName('gaps').default_member_permissions).toBe(MANAGE_GUILD);
    expect(byName('article').default_member_permissions).toBe(MANAGE_GUILD);
    for (const name of ['ask', 'topics', 'help']) expect(byName(name).default_member_permissions ?? null).toBeNull();
    expect(fake.commands.guild.map((c) => c.name).sort()).toEqual(['article', 'ask', 'gaps', 'help', 'refresh', 'topics']);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('identifies with Guilds, GuildMessages and DirectMessages, without Message Content', () => {
    expect(fake.identifies).toHaveLength(1);
    const identify = fake.identifies[0]!;
    expect(identify.token).toBe(fake.token);
    expect(identify.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages);
    expect(identify.intents & Intent.MessageContent).toBe(0);
    expect(fake.connections).toBe(1);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('a restart with the same commands reads them (GET) and does not PUT them again', async () => {
    // Buttons posted before the restart must still work after it.
    const decline = await interactionReply(fake, fake.sendCommand('ask', { question: 'did they sign a treaty with north korea' }));
    const [button] = buttonsOf(decline.body);
    if (button === undefined) throw new Error('the decline offered no buttons');

    // npm's own exit status is not the bot's (see above): only the disconnect is checked here.
    const stopped = await first.stop();
    expect(stopped.killed).toBe(false);
    await fake.waitFor(() => fake.connections === 0, 2000, 'the first bot to disconnect');

    second = await startBot(fake, { knowledgeDir: knowledge.dir, via: 'node' });
    processes.push(second);
    expect(fake.identifies).toHaveLength(2);
    expect(fake.requestsTo('list_guild_application_commands')).toHaveLength(2);
    expect(fake.requestsTo('bulk_set_guild_application_commands')).toHaveLength(1);
    expect(fake.requestsTo('bulk_set_application_commands')).toEqual([]);

    // The restarted bot answers the commands registered by the first one.
    const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    const reply = await interactionReply(fake, sent);
    expect(quotes(onlyEmbed(reply.body))).not.toEqual([]);
    const pressed = await interactionReply(fake, fake.sendButton(button.custom_id));
    expect(quotes(onlyEmbed(pressed.body))).not.toEqual([]);

    expect(fake.takeViolations()).toEqual([]);
  }, 60_000);

  it('on SIGTERM, disconnects and exits with code 0 in under 5 s, even when the signal comes twice', async () => {
    if (second === undefined) throw new Error('the restart test did not start a second bot');
    expect(fake.connections).toBe(1);
    // SIGTERM, then again 20 ms later, as supervisors and wrappers (tsx, npm) pass it on.
    const result = await second.stop({ graceMs: 5000, repeatAfterMs: 20 });
    expect(result).toMatchObject({ code: 0, signal: null, killed: false });
    expect(result.ms).toBeLessThan(5000);
    await fake.waitFor(() => fake.connections === 0, 1000, 'the gateway connection to close');
    expect(fake.connections).toBe(0);
    expect(fake.gatewayLog.filter((e) => e.kind === 'close').at(-1)).toMatchObject({ code: 1000, initiatedBy: 'client' });
    // Debug logging on, and still the token never shows.
    for (const bot of processes) expect(bot.output()).not.toContain(fake.token);

    expect(fake.takeViolations()).toEqual([]);
  });
});
