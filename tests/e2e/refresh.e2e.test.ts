import { appendFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeDiscord } from './fake-discord/index.ts';
import { useBot } from './support/bot-process.ts';
import { EPHEMERAL, embedsOf, firstFlags, interactionReply, onlyEmbed, quotes, type InteractionReply } from './support/replies.ts';

/**
 * /refresh against the bot's own temp copy of knowledge/. Files on disk are put back after every
 * test; what the bot has loaded is not, so the tests run in this order:
 *   1. refused for a member: the edited article is not loaded;
 *   2. a moderator loads it: the new sentence is answerable;
 *   3. broken files are refused: the knowledge of test 2 keeps answering.
 */

const ZEBRA = 'The Pyongyang zoo opened a zebra exhibition for the visiting delegation.';
const ZEBRA_QUESTION = 'tell me about the zebra exhibition at the pyongyang zoo';
/** Manage Server (32) and Send Messages (2048). */
const MODERATOR_PERMISSIONS = '2080';

function refresh(fake: FakeDiscord, who: 'moderator' | 'member'): Promise<InteractionReply> {
  const sent =
    who === 'moderator'
      ? fake.sendCommand('refresh', {}, { user: 'moderator', permissions: MODERATOR_PERMISSIONS })
      : fake.sendCommand('refresh', {}, { user: 'member', permissions: '0' });
  return interactionReply(fake, sent);
}

async function ask(fake: FakeDiscord, question: string) {
  return onlyEmbed((await interactionReply(fake, fake.sendCommand('ask', { question }))).body);
}

/** The knowledge version /topics shows in small print: "-# Knowledge of <date> · version <hash>". */
async function version(fake: FakeDiscord): Promise<string> {
  const description = onlyEmbed((await interactionReply(fake, fake.sendCommand('topics'))).body).description ?? '';
  const found = /^-# Knowledge of <t:\d+:f> · version (\S+)$/m.exec(description)?.[1];
  if (found === undefined) throw new Error(`no version in the /topics description "${description}"`);
  return found;
}

describe('/refresh', () => {
  const harness = useBot({ via: 'npm' });

  afterEach(async () => {
    await harness.knowledge.restore();
  });

  it('is refused to a member without Manage Server, and reloads nothing', async () => {
    const { fake, knowledge } = harness;
    const before = await version(fake);
    await appendFile(knowledge.path('article.md'), `\n${ZEBRA}\n`);

    const reply = await refresh(fake, 'member');
    expect(firstFlags(reply) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.body.content).toMatch(/only moderators/i);
    expect(reply.body.content).toMatch(/nothing was reloaded/i);
    expect(embedsOf(reply.body)).toEqual([]);

    // The new text is on disk but not loaded.
    const answer = await ask(fake, ZEBRA_QUESTION);
    expect(answer.description).toMatch(/the article doesn['’]t say/i);
    expect(quotes(answer)).toEqual([]);
    expect(await version(fake)).toBe(before);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('reloads for a moderator, says what changed, and the new sentence becomes answerable', async () => {
    const { fake, knowledge } = harness;
    const before = await version(fake);
    await appendFile(knowledge.path('article.md'), `\n${ZEBRA}\n`);

    const reply = await refresh(fake, 'moderator');
    expect(firstFlags(reply) & EPHEMERAL).toBe(EPHEMERAL);
    const report = onlyEmbed(reply.body);
    expect(report.title).toMatch(/refreshed/i);
    const versions = /`(\S+)` → `(\S+)`/.exec(report.description ?? '');
    expect(versions?.[1]).toBe(before);
    expect(versions?.[2]).not.toBe(before);
    expect(report.description).toMatch(/1 added, 0 changed, 0 removed/);
    expect(report.fields).toEqual([{ name: 'Added (1)', value: '• paragraph 5, sentence 1' }]);

    const after = await version(fake);
    expect(after).toBe(versions?.[2]);
    const answer = await ask(fake, ZEBRA_QUESTION);
    const found = quotes(answer);
    expect(found.map((q) => q.text)).toContain(ZEBRA);
    expect(found.find((q) => q.text === ZEBRA)?.label).toMatch(/paragraph 5\b.*sentence 1\b/i);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('refuses broken knowledge files, naming the file and the problem, and keeps answering', async () => {
    const { fake, knowledge } = harness;
    const before = await version(fake);

    // A citation of a sentence the article does not have.
    const qa = await knowledge.read('qa.yaml');
    const broken = qa.replace('cite: [p4.s2]', 'cite: [p99.s1]');
    expect(broken).not.toBe(qa);
    // The entry now citing p99.s1: the last id before the citation.
    const entryId = [...broken.slice(0, broken.indexOf('cite: [p99.s1]')).matchAll(/- id: ([\w-]+)/g)].at(-1)?.[1];
    expect(entryId).toBeDefined();
    await writeFile(knowledge.path('qa.yaml'), broken);

    const citation = onlyEmbed((await refresh(fake, 'moderator')).body);
    expect(citation.title).toMatch(/refresh failed/i);
    expect(citation.description).toContain(`\`${before}\``);
    expect(citation.description).toContain('`qa.yaml`');
    expect(citation.description).toContain(`\`${entryId}\``);
    expect(citation.description).toContain('p99.s1');

    // Not YAML at all.
    await writeFile(knowledge.path('qa.yaml'), 'entries:\n  - id: [unclosed\n    questions: {\n');
    const reply = await refresh(fake, 'moderator');
    expect(firstFlags(reply) & EPHEMERAL).toBe(EPHEMERAL);
    const yaml = onlyEmbed(reply.body);
    expect(yaml.title).toMatch(/refresh failed/i);
    expect(yaml.description).toContain('`qa.yaml`');
    expect(yaml.description).toMatch(/not valid YAML at line \d+, column \d+: .+: "/i);
    expect(yaml.description).not.toMatch(/column \d+:$/m);

    // The knowledge loaded before still answers, the new sentence of the last test included.
    expect(await version(fake)).toBe(before);
    const roscosmos = await ask(fake, 'who runs roscosmos');
    expect(quotes(roscosmos).some((q) => q.text.includes('Roscosmos Director General Yuri Borisov'))).toBe(true);
    expect(quotes(await ask(fake, ZEBRA_QUESTION)).map((q) => q.text)).toContain(ZEBRA);

    expect(fake.takeViolations()).toEqual([]);
  });
});
