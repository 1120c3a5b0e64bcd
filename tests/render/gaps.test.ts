import { describe, expect, it } from 'vitest';
import { draftEntry, draftId, renderDraft, renderGaps } from '../../src/render/gaps.ts';
import { questionId, type UnansweredQuestion } from '../../src/store/question-log.ts';
import { expectWithinLimits } from '../support/limits.ts';

const q = (question: string, count = 1): UnansweredQuestion => ({
  key: question.toLowerCase(),
  id: questionId(question.toLowerCase()),
  question,
  count,
  firstSeen: new Date(0),
  lastSeen: new Date(1_750_000_000_000),
  vias: ['slash'],
  reason: 'declined',
});

describe('renderGaps', () => {
  it('names each question in the draft menu by its id, not its place in the list', () => {
    const reply = renderGaps({ questions: [q('first?'), q('second?')], total: 7, page: 1, tallies: [], entryQuestion: () => undefined });
    const menu = (reply.components[0] as { components: { options: { value: string }[] }[] }).components[0]!;
    expect(menu.options.map((o) => o.value)).toEqual([questionId('first?'), questionId('second?')]);
  });

  it('defuses what members typed: markdown and mentions show as text', () => {
    const reply = renderGaps({ questions: [q('**hi** @everyone <@&123456789012345678>')], total: 1, page: 0, tallies: [], entryQuestion: () => undefined });
    expect(reply.embeds[0]!.description).toContain('\\*\\*hi\\*\\* @\u200beveryone <@\u200b&123456789012345678>');
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('stays within Discord limits with five 300-character questions and many votes', () => {
    const questions = Array.from({ length: 5 }, (_, i) => q(`${i} ${'why '.repeat(74)}`, 1000 - i));
    const tallies = Array.from({ length: 40 }, (_, i) => ({ entry: `entry-${i}`, up: i, down: 40 - i }));
    const reply = renderGaps({ questions, total: 500, page: 3, tallies, entryQuestion: () => 'x'.repeat(300) });
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.footer!.text).toBe('Page 4 of 100 · 500 questions · most asked first');
  });

  it('says so plainly when nothing was logged, with no menu and no paging', () => {
    const reply = renderGaps({ questions: [], total: 0, page: 0, tallies: [], entryQuestion: () => undefined });
    expect(reply.embeds[0]!.description).toMatch(/No unanswered questions logged yet/);
    expect(reply.components).toEqual([]);
  });
});

describe('the qa.yaml draft', () => {
  it('makes an entry id from the question within the 40-character rule, cut between words', () => {
    expect(draftId('Did they sign a treaty?')).toBe('did-they-sign-a-treaty');
    expect(draftId('will china join the new trade settlement mechanisms')).toBe('will-china-join-the-new-trade-settlement');
    expect(draftId('what about the extraordinarily long words in this question here')).toBe('what-about-the-extraordinarily-long');
    expect(draftId('기사 요약해줘')).toBe('new-question');
  });

  it('says when no sentence is close, instead of inventing citations', () => {
    expect(draftEntry('favourite food?', [])).toContain('cite: []  # no sentence of the article is close');
  });

  it('escapes the question for YAML and keeps the block within the description', () => {
    const reply = renderDraft(q('he said "yes": ``` done'), []);
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.description).toContain('- "he said \\"yes\\": \'\'\' done"');
  });
});
