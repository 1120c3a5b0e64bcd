import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { RefreshReport } from '../../src/engine/live-engine.ts';
import type { Citation, Topic } from '../../src/engine/types.ts';
import { parseCustomId } from '../../src/render/custom-ids.ts';
import {
  articleInfo,
  defuse,
  embedLength,
  fitEmbed,
  MESSAGES,
  renderAnswer,
  renderHelp,
  renderMentionHowTo,
  renderRefreshRefusal,
  renderRefreshReport,
  renderSomethingWentWrong,
  type Reply,
} from '../../src/render/discord.ts';
import { stripMarkdown } from '../../src/render/highlight.ts';
import { renderTopic, renderTopicsMenu } from '../../src/render/topics.ts';
import { LIMITS } from '../../src/render/limits.ts';
import { declined, fakeKnowledge, found, LOADED_AT, QUOTE, SUGGESTIONS, TITLE } from '../support/fake-engine.ts';
import { expectWithinLimits } from '../support/limits.ts';

const ARTICLE = { title: TITLE };

function buttons(reply: Reply): APIButtonComponentWithCustomId[] {
  return reply.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
}

function citation(quote: string, paragraph = 1, sentence = 1): Citation {
  return { quote, passageId: `p${paragraph}.s${sentence}`, paragraph, sentence };
}

describe('renderAnswer, when the article answers', () => {
  const reply = renderAnswer(found('who runs roscosmos'), ARTICLE);
  const embed = reply.embeds[0]!;

  it('echoes the question as the title and gives the short answer as the description', () => {
    expect(reply.embeds).toHaveLength(1);
    expect(embed.title).toBe('who runs roscosmos');
    expect(embed.description).toBe('Yuri Borisov is Director General of Roscosmos.');
  });

  it('quotes each cited sentence whole, in a field named by its place: verbatim once the markdown is removed', () => {
    expect(embed.fields!.map((f) => f.name)).toEqual(['Paragraph 4, sentence 2']);
    expect(stripMarkdown(embed.fields![0]!.value.slice(2))).toBe(QUOTE);
  });

  it('puts the part of the sentence that answers in bold, and nothing else', () => {
    const value = embed.fields![0]!.value;
    expect(value).toContain('space agency **Roscosmos Director General Yuri Borisov**.');
    expect(value.match(/\*\*/g)).toHaveLength(2);
  });

  it('escapes markdown in a quote before marking it, so the article text shows as written', () => {
    const quote = 'The *so-called* deal_of_the_century was signed by Yuri Borisov and Oleg Belozyorov.';
    const reply = renderAnswer(found('q', { answer: 'Yuri Borisov and others.', citations: [citation(quote)] }), ARTICLE);
    const value = reply.embeds[0]!.fields![0]!.value.slice(2);
    expect(value).toContain('\\*so-called\\*');
    expect(value).toContain('**Yuri Borisov**');
    expect(stripMarkdown(value)).toBe(quote);
  });

  it('marks nothing when the answer repeats most of the sentence', () => {
    const quote = 'Putin had last visited North Korea in 2000.';
    const reply = renderAnswer(found('q', { answer: quote, citations: [citation(quote)] }), ARTICLE);
    expect(reply.embeds[0]!.fields![0]!.value).toBe(`> ${quote}`);
  });

  it('inserts no line break or link inside a quote', () => {
    const value = embed.fields![0]!.value;
    expect(value).not.toMatch(/\n|\]\(|https?:/);
  });

  it('names the article as the source in the footer', () => {
    expect(embed.footer?.text).toBe(`Source: ${TITLE}`);
  });

  it('offers 👍 and 👎 buttons that name the entry, and pings nobody', () => {
    expect(buttons(reply).map((b) => [b.emoji?.name, b.custom_id])).toEqual([
      ['👍', 'vote:up:roscosmos-head'],
      ['👎', 'vote:down:roscosmos-head'],
    ]);
    expect(parseCustomId('vote:down:roscosmos-head')).toEqual({ kind: 'vote', up: false, entry: 'roscosmos-head' });
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('votes on the sentence when no entry answered, and offers no votes where none can be counted', () => {
    const fromSentence = renderAnswer(found('q', { entryId: undefined }), ARTICLE);
    expect(buttons(fromSentence).map((b) => b.custom_id)).toEqual(['vote:up:p4.s2', 'vote:down:p4.s2']);
    expect(renderAnswer(found('q'), ARTICLE, { feedback: false }).components).toEqual([]);
  });

  it('adds a Share button to a private answer only', () => {
    const priv = renderAnswer(found('q'), ARTICLE, { private: true });
    expect(buttons(priv).map((b) => b.custom_id)).toEqual(['vote:up:roscosmos-head', 'vote:down:roscosmos-head', 'share']);
    expect(buttons(priv)[2]!.label).toBe('Share');
    expect(buttons(reply).map((b) => b.custom_id)).not.toContain('share');
  });

  it('uses the given title (mentions already readable) instead of the raw question', () => {
    const titled = renderAnswer(found('ask <@&123456789012345678> who runs roscosmos'), ARTICLE, { title: 'ask @Moderators who runs roscosmos' });
    expect(titled.embeds[0]!.title).toBe('ask @Moderators who runs roscosmos');
  });

  it('shows the engine notice, e.g. that the question was shortened', () => {
    const noticed = renderAnswer(found('who runs roscosmos', { notice: 'Your question was shortened to 300 characters.' }), ARTICLE);
    expect(noticed.embeds[0]!.description).toContain('Your question was shortened to 300 characters.');
    expect(noticed.embeds[0]!.description).toContain('Yuri Borisov is Director General of Roscosmos.');
  });

  it('shows several citations in order, one field each', () => {
    const many = renderAnswer(found('q', { citations: [citation('First.', 1, 1), citation('Second.', 2, 3), citation('Third.', 5, 1)] }), ARTICLE);
    expect(many.embeds[0]!.fields!.map((f) => f.name)).toEqual([
      'Paragraph 1, sentence 1',
      'Paragraph 2, sentence 3',
      'Paragraph 5, sentence 1',
    ]);
  });
});

describe('renderAnswer, within Discord limits', () => {
  it('shortens a 10,000-character answer and stays valid', () => {
    const reply = renderAnswer(found('q', { answer: 'word '.repeat(2000) }), ARTICLE);
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.description!.endsWith('…')).toBe(true);
  });

  it('shortens a 10,000-character quote to the field limit, keeping its start verbatim', () => {
    const long = `${'Sentence part '.repeat(714)}end.`;
    const reply = renderAnswer(found('q', { citations: [citation(long)] }), ARTICLE);
    expectWithinLimits(reply);
    const value = reply.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    expect(long.startsWith(value.slice(2, -1).trimEnd())).toBe(true);
    expect(value.endsWith('…')).toBe(true);
  });

  it('keeps at most 25 fields and 6000 characters in all, however many long citations come', () => {
    const citations = Array.from({ length: 40 }, (_, i) => citation('x '.repeat(600), i + 1, 1));
    const reply = renderAnswer(found('q'.repeat(300), { answer: 'a'.repeat(5000), citations }), ARTICLE);
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.fields!.length).toBeGreaterThan(0);
  });

  it('shortens a 300-character question full of markdown to the title limit after escaping', () => {
    const reply = renderAnswer(found('*_'.repeat(150)), ARTICLE);
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(reply.embeds[0]!.title!.length).toBeGreaterThan(200);
  });
});

describe('renderAnswer, with hostile questions', () => {
  const question = '**x** @everyone @here <@&123456789012345678> <@123456789012345678> [click](https://evil.example) # big';
  const reply = renderAnswer(declined(question), ARTICLE);
  const title = reply.embeds[0]!.title!;

  it('escapes markdown, so **x** shows as typed', () => {
    expect(title).toContain('\\*\\*x\\*\\*');
    expect(title).toContain('\\[click](https:');
  });

  it('breaks @everyone, @here and role or user mentions so they render as text', () => {
    expect(title).not.toMatch(/@everyone|@here|<@&\d|<@\d/);
    expect(title).toContain('@\u200beveryone');
    expect(title).toContain('<@\u200b&123456789012345678>');
  });

  it('pings nobody', () => {
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('shows line breaks in a question as spaces in the one-line title', () => {
    expect(defuse('who\n\nleads   it')).toBe('who leads it');
  });
});

describe('renderAnswer, when the article does not say', () => {
  it('says so plainly and quotes nothing', () => {
    const reply = renderAnswer(declined('what is the capital of france'), ARTICLE);
    const embed = reply.embeds[0]!;
    expect(embed.description).toContain("The article doesn't say.");
    expect(embed.fields ?? []).toEqual([]);
  });

  it('quotes nothing even if citations came with a decline', () => {
    const reply = renderAnswer(declined('q', { citations: [citation(QUOTE)] }), ARTICLE);
    expect(JSON.stringify(reply)).not.toContain('Kremlin');
  });

  it('falls back to its own plain wording when the engine gives none', () => {
    const reply = renderAnswer(declined('q', { answer: '  ', suggestions: [] }), ARTICLE);
    expect(reply.embeds[0]!.description).toBe(MESSAGES.declined);
  });

  it('offers up to three suggestions as secondary buttons with ask:<entry id> custom ids', () => {
    const reply = renderAnswer(declined('q', { suggestions: SUGGESTIONS }), ARTICLE);
    expectWithinLimits(reply);
    expect(reply.components).toHaveLength(1);
    expect(reply.components[0]!.type).toBe(ComponentType.ActionRow);
    const bs = buttons(reply);
    expect(bs.map((b) => b.custom_id)).toEqual(['ask:last-visit', 'ask:delegation', 'ask:newspaper']);
    expect(bs.map((b) => b.label)).toEqual(SUGGESTIONS.slice(0, 3).map((s) => s.question));
    for (const b of bs) {
      expect(b.style).toBe(ButtonStyle.Secondary);
      expect(parseCustomId(b.custom_id)).toEqual({ kind: 'ask', entryId: expect.any(String) });
    }
  });

  it('shortens a long suggestion to an 80-character label', () => {
    const reply = renderAnswer(declined('q', { suggestions: [{ id: 'long', question: `Why ${'very '.repeat(40)}long?` }] }), ARTICLE);
    const [b] = buttons(reply);
    expect(b!.label!.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    expect(b!.label!.endsWith('…')).toBe(true);
  });

  it('skips a suggestion whose id would make a custom id over 100 characters, and duplicates', () => {
    const reply = renderAnswer(
      declined('q', {
        suggestions: [
          { id: 'x'.repeat(97), question: 'Too long an id?' },
          { id: 'a', question: 'A?' },
          { id: 'a', question: 'A again?' },
        ],
      }),
      ARTICLE,
    );
    expect(buttons(reply).map((b) => b.custom_id)).toEqual(['ask:a']);
  });

  it('has no button row when there is nothing to suggest', () => {
    const reply = renderAnswer(declined('q', { suggestions: [] }), ARTICLE);
    expect(reply.components).toEqual([]);
    expect(reply.embeds[0]!.description).not.toContain(MESSAGES.suggestionsIntro);
  });
});

describe('fitEmbed', () => {
  it('brings a maximal embed within 6000 characters and 25 fields', () => {
    const fitted = fitEmbed({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`.repeat(200), value: 'v'.repeat(2000) })),
    });
    expect(embedLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitted.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
    expect(fitted.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
  });

  it('leaves an embed within the limits untouched', () => {
    const embed = { title: 'a', description: 'b', fields: [{ name: 'c', value: 'd' }], footer: { text: 'e' } };
    expect(fitEmbed(embed)).toEqual(embed);
  });
});

describe('renderTopicsMenu and renderTopic', () => {
  const version = { version: 'abc123def456', loadedAt: LOADED_AT };
  const topics: Topic[] = [
    { name: 'The visit', questions: SUGGESTIONS.slice(0, 2) },
    { name: 'The delegation', questions: SUGGESTIONS.slice(2) },
  ];

  it('names the topics in one line and offers them in a select menu, with the version as a date and the hash in small print', () => {
    const reply = renderTopicsMenu(topics, { title: TITLE, source: 'Rodong Sinmun' }, version);
    expectWithinLimits(reply);
    const embed = reply.embeds[0]!;
    expect(embed.fields ?? []).toEqual([]);
    expect(embed.description).toContain('**Topics:** The visit · The delegation');
    expect(embed.description).toContain(TITLE);
    expect(embed.description).toContain('Rodong Sinmun');
    expect(embed.description).toContain(`-# Knowledge of <t:${Math.floor(LOADED_AT.getTime() / 1000)}:f> · version abc123def456`);
    const [row] = reply.components;
    const select = row!.components[0] as { type: number; custom_id: string; options: { label: string; value: string }[] };
    expect(select.type).toBe(ComponentType.StringSelect);
    expect(select.custom_id).toBe('topics:menu');
    expect(select.options.map((o) => [o.label, o.value])).toEqual([
      ['The visit', '0'],
      ['The delegation', '1'],
    ]);
  });

  it('shows a picked topic with its questions, and buttons that ask them', () => {
    const reply = renderTopic(topics, 0, { title: TITLE }, version);
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.title).toBe('The visit');
    expect(reply.embeds[0]!.description).toContain(`• ${SUGGESTIONS[0]!.question}`);
    expect(buttons({ ...reply, components: reply.components.slice(1) }).map((b) => b.custom_id)).toEqual([
      `ask:${SUGGESTIONS[0]!.id}`,
      `ask:${SUGGESTIONS[1]!.id}`,
    ]);
  });

  it('shows the menu again for a topic that is gone', () => {
    expect(renderTopic(topics, 7, { title: TITLE }, version).embeds[0]!.title).toBe('What I can answer');
  });

  it('stays within Discord limits with many large topics', () => {
    const questions = Array.from({ length: 60 }, (_, i) => ({ id: `q${i}`, question: `Question number ${i} about something?` }));
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `Topic ${i}`, questions }));
    expectWithinLimits(renderTopicsMenu(many, { title: TITLE }, version));
    expectWithinLimits(renderTopic(many, 3, { title: TITLE }, version));
  });

  it('takes the source from the knowledge front matter', () => {
    expect(articleInfo(fakeKnowledge())).toEqual({ title: TITLE });
  });
});

describe('renderHelp', () => {
  const reply = renderHelp({
    article: { title: TITLE },
    botUserId: '923456789012345678',
    askChannelIds: ['223456789012345678'],
    examples: ['When did Putin last visit North Korea?'],
  });
  const text = reply.embeds[0]!.description!;

  it('explains every way to ask: slash command, mention, DM and ask channel', () => {
    expectWithinLimits(reply);
    expect(text).toContain('/ask question: When did Putin last visit North Korea?');
    expect(text).toContain('<@923456789012345678>');
    expect(text).toMatch(/direct message/);
    expect(text).toContain('<#223456789012345678>');
  });

  it('leaves out ask channels when none are configured', () => {
    const plain = renderHelp({ article: { title: TITLE }, askChannelIds: [], examples: [] });
    expect(plain.embeds[0]!.description).not.toContain('<#');
  });
});

describe('renderRefreshReport', () => {
  const before = { version: 'aaaaaaaaaaaa', loadedAt: LOADED_AT };
  const after = { version: 'bbbbbbbbbbbb', loadedAt: new Date(LOADED_AT.getTime() + 60_000) };

  it('shows old -> new version, the counts and what was added, changed and removed', () => {
    const report: RefreshReport = { ok: true, before, after, added: ['qa:new-one'], changed: ['fact:putin', 'passage:p2.s1'], removed: [] };
    const reply = renderRefreshReport(report);
    expectWithinLimits(reply);
    const embed = reply.embeds[0]!;
    expect(embed.description).toContain('`aaaaaaaaaaaa` → `bbbbbbbbbbbb`');
    expect(embed.description).toContain('1 added, 2 changed, 0 removed');
    expect(embed.fields).toEqual([
      { name: 'Added (1)', value: '• Q&A `new-one`' },
      { name: 'Changed (2)', value: '• fact `putin`\n• paragraph 2, sentence 1' },
    ]);
  });

  it('names entries by their question and facts by their name when it knows the knowledge', () => {
    const kb = fakeKnowledge();
    const after = {
      ...kb,
      qa: [{ id: 'new-one', type: 'person' as const, questions: ['Who leads Roscosmos?'], answer: 'x', cite: ['p1.s1'] }],
      facts: [{ id: 'putin', kind: 'person' as const, name: 'Vladimir Putin', aliases: [], roleAliases: [], description: 'x', speaks: true, cite: ['p1.s1'] }],
    };
    const report: RefreshReport = { ok: true, before, after: { ...before, version: 'b' }, added: ['qa:new-one', 'passage:p5.s1'], changed: [], removed: ['fact:putin', 'concepts'] };
    const reply = renderRefreshReport(report, { before: after, after: kb });
    expect(reply.embeds[0]!.fields).toEqual([
      { name: 'Added (2)', value: '• Q&A “Who leads Roscosmos?” (`new-one`)\n• paragraph 5, sentence 1' },
      { name: 'Removed (2)', value: '• fact: Vladimir Putin (`putin`)\n• synonyms and concepts (concepts.yaml)' },
    ]);
  });

  it('says when nothing changed', () => {
    const reply = renderRefreshReport({ ok: true, before, after: before, added: [], changed: [], removed: [] });
    expect(reply.embeds[0]!.title).toMatch(/nothing changed/);
    expect(reply.embeds[0]!.description).toContain('unchanged');
  });

  it('keeps a huge change list within the field limit and says how many more', () => {
    const added = Array.from({ length: 500 }, (_, i) => `qa:entry-number-${i}`);
    const reply = renderRefreshReport({ ok: true, before, after, added, changed: [], removed: [] });
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.fields![0]!.value).toMatch(/\nand 490 more$/);
  });

  it('lists the problems with file, entry and message when the refresh failed, and says nothing changed', () => {
    const reply = renderRefreshReport({
      ok: false,
      current: before,
      problems: [
        { file: 'qa.yaml', entry: 'last-visit', message: 'cite: p9.s1 is not a passage of the article' },
        { file: 'facts.yaml', message: 'not valid YAML' },
      ],
    });
    expectWithinLimits(reply);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('Refresh failed');
    expect(embed.description).toContain('still serving version `aaaaaaaaaaaa`');
    expect(embed.description).toContain('`qa.yaml` [`last-visit`]: cite: p9.s1 is not a passage of the article');
    expect(embed.description).toContain('`facts.yaml`: not valid YAML');
  });

  it('keeps hundreds of problems within the description limit', () => {
    const problems = Array.from({ length: 300 }, (_, i) => ({ file: 'qa.yaml', entry: `e${i}`, message: 'answer: must not be empty' }));
    const reply = renderRefreshReport({ ok: false, current: before, problems });
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.description).toMatch(/\nand 290 more$/);
  });

  it('GIVEN a replaced article with the old curated files THEN the report opens with what happened and what to do, and lists the first 10', () => {
    const problems = [
      ...Array.from({ length: 58 }, (_, i) => ({ file: 'qa.yaml', entry: `q${i}`, code: 'missing-cite' as const, entriesInFile: 58, message: `cites p9.s1, which is not a sentence of the article (it has 3 paragraphs)` })),
      ...Array.from({ length: 28 }, (_, i) => ({ file: 'facts.yaml', entry: `f${i}`, code: 'missing-cite' as const, entriesInFile: 28, message: 'cites p9.s2, which is not a sentence of the article (it has 3 paragraphs)' })),
      { file: 'concepts.yaml', entry: 'roscosmos', severity: 'warning' as const, message: 'no word of the synonym group (roscosmos, space agency) is in the article' },
    ];
    const reply = renderRefreshReport({ ok: false, current: before, problems });
    expectWithinLimits(reply);
    const description = reply.embeds[0]!.description!;
    expect(description.split('\n')[0]).toBe(
      '**58 of 58 Q&A entries and 28 of 28 facts cite sentences the new article does not have; if you replaced the article, empty qa.yaml, facts.yaml and concepts.yaml (and 1 warning)**',
    );
    expect(description).toContain('86 problems to fix');
    expect(description.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(10);
    expect(description).toMatch(/\nand 77 more$/);
  });

  it('GIVEN a whole new article THEN the change report says so in one line, not one per sentence', () => {
    const kb = fakeKnowledge();
    const sentence = (paragraph: number, n: number) => ({ id: `p${paragraph}.s${n}`, paragraph, sentence: n, text: `New sentence ${paragraph}.${n}.` });
    const sentences = [sentence(1, 1), sentence(1, 2), sentence(2, 1)];
    const paragraphs = [{ id: 'p1', paragraph: 1, text: 'x' }, { id: 'p2', paragraph: 2, text: 'y' }];
    const fresh = { ...kb, article: { ...kb.article, paragraphs, sentences, passages: new Map([...paragraphs, ...sentences].map((p) => [p.id, p])) } };
    const changed = kb.article.sentences.map((s) => `passage:${s.id}`);
    const reply = renderRefreshReport({ ok: true, before, after, added: [], changed: [...changed, 'article:meta'], removed: [] }, { before: kb, after: fresh });
    expect(reply.embeds[0]!.fields![0]).toEqual({ name: 'Changed (2)', value: "• a new article: 2 paragraphs, 3 sentences\n• the article's title, source or date" });
  });
});

describe('short messages', () => {
  it('"something went wrong" is plain text that pings nobody', () => {
    const reply = renderSomethingWentWrong();
    expect(reply.content).toBe(MESSAGES.somethingWentWrong);
    expect(reply.embeds).toEqual([]);
    expectWithinLimits(reply);
  });

  it('the mention-only how-to shows how to ask after the mention', () => {
    const reply = renderMentionHowTo('923456789012345678', 'Who is Yuri Borisov?');
    expect(reply.content).toContain('<@923456789012345678> Who is Yuri Borisov?');
    expect(reply.content).toContain('/ask');
    expectWithinLimits(reply);
  });

  it('a refusal explains who may refresh', () => {
    expect(renderRefreshRefusal('not-moderator').content).toMatch(/Manage Server/);
    expect(renderRefreshRefusal('dm').content).toMatch(/server/);
  });
});
