import { describe, expect, it } from 'vitest';
import { checkItem, containsTerm, judge, normalizeEval, parseSet, scoreLine, scoreSet, type EvalItem, type ScoredReply } from '../../../tools/eval/score.ts';

const ARTICLE = 'Health Minister Priya Castellane said “it works” on 1 April 2026.\n\nAbout 860,000 people—in Lakeshire—are served.';
const NORM = normalizeEval(ARTICLE);

const item = (over: Partial<EvalItem> = {}): EvalItem => ({
  id: 'x1',
  q: 'who is the health minister',
  answerable: true,
  gold: ['Health Minister Priya Castellane'],
  must: [['Castellane']],
  tags: ['role-lookup'],
  ...over,
});
const reply = (found: boolean, answer: string, ...quotes: string[]): ScoredReply => ({ found, answer, citations: quotes.map((quote) => ({ quote })) });

describe('normalizeEval', () => {
  it('applies NFKC, drops invisible characters, straightens quotes and dashes, collapses space, lowercases', () => {
    expect(normalizeEval('  Ｆｕｌｌ\u200Bwidth “Quoted” ‘one’ a–b c—d e\u2212f \n\t G ')).toBe('fullwidth "quoted" \'one\' a-b c-d e-f g');
    expect(normalizeEval('soft\u00ADhyphen\uFEFF')).toBe('softhyphen');
  });
});

describe('containsTerm', () => {
  it('matches whole words only, judged by ASCII letters and digits either side', () => {
    expect(containsTerm('about 860,000 people', '860,000')).toBe(true);
    expect(containsTerm('£240 million', '240')).toBe(true);
    expect(containsTerm('a 2400 figure', '240')).toBe(false);
    expect(containsTerm('castellanes', 'castellane')).toBe(false);
    expect(containsTerm('x castellane, y', 'castellane')).toBe(true);
    expect(containsTerm('the later one', 'late')).toBe(false);
    expect(containsTerm('"quoted"', '"quoted"')).toBe(true);
    expect(containsTerm('anything', '')).toBe(false);
  });
  it('finds a later whole-word occurrence after a glued one', () => {
    expect(containsTerm('marshes and marsh', 'marsh')).toBe(true);
  });
});

describe('checkItem and parseSet', () => {
  it('accepts a well-formed item and rejects gold that is not in the article', () => {
    expect(checkItem(item(), ARTICLE)).toEqual([]);
    expect(checkItem(item({ gold: ['Health Minister Jane Doe'] }), ARTICLE)[0]).toMatch(/not an exact substring/);
  });
  it('requires gold for answerable items and none for unanswerable ones', () => {
    expect(checkItem(item({ gold: [] }), ARTICLE)).toContain('answerable item without gold');
    expect(checkItem(item({ answerable: false }), ARTICLE)).toContain('unanswerable item must have gold [] and must []');
    expect(checkItem(item({ answerable: false, gold: [], must: [] }), ARTICLE)).toEqual([]);
  });
  it('reports bad fields', () => {
    expect(checkItem([], ARTICLE)).toEqual(['not a JSON object']);
    expect(checkItem({ ...item(), q: 'a\nb' }, ARTICLE)).toContain('q contains a line break');
    expect(checkItem({ ...item(), must: [[]] }, ARTICLE)[0]).toMatch(/^must must be/);
    expect(checkItem({ ...item(), tags: [] }, ARTICLE)[0]).toMatch(/^tags/);
  });
  it('parses JSONL, skipping blank lines, and lists every problem at once', () => {
    const good = JSON.stringify(item());
    expect(parseSet(`${good}\n\n`, ARTICLE)).toHaveLength(1);
    expect(() => parseSet(`${good}\n${good}\n{oops`, ARTICLE, 's.jsonl')).toThrow(/s\.jsonl:2 \(x1\): duplicate id x1[\s\S]*s\.jsonl:3: invalid JSON/);
    expect(() => parseSet('\n', ARTICLE)).toThrow(/no items/);
  });
});

describe('judge', () => {
  it('counts an answer correct when found, a citation holds a gold span and every must group is present', () => {
    const r = judge(item(), reply(true, 'Priya Castellane.', 'Health Minister Priya Castellane said "it works" on 1 April 2026.'), NORM);
    expect(r).toMatchObject({ correct: true, fabricated: 0, citations: 1, hitting: 1 });
  });
  it('compares after normalisation: curly quotes and case in the quote still match the article', () => {
    const r = judge(item(), reply(true, '', 'HEALTH MINISTER PRIYA CASTELLANE said “it works”'), NORM);
    expect(r.correct).toBe(true);
  });
  it('names each way an answerable item fails', () => {
    expect(judge(item(), reply(false, "The article doesn't say."), NORM).reasons).toEqual(['declined']);
    expect(judge(item(), reply(true, 'Castellane'), NORM).reasons).toEqual(['wrong citation (no citations)']);
    expect(judge(item(), reply(true, 'Castellane', 'About 860,000 people'), NORM).reasons).toEqual(['wrong citation']);
    const count = item({ must: [['4', 'four']] });
    expect(judge(count, reply(true, 'Several.', 'Health Minister Priya Castellane'), NORM).reasons).toEqual(['missing must: 4|four']);
    expect(judge(count, reply(true, 'Four of them.', 'Health Minister Priya Castellane'), NORM).correct).toBe(true);
  });
  it('fails a fabricated quote, and counts it, even when another citation hits', () => {
    const r = judge(item(), reply(true, 'Castellane', 'Health Minister Priya Castellane', 'Castellane resigned in 2019.'), NORM);
    expect(r.correct).toBe(false);
    expect(r.fabricated).toBe(1);
    expect(r.reasons).toContain('fabricated: 1 quote(s)');
  });
  it('enforces at most 3 citations of at most 600 characters by default, and none when the limits are 0', () => {
    const q = 'Health Minister Priya Castellane';
    expect(judge(item(), reply(true, '', q, q, q, q), NORM).reasons).toEqual(['too many citations (4 > 3)']);
    const long = `${'x'.repeat(601)} Health Minister Priya Castellane`;
    const article = normalizeEval(long);
    expect(judge(item(), reply(true, '', long), article).reasons[0]).toMatch(/^quote too long/);
    expect(judge(item(), reply(true, '', long), article, { maxCitations: 0, maxQuoteChars: 0 }).correct).toBe(true);
  });
  it('wants unanswerable items declined', () => {
    const u = item({ answerable: false, gold: [], must: [] });
    expect(judge(u, reply(false, "The article doesn't say."), NORM).correct).toBe(true);
    expect(judge(u, reply(true, 'x', 'About 860,000 people'), NORM).reasons).toEqual(['answered (should decline)']);
    expect(judge(u, reply(false, 'x', 'made up'), NORM).reasons).toEqual(['fabricated: 1 quote(s)']);
  });
});

describe('scoreSet', () => {
  it('sums up answerable, unanswerable, overall and fabricated like score.mjs', () => {
    const items = [item(), item({ id: 'x2' }), item({ id: 'u1', answerable: false, gold: [], must: [] })];
    const replies = [
      reply(true, 'Castellane', 'Health Minister Priya Castellane'),
      reply(false, 'no'),
      reply(false, 'no'),
    ];
    const s = scoreSet(items, replies, ARTICLE);
    expect(s).toMatchObject({ answerable: 0.5, unanswerable: 1, fabricated: 0 });
    expect(s.overall).toBeCloseTo(2 / 3);
    expect(s.failures.map((f) => f.item.id)).toEqual(['x2']);
    expect(scoreLine(s)).toBe('score: answerable=0.500 unanswerable=1.000 overall=0.667 fabricated=0');
    expect(() => scoreSet(items, replies.slice(1), ARTICLE)).toThrow(/2 replies for 3 items/);
  });
});
