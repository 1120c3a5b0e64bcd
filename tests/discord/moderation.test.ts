import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { qaEntrySchema } from '../../src/knowledge/schema.ts';
import type { Config } from '../../src/config.ts';
import type { BotContext } from '../../src/discord/command.ts';
import { createDispatcher } from '../../src/discord/dispatch.ts';
import type { Engine } from '../../src/engine/types.ts';
import { renderAnswer } from '../../src/render/discord.ts';
import { GAPS_MESSAGES } from '../../src/render/gaps.ts';
import { silentLogger } from '../../src/log.ts';
import { openQuestionLog, type QuestionLog } from '../../src/store/question-log.ts';
import { fakeEngine, fakeLive, found, TITLE } from '../support/fake-engine.ts';
import { FakeInteraction, GUILD_ID, MANAGE_GUILD, USER_ID, type FakeOptions } from '../support/fake-interactions.ts';
import { realEngine } from '../support/knowledge.ts';

/** The moderators' loop through the dispatcher: questions logged, votes, Share, /gaps, /topics. */

const CONFIG: Config = Object.freeze({ knowledgeDir: 'knowledge', askChannelIds: [], moderatorRoleIds: [], logLevel: 'info' });
const MEMBER_ID = '812345678901234567';

let dir: string;
let questions: QuestionLog;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-moderation-'));
  questions = openQuestionLog(dir, silentLogger, { schedule: (flush) => flush() });
});

afterEach(async () => {
  questions.close();
  await rm(dir, { recursive: true, force: true });
});

function setup(engine: Engine = fakeEngine()) {
  const ctx: BotContext = { live: fakeLive(engine), config: CONFIG, log: silentLogger, questions };
  const dispatch = createDispatcher(ctx, { deferAfterMs: 1000 });
  return async (o: FakeOptions) => {
    const interaction = new FakeInteraction(o);
    await dispatch(interaction.asInteraction());
    return interaction;
  };
}

const only = (i: FakeInteraction) => {
  expect(i.calls).toHaveLength(1);
  return i.calls[0]!.payload as Record<string, any>;
};

describe('/ask and the question log', () => {
  it('logs a declined question with its server and way in, and not a confident answer', async () => {
    const run = setup();
    await run({ kind: 'command', commandName: 'ask', options: { question: 'Did they sign a treaty?' } });
    await run({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos' } });
    const { questions: logged } = questions.unanswered({ guildId: GUILD_ID });
    expect(logged).toEqual([expect.objectContaining({ question: 'Did they sign a treaty?', count: 1, vias: ['slash'] })]);
  });
});

describe('/ask mention:@member', () => {
  it('points a public answer at the member and pings only them', async () => {
    const run = setup();
    const i = await run({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos', mention: { id: MEMBER_ID } } });
    const p = only(i);
    expect(p.content).toBe(`<@${MEMBER_ID}>`);
    expect(p.allowedMentions).toEqual({ parse: [], users: [MEMBER_ID] });
  });

  it('pings nobody in a private answer, or when the member named is a bot', async () => {
    const run = setup();
    const priv = only(await run({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos', private: true, mention: { id: MEMBER_ID } } }));
    expect(priv.content).toBeUndefined();
    expect(priv.allowedMentions).toEqual({ parse: [] });
    const bot = only(await run({ kind: 'command', commandName: 'ask', options: { question: 'who runs roscosmos', mention: { id: MEMBER_ID, bot: true } } }));
    expect(bot.allowedMentions).toEqual({ parse: [] });
  });

  it('shows a mention typed into the question as a readable word in the title, never raw', async () => {
    const run = setup();
    const p = only(await run({ kind: 'command', commandName: 'ask', options: { question: 'hey <@&123456789012345678> who runs roscosmos' } }));
    expect(p.embeds[0].title).toBe('hey @a role who runs roscosmos');
  });
});

describe('the 👍/👎 buttons', () => {
  it('count one vote per member per answer and thank the voter privately', async () => {
    const run = setup();
    const first = await run({ kind: 'button', customId: 'vote:up:roscosmos-head' });
    expect(only(first).flags).toBe(MessageFlags.Ephemeral);
    expect(only(first).content).toMatch(/^Thanks! Your 👍 is counted/);
    const again = await run({ kind: 'button', customId: 'vote:up:roscosmos-head' });
    expect(only(again).content).toMatch(/already gave this answer 👍/);
    const changed = await run({ kind: 'button', customId: 'vote:down:roscosmos-head' });
    expect(only(changed).content).toMatch(/now 👎/);
    expect(questions.tallies()).toEqual([{ entry: 'roscosmos-head', up: 0, down: 1 }]);
  });

  it('still thank the voter, honestly, when no vote can be saved', async () => {
    const ctx: BotContext = { live: fakeLive(), config: CONFIG, log: silentLogger };
    const interaction = new FakeInteraction({ kind: 'button', customId: 'vote:up:x' });
    await createDispatcher(ctx)(interaction.asInteraction());
    expect(only(interaction).content).toMatch(/could not be saved/);
  });
});

describe('the Share button under a private answer', () => {
  it('posts the same answer publicly, with who shared it, without pinging, and without another Share button', async () => {
    const run = setup();
    const privately = renderAnswer(found('who runs roscosmos'), { title: TITLE }, { private: true });
    const i = await run({
      kind: 'button',
      customId: 'share',
      onEphemeralMessage: true,
      messageEmbeds: privately.embeds,
      messageComponents: privately.components,
    });
    const p = only(i);
    expect(p.flags).toBeUndefined();
    expect(p.content).toBe(`Shared by <@${USER_ID}>`);
    expect(p.allowedMentions).toEqual({ parse: [] });
    expect(p.embeds).toEqual(privately.embeds);
    const ids = (p.components as { components: { custom_id: string }[] }[]).flatMap((r) => r.components.map((c) => c.custom_id));
    expect(ids).toEqual(['vote:up:roscosmos-head', 'vote:down:roscosmos-head']);
  });
});

describe('/gaps', () => {
  const ask = (run: ReturnType<typeof setup>, question: string) => run({ kind: 'command', commandName: 'ask', options: { question } });

  it('refuses members without Manage Server or a moderator role, privately', async () => {
    const run = setup();
    const p = only(await run({ kind: 'command', commandName: 'gaps' }));
    expect(p.flags).toBe(MessageFlags.Ephemeral);
    expect(p.content).toMatch(/Only moderators/);
  });

  it('shows moderators the most asked unanswered questions with counts, pages them, and drafts a qa.yaml entry', async () => {
    const engine = await realEngine();
    const run = setup(engine);
    for (let i = 0; i < 7; i++) for (let n = 0; n <= i; n++) await ask(run, `what about the unknown topic number ${i}`);
    await ask(run, 'what does beijing think of the settlement mechanisms');

    const page = only(await run({ kind: 'command', commandName: 'gaps', permissions: MANAGE_GUILD }));
    expect(page.flags).toBe(MessageFlags.Ephemeral);
    const embed = page.embeds[0];
    expect(embed.description).toMatch(/^\*\*1\.\*\* what about the unknown topic number 6\n {3}asked \*\*7×\*\*, last <t:\d+:R> · \/ask/);
    expect(embed.footer.text).toBe('Page 1 of 2 · 8 questions · most asked first');
    const [menuRow, pageRow] = page.components;
    expect(menuRow.components[0].custom_id).toBe('gaps:draft');
    expect(pageRow.components.map((b: { custom_id: string; disabled?: boolean }) => [b.custom_id, b.disabled ?? false])).toEqual([
      ['gaps:page:0', true],
      ['gaps:page:1', false],
    ]);

    const next = await run({ kind: 'button', customId: 'gaps:page:1', permissions: MANAGE_GUILD });
    expect(next.methods()).toEqual(['update']);
    const second = only(next);
    expect(second.embeds[0].footer.text).toBe('Page 2 of 2 · 8 questions · most asked first');
    expect(second.embeds[0].description).toContain('**6.** what about the unknown topic number 1');

    // The Beijing question was asked once, like topic 0, but more recently: 7th.
    const options = second.components[0].components[0].options as { label: string; value: string }[];
    expect(options[1]!.label).toBe('what does beijing think of the settlement mechanisms');
    const draft = only(await run({ kind: 'select', customId: 'gaps:draft', values: [options[1]!.value], permissions: MANAGE_GUILD }));
    expect(draft.flags).toBe(MessageFlags.Ephemeral);
    const yaml = /```yaml\n([\s\S]*)\n```/.exec(draft.embeds[0].description)![1]!;
    expect(yaml).toContain('  - id: what-does-beijing-think-of-the\n');
    expect(yaml).toContain('      - "what does beijing think of the settlement mechanisms"');
    expect(yaml).toMatch(/cite: \[p1\.s3[\],]/);
    expect(yaml).toContain('# p1.s3: “To do this, we will develop alternative trade');
    // Pasted under `entries:`, it is a valid entry.
    const [entry] = parseYaml(yaml.replace(/^ {2}/gm, '')) as unknown[];
    expect(qaEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('drafts the question picked even when more were asked since the menu was shown, and says so when it is gone', async () => {
    let clock = new Date('2026-12-01T12:00:00Z');
    questions.close();
    questions = openQuestionLog(dir, silentLogger, { schedule: (flush) => flush(), now: () => clock });
    const run = setup();
    const tick = () => (clock = new Date(clock.getTime() + 60_000));
    await ask(run, 'did they sign a treaty');
    tick();
    await ask(run, 'what about the gas pipeline');
    const menu = only(await run({ kind: 'command', commandName: 'gaps', permissions: MANAGE_GUILD })).components[0].components[0];
    const options = menu.options as { label: string; value: string }[];
    expect(options.map((o) => o.label)).toEqual(['what about the gas pipeline', 'did they sign a treaty']);
    const treaty = options[1]!.value;

    // Members go on asking: the treaty question falls from second to fourth place.
    for (const question of ['what about the gas pipeline', 'will kim visit moscow', 'will kim visit moscow']) {
      tick();
      await ask(run, question);
    }
    const drafted = only(await run({ kind: 'select', customId: 'gaps:draft', values: [treaty], permissions: MANAGE_GUILD }));
    expect(drafted.embeds[0].description).toContain('      - "did they sign a treaty"');

    // Past the retention period, the next question logged prunes it from the log.
    clock = new Date(clock.getTime() + 91 * 86_400_000);
    await ask(run, 'is there a treaty on oil');
    const gone = only(await run({ kind: 'select', customId: 'gaps:draft', values: [treaty], permissions: MANAGE_GUILD }));
    expect(gone.content).toBe(GAPS_MESSAGES.draftGone);
    expect(gone.flags).toBe(MessageFlags.Ephemeral);
  });

  it('pages and drafts only for moderators, even from a copied button', async () => {
    const run = setup();
    expect(only(await run({ kind: 'button', customId: 'gaps:page:1' })).content).toMatch(/Only moderators/);
    expect(only(await run({ kind: 'select', customId: 'gaps:draft', values: ['0'] })).content).toMatch(/Only moderators/);
  });

  it('shows the votes per entry beside the questions', async () => {
    const run = setup(await realEngine());
    await run({ kind: 'button', customId: 'vote:down:roscosmos-head' });
    const p = only(await run({ kind: 'command', commandName: 'gaps', permissions: MANAGE_GUILD }));
    expect(p.embeds[0].fields[0].name).toBe('Votes on answers (most 👎 first)');
    expect(p.embeds[0].fields[0].value).toMatch(/: 👍 0 · 👎 1$/);
  });
});

describe('/topics', () => {
  it('answers with a menu, and a picked topic replaces it with that topic\'s questions', async () => {
    const run = setup(await realEngine());
    const menu = only(await run({ kind: 'command', commandName: 'topics' }));
    const options = menu.components[0].components[0].options as { label: string; value: string }[];
    expect(options.length).toBeGreaterThan(1);
    const picked = await run({ kind: 'select', customId: 'topics:menu', values: [options[1]!.value] });
    expect(picked.methods()).toEqual(['update']);
    expect(only(picked).embeds[0].title).toBe(options[1]!.label);
    expect(only(picked).components[1].components[0].custom_id).toMatch(/^ask:/);
  });
});
