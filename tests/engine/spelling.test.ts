import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, SpellingCorrector } from '../../src/engine/spelling.ts';

describe('editDistance', () => {
  it('is 0 for the same word', () => {
    expect(editDistance('roscosmos', 'roscosmos', 2)).toBe(0);
    expect(editDistance('', '', 0)).toBe(0);
  });

  it('counts one insertion, deletion or substitution as 1', () => {
    expect(editDistance('putin', 'putins', 2)).toBe(1);
    expect(editDistance('putin', 'putn', 2)).toBe(1);
    expect(editDistance('putin', 'putun', 2)).toBe(1);
  });

  it('counts swapping two neighbouring letters as 1 (transposition)', () => {
    expect(editDistance('lavrov', 'lavorv', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
  });

  it('adds up several edits', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['lavrov', 'lavorv'], ['kitten', 'sitting'], ['borisov', 'borysov']] as const)
      expect(editDistance(a, b, 5)).toBe(editDistance(b, a, 5));
  });

  it('gives up past max, returning max + 1', () => {
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('allows no edit in words shorter than 4 letters', () => {
    for (const n of [0, 1, 2, 3]) expect(allowedEdits(n)).toBe(0);
  });

  it('allows one edit in words of 4 to 6 letters', () => {
    for (const n of [4, 5, 6]) expect(allowedEdits(n)).toBe(1);
  });

  it('allows two edits in longer words', () => {
    for (const n of [7, 10, 24]) expect(allowedEdits(n)).toBe(2);
  });

  it('allows none in a "word" of 25 letters or more, which is keyboard mashing, not a typo', () => {
    for (const n of [25, 100, 500]) expect(allowedEdits(n)).toBe(0);
  });
});

const VOCABULARY = new Map<string, number>([
  ['putin', 12],
  ['lavrov', 3],
  ['roscosmos', 2],
  ['pyongyang', 4],
  ['belousov', 1],
  ['delegation', 3],
  ['trade', 2],
  ['2023', 1],
  ['kim', 5],
]);

describe('SpellingCorrector', () => {
  const corrector = new SpellingCorrector(VOCABULARY);

  it('fixes a one-letter typo of a known word', () => {
    expect(corrector.correct('putn')).toBe('putin');
    expect(corrector.correct('putim')).toBe('putin');
    expect(corrector.correct('tradr')).toBe('trade');
    expect(corrector.correct('roscosmo')).toBe('roscosmos');
  });

  it('fixes swapped letters', () => {
    expect(corrector.correct('lavorv')).toBe('lavrov');
    expect(corrector.correct('pyongayng')).toBe('pyongyang');
  });

  it('fixes two typos in a long word', () => {
    expect(corrector.correct('delagaton')).toBe('delegation');
    expect(corrector.correct('belousof')).toBe('belousov');
  });

  it('refuses numbers', () => {
    expect(corrector.correct('2024')).toBeUndefined();
    expect(corrector.correct('2o23')).toBeUndefined();
  });

  it('refuses short words, which are too easy to confuse', () => {
    expect(corrector.correct('kin')).toBeUndefined();
  });

  it('refuses words too far from any known word', () => {
    expect(corrector.correct('treaty')).toBeUndefined();
    expect(corrector.correct('shoigu')).toBeUndefined();
    expect(corrector.correct('pyonga')).toBeUndefined(); // three letters short of pyongyang
  });

  it('does not change a short word’s first letter', () => {
    expect(corrector.correct('tutin')).toBeUndefined();
  });

  it('is deterministic: the same word gives the same answer, whatever order the vocabulary came in', () => {
    const ties = new Map([
      ['belov', 1],
      ['bolov', 1],
    ]);
    const reversed = new Map([...ties].reverse());
    const a = new SpellingCorrector(ties);
    const b = new SpellingCorrector(reversed);
    expect(a.correct('balov')).toBe('belov');
    expect(b.correct('balov')).toBe('belov');
    expect(a.correct('balov')).toBe(a.correct('balov'));
    expect(new SpellingCorrector(new Map([...VOCABULARY].reverse())).correct('putn')).toBe(corrector.correct('putn'));
  });

  it('prefers the more frequent of two equally close words', () => {
    const c = new SpellingCorrector(new Map([
      ['belov', 1],
      ['bolov', 5],
    ]));
    expect(c.correct('balov')).toBe('bolov');
  });
});
