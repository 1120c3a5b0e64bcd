import { describe, expect, it } from 'vitest';
import {
  canonicalSpelling,
  categoriesOf,
  frequency,
  isA,
  isChatFiller,
  isEnglishWord,
  isFunctionWord,
  isProperName,
  lemmas,
  mayBeName,
  related,
  spellingVariants,
  synonyms,
} from '../../src/lexical/index.ts';

describe('ordinary English words', () => {
  it.each(['visits', 'visited', 'visiting', 'leaders', 'bigger', 'cities', 'went', 'children', 'signed', 'agreements',
    'railways', 'happier', 'carried', 'stopped', 'economic', 'delegation', 'cooperation'])('%s is English', (w) => {
    expect(isEnglishWord(w)).toBe(true);
  });

  it('counts the function words WordNet leaves out', () => {
    for (const w of ['the', 'of', 'and', 'which', 'their', 'didnt', "didn't", 'whats']) expect(isEnglishWord(w)).toBe(true);
  });

  it('knows British and American spellings alike', () => {
    for (const w of ['colour', 'color', 'organised', 'organized', 'travelled', 'traveled', 'defence', 'defense'])
      expect(isEnglishWord(w)).toBe(true);
  });

  it.each(['pyongyang', 'clinton', 'putin', 'moscow', 'roscosmos', 'lavrov', 'xqzt'])('%s is not an ordinary word', (w) => {
    expect(isEnglishWord(w)).toBe(false);
  });

  it('counts compounds of English words and hyphenated prefixes', () => {
    for (const w of ['people-to-people', 'people-centered', 'state-owned', 'pre-tax', 'co-founder']) expect(isEnglishWord(w)).toBe(true);
    expect(isEnglishWord('putin-kim')).toBe(false);
  });

  it('counts abbreviations of common nouns but not of names', () => {
    for (const w of ['ceo', 'pm', 'hq']) expect(isEnglishWord(w)).toBe(true);
    for (const w of ['mit', 'dprk']) expect(isEnglishWord(w)).toBe(false);
  });

  it('reads a possessive as its word', () => {
    expect(isEnglishWord("minister's")).toBe(true);
    expect(isProperName("russia's")).toBe(true);
    expect(isProperName('putin’s')).toBe(true);
    expect(isEnglishWord("it's")).toBe(true);
  });

  it('is case- and apostrophe-insensitive', () => {
    expect(isEnglishWord('Visited')).toBe(true);
    expect(isEnglishWord('didn’t')).toBe(true);
  });
});

describe('proper names', () => {
  it('are lemmas WordNet writes only capitalised', () => {
    for (const w of ['pyongyang', 'clinton', 'putin', 'russia', 'dublin', 'monday']) expect(isProperName(w)).toBe(true);
  });

  it('are not words that also have an ordinary sense, though those may be names', () => {
    for (const w of ['china', 'turkey', 'march', 'bush']) {
      expect(isProperName(w)).toBe(false);
      expect(mayBeName(w)).toBe(true);
    }
  });

  it('are not ordinary words nor unknown words', () => {
    for (const w of ['visit', 'leader', 'city', 'xqzt']) expect(isProperName(w)).toBe(false);
  });
});

describe('base forms', () => {
  it.each([
    ['went', 'go'], ['met', 'meet'], ['bought', 'buy'], ['led', 'lead'], ['cities', 'city'], ['children', 'child'],
    ['visited', 'visit'], ['leaders', 'leader'], ['bigger', 'big'], ['happier', 'happy'],
    ['stopped', 'stop'], ['running', 'run'], ['carried', 'carry'], ['railways', 'railway'], ['talks', 'talk'],
  ])('%s -> %s first', (word, base) => {
    expect(lemmas(word)[0]).toBe(base);
  });

  it('gives every base form an irregular word has', () => {
    expect(lemmas('better')).toEqual(expect.arrayContaining(['good', 'well']));
  });

  it('reads grammar words as themselves, auxiliaries as be, have and do', () => {
    expect(lemmas('has')).toEqual(['have']);
    expect(lemmas('is')).toEqual(['be']);
    expect(lemmas('does')).toEqual(['do']);
    expect(lemmas('his')).toEqual(['his']);
    expect(lemmas('its')).toEqual(['its']);
  });

  it('inflects a compound WordNet does not know at its end', () => {
    expect(lemmas('co-chairmen')).toEqual(['co-chairman']);
    expect(lemmas('start-ups')).toContain('start-up');
  });

  it('is the word itself for a base form', () => {
    expect(lemmas('visit')).toEqual(['visit']);
  });

  it('does not read a word in its own right as an inflection of a rare one', () => {
    expect(lemmas('offer')).toEqual(['offer']);
    expect(lemmas('evening')).not.toContain('even');
    expect(lemmas('number')).not.toContain('numb');
  });

  it('is empty for what WordNet does not know', () => {
    expect(lemmas('xqzt')).toEqual([]);
  });
});

describe('synonyms of the frequent senses', () => {
  it.each([
    ['buy', 'purchase'], ['shut', 'close'], ['close', 'shut'], ['chief', 'head'], ['quit', 'stop'], ['big', 'large'],
    ['talk', 'speak'], ['help', 'assist'], ['start', 'begin'], ['treaty', 'pact'], ['meet', 'encounter'],
    ['city', 'metropolis'], ['war', 'warfare'], ['country', 'nation'], ['agree', 'concur'],
  ])('%s -> %s', (word, synonym) => {
    expect(synonyms(word)).toContain(synonym);
  });

  it('of an abbreviation are the words it stands for', () => {
    expect(synonyms('hq')).toContain('headquarters');
    expect(synonyms('hqs')).toContain('headquarters');
  });

  it('are found for inflected words, as base forms', () => {
    expect(synonyms('bought')).toContain('purchase');
    expect(synonyms('cities')).toContain('metropolis');
  });

  it.each([
    ['head', 'caput'], ['run', 'ladder'], ['run', 'scat'], ['deal', 'plow'], ['meet', 'see'], ['receive', 'have'],
    ['oil', 'oil colour'], ['firm', 'business firm'], ['offer', 'away'], ['owner', 'ain'], ['chief', 'master'],
    ['plan', 'be after'], ['past', 'by'], ['need', 'take'], ['arrive', 'get'], ['summit', 'acme'],
    ['day', 'mean solar day'], ['train', 'railroad train'], ['police', 'police force'], ['pm', 'autopsy'],
    ['it', 'information technology'], ['us', 'united states'],
  ])('%s does not give the odd sense %s', (word, odd) => {
    expect(synonyms(word)).not.toContain(odd);
  });

  it('stay few for everyday words', () => {
    for (const w of ['say', 'visit', 'meet', 'leader', 'country', 'trade', 'security', 'economy', 'support', 'go'])
      expect(synonyms(w).length).toBeLessThanOrEqual(6);
  });

  it('are lower case, without the word itself, and each once', () => {
    for (const w of ['buy', 'city', 'start', 'news']) {
      const s = synonyms(w);
      expect(s).not.toContain(w);
      expect(new Set(s).size).toBe(s.length);
      for (const x of s) expect(x).toBe(x.toLowerCase());
    }
  });

  it('are none for unknown words', () => {
    expect(synonyms('xqzt')).toEqual([]);
  });
});

describe('related forms', () => {
  it.each([
    ['russian', 'russia'], ['russia', 'russian'], ['korean', 'korea'], ['visit', 'visitor'], ['resign', 'resignation'],
    ['economic', 'economy'], ['economy', 'economic'], ['cooperate', 'cooperation'], ['cut', 'cut'], ['visited', 'visitor'],
  ])('%s ~ %s', (word, form) => {
    expect(related(word)).toContain(form);
  });

  it('leaves out rare derived words', () => {
    expect(related('visit')).not.toContain('visitant');
    expect(related('head')).not.toContain('cephalic');
  });
});

describe('categories', () => {
  it.each([
    ['dublin', 'city'], ['dublin', 'capital'], ['pyongyang', 'city'], ['moscow', 'capital'], ['russia', 'country'],
    ['ceo', 'executive'], ['ceo', 'person'], ['euro', 'currency'], ['dollar', 'currency'], ['march', 'month'],
    ['june', 'month'], ['monday', 'day'], ['putin', 'statesman'], ['minister', 'person'], ['newspaper', 'press'],
  ])('%s is a %s', (word, category) => {
    expect(isA(word, category)).toBe(true);
  });

  it('nearest first, without the most general kinds', () => {
    const c = categoriesOf('dublin');
    expect(c.indexOf('national capital')).toBeLessThan(c.indexOf('city'));
    for (const general of ['entity', 'object', 'abstraction', 'physical entity']) expect(c).not.toContain(general);
  });

  it('of a plural are those of its noun, not of a name spelt like it', () => {
    expect(isA('banks', 'person')).toBe(false);
    expect(isA('banks', 'financial institution')).toBe(true);
  });

  it('of a city are no month and of a month no city', () => {
    expect(isA('dublin', 'month')).toBe(false);
    expect(isA('june', 'city')).toBe(false);
  });
});

describe('British and American spellings', () => {
  it.each([
    ['colour', 'color'], ['defence', 'defense'], ['organise', 'organize'], ['organisation', 'organization'],
    ['programme', 'program'], ['centre', 'center'], ['travelled', 'traveled'], ['labour', 'labor'],
    ['analyse', 'analyze'], ['recognised', 'recognized'], ['judgement', 'judgment'], ['centres', 'centers'],
    ['favourite', 'favorite'], ['grey', 'gray'], ['centred', 'centered'], ['neighbour', 'neighbor'], ['honour', 'honor'],
  ])('%s <-> %s', (british, american) => {
    expect(spellingVariants(british)).toContain(american);
    expect(spellingVariants(american)).toContain(british);
  });

  it('varies compounds part by part', () => {
    expect(spellingVariants('people-centred')).toEqual(['people-centered', 'people centred']);
    expect(spellingVariants('defence minister')).toEqual(['defense minister', 'defence-minister']);
    expect(canonicalSpelling('labour party')).toBe('labor party');
  });

  it.each([
    ['pretax', 'pre-tax'], ['writedown', 'write-down'], ['buybacks', 'buy-backs'], ['startups', 'start-ups'],
    ['shake-up', 'shakeup'], ['e-mail', 'email'], ['takeover', 'take over'],
  ])('writes the compound %s also as %s', (word, form) => {
    expect(spellingVariants(word)).toContain(form);
  });

  it('splits no word in use on its own, no name, and no part that is not a word as it stands', () => {
    for (const w of ['today', 'together', 'newcastle', 'nonetheless']) expect(spellingVariants(w)).toEqual([]);
    expect(spellingVariants('writedown')).not.toContain('writed-own');
    expect(spellingVariants('startups')).not.toContain('star-tups');
    expect(spellingVariants('chairmen')).toEqual([]);
  });

  it('gives one spelling to index by, the American one', () => {
    expect(canonicalSpelling('colour')).toBe('color');
    expect(canonicalSpelling('color')).toBe('color');
    expect(canonicalSpelling('organisations')).toBe('organizations');
    expect(canonicalSpelling('travelled')).toBe('traveled');
    expect(canonicalSpelling('Defence')).toBe('defense');
    expect(canonicalSpelling('visit')).toBe('visit');
  });

  it.each(['tour', 'four', 'hour', 'fill', 'rise', 'acre', 'visit'])('%s has none', (w) => {
    expect(spellingVariants(w)).toEqual([]);
  });
});

describe('function words and chat filler', () => {
  it('tells grammar words', () => {
    for (const w of ['the', 'of', 'which', 'although', 'themselves']) expect(isFunctionWord(w)).toBe(true);
    for (const w of ['visit', 'treaty', 'putin']) expect(isFunctionWord(w)).toBe(false);
  });

  it('tells chat filler', () => {
    for (const w of ['lol', 'pls', 'honestly', 'btw', 'tbh', 'ngl', 'hey', 'guys', 'sounds', 'wondering'])
      expect(isChatFiller(w)).toBe(true);
    for (const w of ['visit', 'treaty', 'sanctions', 'minister']) expect(isChatFiller(w)).toBe(false);
  });
});

describe('frequency', () => {
  it('ranks everyday words above rare ones, and unknown words at 0', () => {
    expect(frequency('visit')).toBeGreaterThan(frequency('visitant'));
    expect(frequency('the')).toBeGreaterThan(6);
    expect(frequency('xqzt')).toBe(0);
  });
});
