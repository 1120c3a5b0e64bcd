import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import type { BotContext, Command } from '../../src/discord/command.ts';
import { createDispatcher } from '../../src/discord/dispatch.ts';
import { COMMANDS } from '../../src/discord/registry.ts';
import type { Engine } from '../../src/engine/types.ts';
import { MESSAGES, type Reply } from '../../src/render/discord.ts';
import { declined, fakeEngine, fakeLive, found } from '../support/fake-engine.ts';
import { FakeInteraction, MANAGE_GUILD, type FakeOptions } from '../support/fake-interactions.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const CONFIG: Config = Object.freeze({ knowledgeDir: 'knowledge', askChannelIds: [], moderatorRoleIds: ['500000000000000001'], logLevel: 'info' });

function setup(engine: Engine = fakeEngine(), extra: readonly Command[] = []) {
  const log = recordingLogger();
  const live = fakeLive(engine);
  const ctx: BotContext = { live, config: CONFIG, log };
  const dispatch = createDispatcher(ctx, { commands: [...COMMANDS, ...extra], deferAfterMs: 30 });
  const run = async (o: FakeOptions) => {
    const interaction = new FakeInteraction(o);
    await dispatch(interaction.asInteraction());
    return interaction;
  };
  return { run, log, live };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function testCommand(name: string, execute: () => Reply | Promise<Reply>, defer: Command['defer'] = 'if-slow'): Command {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription('test'),
    visibility: () => 'public',
    defer,
    execute,
  };
}

const TEXT_REPLY: Reply = { content: 'done', embeds: [], components: [], allowedMentions: { parse: [] } };

function payload(i: FakeInteraction, index = 0): Record<string, unknown> {
  return i.calls[index]!.payload as Record<string, unknown>;
}

describe('dispatching /ask', () => {
  it('answers a quick question with one public reply, no deferral', async () => {
    const { run } = setup();
    const i = await run({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos' } });
    expect(i.methods()).toEqual(['reply']);
    const p = payload(i);
    expect(p.flags).toBeUndefined();
    expect(JSON.stringify(p.embeds)).toContain('Paragraph 4, sentence 2');
    expect(p.allowedMentions).toEqual({ parse: [] });
  });

  it('answers privately (ephemeral) when private is true', async () => {
    const { run } = setup();
    const i = await run({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos', private: true } });
    expect(i.methods()).toEqual(['reply']);
    expect(payload(i).flags).toBe(MessageFlags.Ephemeral);
  });

  it('passes the question to the engine exactly as typed', async () => {
    const asked: string[] = [];
    const { run } = setup(fakeEngine({ ask: (q) => (asked.push(q), found(q)) }));
    await run({ kind: 'command', commandName: 'ask', options: { question: '  who leads Roscosmos?? ' } });
    expect(asked).toEqual(['  who leads Roscosmos?? ']);
  });
});

describe('dispatch policy', () => {
  it('defers a command that turns out slow, then edits the reply', async () => {
    const { run } = setup(undefined, [testCommand('slow', async () => (await sleep(120), TEXT_REPLY))]);
    const i = await run({ kind: 'command', commandName: 'slow' });
    expect(i.methods()).toEqual(['deferReply', 'editReply']);
    expect(payload(i, 1)).toMatchObject({ content: 'done' });
  });

  it('defers at once, privately, a command known to be slow such as /refresh', async () => {
    const { run, live } = setup();
    const i = await run({ kind: 'command', commandName: 'refresh', permissions: MANAGE_GUILD });
    expect(i.methods()).toEqual(['deferReply', 'editReply']);
    expect(payload(i)).toEqual({ flags: MessageFlags.Ephemeral });
    expect(live.refreshes).toBe(1);
    expect(JSON.stringify(payload(i, 1))).toContain('Knowledge reloaded');
  });

  it('turns a failing handler into a logged error and a private "something went wrong"', async () => {
    const { run, log } = setup(undefined, [
      testCommand('boom', () => {
        throw new Error('kaput');
      }),
    ]);
    const i = await run({ kind: 'command', commandName: 'boom' });
    expect(i.methods()).toEqual(['reply']);
    expect(payload(i)).toMatchObject({ content: MESSAGES.somethingWentWrong, flags: MessageFlags.Ephemeral });
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('/boom') }));
  });

  it('after a deferral, edits the deferred reply into "something went wrong"', async () => {
    const { run } = setup(undefined, [
      testCommand(
        'lateboom',
        async () => {
          await sleep(10);
          throw new Error('kaput');
        },
        'now',
      ),
    ]);
    const i = await run({ kind: 'command', commandName: 'lateboom' });
    expect(i.methods()).toEqual(['deferReply', 'editReply']);
    expect(payload(i, 1)).toMatchObject({ content: MESSAGES.somethingWentWrong });
  });

  it('waits for a deferral still in flight before reporting a failure', async () => {
    const { run } = setup(undefined, [
      testCommand('raceboom', async () => {
        await sleep(40); // the deferral starts at 30 ms and takes 50 ms
        throw new Error('kaput');
      }),
    ]);
    const i = await run({ kind: 'command', commandName: 'raceboom', latency: 50 });
    expect(i.methods()).toEqual(['deferReply', 'editReply']);
  });

  it('keeps going when even the reply fails, logging instead of throwing', async () => {
    const { run, log } = setup();
    const i = await run({ kind: 'command', commandName: 'ask', options: { question: 'q' }, failing: ['reply'] });
    expect(i.methods()).toEqual(['reply', 'reply']);
    expect(log.lines.map((l) => l.level)).toEqual(expect.arrayContaining(['error', 'warn']));
  });

  it('tells a user privately about a command the code no longer has', async () => {
    const { run } = setup();
    const i = await run({ kind: 'command', commandName: 'gone' });
    expect(payload(i)).toMatchObject({ content: MESSAGES.unknownCommand, flags: MessageFlags.Ephemeral });
  });

  it('survives an engine that throws while answering', async () => {
    const engine = fakeEngine({
      ask: () => {
        throw new Error('index corrupt');
      },
    });
    const { run } = setup(engine);
    const i = await run({ kind: 'command', commandName: 'ask', options: { question: 'q' } });
    expect(payload(i)).toMatchObject({ content: MESSAGES.somethingWentWrong, flags: MessageFlags.Ephemeral });
  });
});

describe('dispatching autocomplete', () => {
  it('responds with matching known questions as choices', async () => {
    const { run } = setup();
    const i = await run({ kind: 'autocomplete', commandName: 'ask', focused: 'putin' });
    expect(i.methods()).toEqual(['respond']);
    expect(payload(i)).toEqual([
      { name: 'When did Putin last visit North Korea?', value: 'When did Putin last visit North Korea?' },
      { name: "Which newspaper published Putin's article?", value: "Which newspaper published Putin's article?" },
    ]);
  });

  it('responds with no choices rather than none at all when the engine fails', async () => {
    const engine = {
      ...fakeEngine(),
      complete: () => {
        throw new Error('broken');
      },
    };
    const { run, log } = setup(engine);
    const i = await run({ kind: 'autocomplete', commandName: 'ask', focused: 'x' });
    expect(i.calls).toEqual([{ method: 'respond', payload: [] }]);
    expect(log.lines.some((l) => l.level === 'error')).toBe(true);
  });
});

describe('dispatching suggestion buttons', () => {
  const entries = { 'last-visit': found('When did Putin last visit North Korea?', { answer: 'In 2000.' }) };

  it('answers the entry behind ask:<id> publicly under a public message', async () => {
    const { run } = setup(fakeEngine({ entries }));
    const i = await run({ kind: 'button', customId: 'ask:last-visit' });
    expect(i.methods()).toEqual(['reply']);
    expect(payload(i).flags).toBeUndefined();
    const embeds = payload(i).embeds as { title: string; description: string }[];
    expect(embeds[0]).toMatchObject({ title: 'When did Putin last visit North Korea?', description: 'In 2000.' });
  });

  it('answers privately under a private message', async () => {
    const { run } = setup(fakeEngine({ entries }));
    const i = await run({ kind: 'button', customId: 'ask:last-visit', onEphemeralMessage: true });
    expect(payload(i).flags).toBe(MessageFlags.Ephemeral);
  });

  it('says privately that a question removed since is no longer available', async () => {
    const { run } = setup(fakeEngine({ entries }));
    const i = await run({ kind: 'button', customId: 'ask:removed-entry' });
    expect(payload(i)).toMatchObject({ content: MESSAGES.questionUnavailable, flags: MessageFlags.Ephemeral });
  });

  it('treats a button it does not know the same way', async () => {
    const { run } = setup(fakeEngine({ entries }));
    const i = await run({ kind: 'button', customId: 'something-else' });
    expect(payload(i)).toMatchObject({ content: MESSAGES.questionUnavailable, flags: MessageFlags.Ephemeral });
  });

  it('may be pressed by any user, each press a new reply', async () => {
    const { run } = setup(fakeEngine({ entries: { x: declined('q') } }));
    const a = await run({ kind: 'button', customId: 'ask:x' });
    const b = await run({ kind: 'button', customId: 'ask:x' });
    expect([a.methods(), b.methods()]).toEqual([['reply'], ['reply']]);
  });
});

describe('acknowledging within Discord’s 3 s whatever one request does', () => {
  function setupFast() {
    const log = recordingLogger();
    const ctx: BotContext = { live: fakeLive(fakeEngine()), config: CONFIG, log };
    const dispatch = createDispatcher(ctx, { deferAfterMs: 30, ackWithinMs: 1200 });
    const run = async (o: FakeOptions) => {
      const interaction = new FakeInteraction(o);
      const started = Date.now();
      await dispatch(interaction.asInteraction());
      return { i: interaction, ms: Date.now() - started };
    };
    return { run, log };
  }
  const ASK = { kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos' } } as const;

  it('defers and then edits when the reply gets no answer, within the acknowledgement window', async () => {
    const { run, log } = setupFast();
    const { i, ms } = await run({ ...ASK, hanging: ['reply'] });
    expect(i.methods()).toEqual(['reply', 'deferReply', 'editReply']);
    expect(JSON.stringify(i.calls[2]!.payload)).toContain('Paragraph 4, sentence 2');
    expect(i.calls.map((c) => c.method)).not.toContain('followUp');
    expect(ms).toBeLessThan(1200);
    expect(log.lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('takes 40060 on a reply (a retry after a server error that had landed) for success', async () => {
    const { run, log } = setupFast();
    const { i } = await run({ ...ASK, alreadyAcknowledged: ['reply'] });
    expect(i.methods()).toEqual(['reply']);
    expect(log.lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('after a reply of unknown fate, a deferral refused with 40060 means the reply landed: nothing more is sent', async () => {
    const { run, log } = setupFast();
    const { i } = await run({ ...ASK, inconclusive: ['reply'], alreadyAcknowledged: ['deferReply'] });
    expect(i.methods()).toEqual(['reply', 'deferReply']);
    expect(log.lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('still tells the user when Discord refuses the reply outright', async () => {
    const { run } = setupFast();
    const { i } = await run({ ...ASK, failing: ['reply'] });
    expect(i.methods()).toEqual(['reply', 'reply']);
    expect(payload(i, 1)).toMatchObject({ content: MESSAGES.somethingWentWrong });
  });
});

describe('a configured acknowledgement deadline', () => {
  // 1 s leaves less than the reserve for a deferral plus the shortest reply: defer at once.
  function setupShortDeadline() {
    const ctx: BotContext = { live: fakeLive(fakeEngine()), config: CONFIG, log: recordingLogger() };
    const dispatch = createDispatcher(ctx, { deferAfterMs: 5000, ackWithinMs: 1000 });
    return async (o: FakeOptions) => {
      const interaction = new FakeInteraction(o);
      await dispatch(interaction.asInteraction());
      return interaction.methods();
    };
  }

  it('holds for slash commands, buttons and menus alike', async () => {
    const run = setupShortDeadline();
    expect(await run({ kind: 'command', commandName: 'help' })).toEqual(['deferReply', 'editReply']);
    expect(await run({ kind: 'button', customId: 'vote:up:roscosmos-head' })).toEqual(['deferReply', 'editReply']);
    expect(await run({ kind: 'button', customId: 'share', messageEmbeds: [{ title: 't' }] })).toEqual(['deferReply', 'editReply']);
    expect(await run({ kind: 'select', customId: 'topics:menu', values: ['0'] })).toEqual(['deferUpdate', 'editReply']);
  });
});

describe('the acknowledgement clock', () => {
  it('runs from when Discord created the interaction: one that waited defers at once instead of risking a late reply', async () => {
    const log = recordingLogger();
    const ctx: BotContext = { live: fakeLive(fakeEngine()), config: CONFIG, log };
    const dispatch = createDispatcher(ctx, { deferAfterMs: 1500, ackWithinMs: 2700 });
    const interaction = new FakeInteraction({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos' } });
    // Created 1.7 s ago: it sat behind a busy event loop.
    Object.assign(interaction, { createdTimestamp: Date.now() - 1700 });
    await dispatch(interaction.asInteraction());
    expect(interaction.methods()).toEqual(['deferReply', 'editReply']);
  });
});
