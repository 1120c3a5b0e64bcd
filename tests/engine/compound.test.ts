import { describe, expect, it } from 'vitest';
import { splitQuestion, startsAsQuestion } from '../../src/engine/compound.ts';

describe('splitQuestion', () => {
  it('splits at clear breaks first, keeping a plain "and" inside a part', () => {
    expect(splitQuestion('where did putin and kim meet, and when did he last visit?')).toEqual({
      parts: ['where did putin and kim meet', 'when did he last visit?'],
      clear: true,
    });
    expect(splitQuestion('who runs rzd? who runs roscosmos')?.parts).toEqual(['who runs rzd', 'who runs roscosmos']);
  });

  it('splits at a plain "and" only when there is no clear break', () => {
    expect(splitQuestion('who heads roscosmos and rzd')).toEqual({ parts: ['who heads roscosmos', 'rzd'], clear: false });
  });

  it('gives a shared office word to every part: the foreign and health ministers', () => {
    expect(splitQuestion('the foreign and health ministers')?.parts).toEqual(['the foreign minister', 'health ministers']);
  });

  it('leaves a single question, or one of more than three parts, whole', () => {
    expect(splitQuestion('who runs roscosmos')).toBeUndefined();
    expect(splitQuestion('a and b and c and d')).toBeUndefined();
  });
});

describe('startsAsQuestion', () => {
  it('knows a question by its first word', () => {
    expect(startsAsQuestion('when did he last visit')).toBe(true);
    expect(startsAsQuestion('north korea establish relations')).toBe(false);
  });
});
