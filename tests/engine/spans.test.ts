import { describe, expect, it } from 'vitest';
import { nameSpans, quantitySpans } from '../../src/engine/spans.ts';

const kinds = (text: string) => quantitySpans(text).map((s) => [s.kind, s.text]);

describe('dates, amounts and numbers in a sentence', () => {
  it('GIVEN a year, a month with a year and a day with a month THEN each is a date', () => {
    expect(kinds('They met in September 2023, and he had last come in 2000.')).toEqual([
      ['date', 'September 2023'],
      ['date', '2000'],
    ]);
    expect(kinds('The labs close on 1 February.')).toEqual([['date', '1 February']]);
    expect(kinds('The vote is on Tuesday, June 4.')).toEqual([['date', 'Tuesday, June 4']]);
  });

  it('GIVEN "may" as a verb THEN it is no date', () => {
    expect(kinds('The board may decide later.')).toEqual([]);
  });

  it('GIVEN amounts in words and signs THEN each is money, with its scale and any approximation', () => {
    expect(kinds('It needed about 10 million euros (US$13 million) a year.')).toEqual([
      ['money', 'about 10 million euros'],
      ['money', 'US$13 million'],
    ]);
    expect(kinds('The deal is worth £3.2bn.')).toEqual([['money', '£3.2bn']]);
  });

  it('GIVEN a share THEN it is a percentage, not a bare number', () => {
    expect(kinds('Profit fell 5% and sales rose 2.5 per cent.')).toEqual([
      ['percent', '5%'],
      ['percent', '2.5 per cent'],
    ]);
  });

  it('GIVEN counts in digits and in words THEN each is a number', () => {
    expect(kinds('About three dozen firms came, and 14 patents were filed.')).toEqual([
      ['number', 'About three dozen'],
      ['number', '14'],
    ]);
  });

  it('GIVEN a range of years THEN it is one date', () => {
    expect(kinds('the devastating 1950-53 Korean War')).toEqual([['date', '1950-53']]);
  });
});

describe('names of the knowledge in a sentence', () => {
  const names = [
    { name: 'Simon Jones', kind: 'person' as const, entityId: 'simon-jones' },
    { name: 'Jones', kind: 'person' as const, entityId: 'simon-jones' },
    { name: 'Dublin', kind: 'place' as const, entityId: 'dublin' },
  ];

  it('GIVEN a full name and its surname THEN the longest reading wins and nothing overlaps', () => {
    const spans = nameSpans('said Simon Jones, in Dublin. Jones left.', names);
    expect(spans.map((s) => [s.text, s.entityId])).toEqual([
      ['Simon Jones', 'simon-jones'],
      ['Dublin', 'dublin'],
      ['Jones', 'simon-jones'],
    ]);
  });

  it('GIVEN a name inside a longer word THEN it is not found', () => {
    expect(nameSpans('Dubliners cheered.', names)).toEqual([]);
  });
});
