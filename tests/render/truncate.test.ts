import { describe, expect, it } from 'vitest';
import { ELLIPSIS, joinWithin, truncate } from '../../src/render/truncate.ts';

const TEXT = 'The quick brown fox jumps over the lazy dog. Then it ran away into the forest and was never seen again.';

describe('truncate', () => {
  it('returns text within the limit unchanged', () => {
    expect(truncate(TEXT, TEXT.length)).toBe(TEXT);
    expect(truncate('', 0)).toBe('');
  });

  it('never returns more than the limit, whatever the limit', () => {
    for (let limit = 0; limit <= TEXT.length; limit++) expect(truncate(TEXT, limit).length).toBeLessThanOrEqual(limit);
  });

  it('ends at a sentence boundary when one keeps most of the text', () => {
    expect(truncate(TEXT, 60)).toBe(`The quick brown fox jumps over the lazy dog. ${ELLIPSIS}`);
  });

  it('otherwise ends at a word boundary, with no dangling punctuation', () => {
    expect(truncate(TEXT, 30)).toBe(`The quick brown fox jumps${ELLIPSIS}`);
    expect(truncate('one, two, three, four', 11)).toBe(`one, two${ELLIPSIS}`);
  });

  it('cuts inside a word only when no boundary is near enough', () => {
    const word = 'x'.repeat(50);
    expect(truncate(word, 10)).toBe(`${'x'.repeat(9)}${ELLIPSIS}`);
  });

  it('shortens a 10,000-character text to the limit', () => {
    const long = 'word '.repeat(2000);
    const out = truncate(long, 1024);
    expect(out.length).toBeLessThanOrEqual(1024);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out.length).toBeGreaterThan(1000);
  });

  it('never splits an emoji (a surrogate pair) in half', () => {
    const out = truncate('😀😀😀😀😀😀', 6);
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out).toBe(`😀😀${ELLIPSIS}`);
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it('returns as much of the ellipsis as fits when the limit is tiny', () => {
    expect(truncate(TEXT, 1)).toBe(ELLIPSIS);
    expect(truncate(TEXT, 0)).toBe('');
  });

  it('rejects a limit that is not a whole number', () => {
    expect(() => truncate(TEXT, -1)).toThrow(/limit/);
    expect(() => truncate(TEXT, 1.5)).toThrow(/limit/);
  });
});

describe('joinWithin', () => {
  it('joins every item when they fit', () => {
    expect(joinWithin(['a', 'b', 'c'], 5)).toBe('a\nb\nc');
  });

  it('keeps whole items and says how many were left out', () => {
    const out = joinWithin(['alpha', 'bravo', 'charlie', 'delta'], 23);
    expect(out).toBe('alpha\nbravo\n…and 2 more');
    expect(out.length).toBeLessThanOrEqual(23);
  });

  it('stays within the limit even when not one item fits', () => {
    const out = joinWithin(['x'.repeat(100)], 8);
    expect(out.length).toBeLessThanOrEqual(8);
  });
});
