import { describe, expect, it } from 'vitest';
import { ENGLISH, NO_WORD_KNOWLEDGE } from '../../src/engine/word-knowledge.ts';

describe('general English as the engine sees it', () => {
  it('GIVEN everyday words and chat filler THEN they are ordinary; names and gibberish are not', () => {
    for (const w of ['honestly', 'sounds', 'besides', 'city', 'sent', 'staying', 'lol']) expect(ENGLISH.isOrdinary(w), w).toBe(true);
    for (const w of ['pyongyang', 'xqzzt', 'shoigu']) expect(ENGLISH.isOrdinary(w), w).toBe(false);
  });

  it('GIVEN a word THEN its spellings and base forms are surer alternatives than its synonyms', () => {
    const alternatives = ENGLISH.alternatives('lost');
    const lemma = alternatives.find((a) => a.word === 'lose');
    expect(lemma).toBeDefined();
    const synonyms = ENGLISH.alternatives('shut').filter((a) => a.word === 'close');
    expect(synonyms.length).toBe(1);
    expect(synonyms[0]!.credit).toBeLessThan(lemma!.credit);
    expect(ENGLISH.alternatives('defence').map((a) => a.word)).toContain('defense');
  });

  it('GIVEN a plural noun THEN it says which kind of name it counts', () => {
    expect(ENGLISH.kindsOf('people')).toEqual(['person']);
    expect(ENGLISH.kindsOf('officials')).toEqual(['person']);
    expect(ENGLISH.kindsOf('firms')).toEqual(['organisation']);
    expect(ENGLISH.kindsOf('goals')).toEqual([]);
  });

  it('GIVEN "what town" THEN a city fits, a country or a road does not, and an unknown name may', () => {
    expect(ENGLISH.placeFits('Aberdeen', 'town')).toBe(true);
    expect(ENGLISH.placeFits('Dublin', 'city')).toBe(true);
    expect(ENGLISH.placeFits('Russia', 'town')).toBe(false);
    expect(ENGLISH.placeFits('Castle Lane', 'town')).toBe(false);
    expect(ENGLISH.placeFits('Tanefield', 'town')).toBe(true);
    expect(ENGLISH.placeFits('Russia', 'country')).toBe(true);
  });

  it('GIVEN a verb THEN its irregular forms are as sure as its base form', () => {
    const credit = (word: string, alt: string) => ENGLISH.alternatives(word).find((a) => a.word === alt)?.credit;
    expect(credit('building', 'built')).toBe(0.95);
    expect(credit('sell', 'sold')).toBe(0.95);
    expect(credit('go', 'went')).toBe(0.95);
  });

  it('GIVEN "how many countries" THEN countries are places, though WordNet also files them as groups', () => {
    expect(ENGLISH.kindsOf('countries')).toEqual(['place']);
    expect(ENGLISH.kindsOf('cities')).toEqual(['place']);
  });

  it('GIVEN no word knowledge THEN nothing is ordinary and nothing has alternatives', () => {
    expect(NO_WORD_KNOWLEDGE.isOrdinary('city')).toBe(false);
    expect(NO_WORD_KNOWLEDGE.alternatives('city')).toEqual([]);
  });
});
