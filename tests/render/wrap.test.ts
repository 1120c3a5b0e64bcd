import { describe, expect, it } from 'vitest';
import { ANSI } from '../../src/render/text.ts';
import { visibleLength, wrapText } from '../../src/render/wrap.ts';

describe('wrapText', () => {
  it('breaks a long line at spaces, never inside a word, within the width', () => {
    const text = 'The Kremlin reported that it includes Foreign Minister Sergey Lavrov and Defense Minister Andrey Belousov.';
    const out = wrapText(text, 30).split('\n');
    expect(out.length).toBeGreaterThan(3);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(30);
    expect(out.join(' ')).toBe(text);
  });

  it('continues a quote under its text, past the indent and the opening mark', () => {
    const out = wrapText('  “one two three four five six”', 17).split('\n');
    expect(out).toEqual(['  “one two three', '   four five six”']);
  });

  it('continues a list item under its text', () => {
    expect(wrapText('  - What is the article about?', 20).split('\n')).toEqual(['  - What is the', '    article about?']);
  });

  it('leaves a word longer than the width whole, on its own line', () => {
    expect(wrapText('a supercalifragilistic b', 10).split('\n')).toEqual(['a', 'supercalifragilistic', 'b']);
  });

  it('does not count escape codes as width', () => {
    const bold = ANSI.bold('one two three');
    expect(visibleLength(bold)).toBe(13);
    expect(wrapText(bold, 13)).toBe(bold);
  });

  it('keeps short lines and blank lines, and leaves text alone without a width', () => {
    expect(wrapText('a\n\nb', 10)).toBe('a\n\nb');
    const long = 'word '.repeat(50).trim();
    expect(wrapText(long, undefined)).toBe(long);
    expect(wrapText(long, 0)).toBe(long);
  });
});
