import { describe, expect, it } from 'vitest';
import { cleanQuestion, MAX_QUESTION_CHARS, scriptOf, words } from '../../src/engine/normalise.ts';

const clean = (raw: string) => cleanQuestion(raw).text;

describe('cleanQuestion', () => {
  it('leaves a plain question as it is', () => {
    expect(cleanQuestion('Who runs Roscosmos?')).toEqual({ text: 'Who runs Roscosmos?', truncated: false });
  });

  it('strips zero-width characters, reading a zero-width space as a space', () => {
    expect(clean('who\u200Bruns roscosmos')).toBe('who runs roscosmos');
    expect(clean('ros\u200Dcos\u200Cmos\u2060 \uFEFFboss')).toBe('roscosmos boss');
    expect(clean('\u200B\u200B\u200B')).toBe('');
  });

  it('strips control characters and bidi marks', () => {
    expect(clean('who\u0007 runs\u001b roscosmos\u007f')).toBe('who runs roscosmos');
    expect(clean('\u202Ewho runs roscosmos\u202C')).toBe('who runs roscosmos');
    expect(clean('\u0000\u0001\u0002')).toBe('');
  });

  it('reads newlines and tabs as spaces', () => {
    expect(clean('who\nruns\troscosmos')).toBe('who runs roscosmos');
    expect(clean('who\r\nruns roscosmos')).toBe('who runs roscosmos');
  });

  it('reads every other line break or whitespace control character as a space too, never gluing words', () => {
    // Carriage return, vertical tab, form feed and next line separate words just as \n does.
    expect(clean('who\rruns roscosmos')).toBe('who runs roscosmos');
    expect(clean('who\u000Bruns\u000Croscosmos')).toBe('who runs roscosmos');
    expect(clean('who\u0085runs roscosmos')).toBe('who runs roscosmos');
  });

  it('removes Discord user, role and channel mentions', () => {
    expect(clean('<@123456789012345678> who runs roscosmos')).toBe('who runs roscosmos');
    expect(clean('<@!123456789012345678> hi')).toBe('hi');
    expect(clean('<@&123456789012345678> hi <#123456789012345678>')).toBe('hi');
  });

  it('removes @everyone and @here', () => {
    expect(clean('@everyone who runs roscosmos @here')).toBe('who runs roscosmos');
    expect(clean('@Everyone hi')).toBe('hi');
  });

  it('removes custom and animated emoji and emoji shortcodes', () => {
    expect(clean('<:rocket:123456789012345678> who runs roscosmos <a:party:123456789012345678>')).toBe('who runs roscosmos');
    expect(clean(':thinking: who runs roscosmos')).toBe('who runs roscosmos');
  });

  it('removes markdown markers (**, __, ||, `, ~~) but keeps the words', () => {
    expect(clean('**who** runs __roscosmos__')).toBe('who runs roscosmos');
    expect(clean('||spoiler|| `code` ~~gone~~ ```block```')).toBe('spoiler code gone block');
  });

  it('removes quote, heading and list markers at the start of a line', () => {
    expect(clean('> who runs roscosmos')).toBe('who runs roscosmos');
    expect(clean('# who runs roscosmos')).toBe('who runs roscosmos');
    expect(clean('- who runs roscosmos')).toBe('who runs roscosmos');
  });

  it('keeps hyphens inside words', () => {
    expect(clean('people-to-people exchanges')).toBe('people-to-people exchanges');
  });

  it('collapses runs of whitespace and trims', () => {
    expect(clean('   who    runs \n\n  roscosmos   ')).toBe('who runs roscosmos');
  });

  it('applies NFKC, so full-width letters become plain ones', () => {
    expect(clean('ｗｈｏ ｒｕｎｓ')).toBe('who runs');
  });

  it(`keeps a question of exactly ${MAX_QUESTION_CHARS} characters whole`, () => {
    const exact = 'a'.repeat(MAX_QUESTION_CHARS);
    expect(cleanQuestion(exact)).toEqual({ text: exact, truncated: false });
  });

  it(`caps a longer question at ${MAX_QUESTION_CHARS} characters, at a word boundary, and says it was truncated`, () => {
    const raw = 'who runs roscosmos '.repeat(100);
    const { text, truncated } = cleanQuestion(raw);
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(text.length).toBeGreaterThan(MAX_QUESTION_CHARS * 0.8);
    expect(raw.startsWith(text)).toBe(true);
    expect(text).toMatch(/(who|runs|roscosmos)$/);
  });

  it('cuts a single very long word at the cap', () => {
    expect(cleanQuestion('x'.repeat(10_000))).toEqual({ text: 'x'.repeat(MAX_QUESTION_CHARS), truncated: true });
  });

  it('counts length after cleaning, so padding does not truncate a short question', () => {
    expect(cleanQuestion(`${' '.repeat(5000)}who runs roscosmos${'\u200B'.repeat(5000)}`)).toEqual({
      text: 'who runs roscosmos',
      truncated: false,
    });
  });
});

describe('words', () => {
  it('lowercases and drops punctuation', () => {
    expect(words('Who is PUTIN?!')).toEqual(['who', 'is', 'putin']);
  });

  it('treats curly quotes like straight ones', () => {
    expect(words('“Quoted” ‘single’')).toEqual(['quoted', 'single']);
    expect(words('putin’s')).toEqual(words("putin's"));
  });

  it('joins an initialism: D.P.R.K. is dprk', () => {
    expect(words('leader of the D.P.R.K.')).toEqual(['leader', 'of', 'the', 'dprk']);
    expect(words('the D.P.R.K., had')).toEqual(['the', 'dprk', 'had']);
    expect(words('DPRK')).toEqual(['dprk']);
  });

  it('drops the possessive: putin’s is putin', () => {
    expect(words('putin’s visit')).toEqual(['putin', 'visit']);
    expect(words("Kim's")).toEqual(['kim']);
    expect(words("leaders' meeting")).toEqual(['leaders', 'meeting']);
  });

  it('expands contractions', () => {
    expect(words("didn't")).toEqual(['did', 'not']);
    expect(words('didn’t')).toEqual(['did', 'not']);
    expect(words("won't")).toEqual(['will', 'not']);
    expect(words("can't")).toEqual(['can', 'not']);
    expect(words("they're")).toEqual(['they', 'are']);
    expect(words("I'm")).toEqual(['i', 'am']);
    expect(words("we've")).toEqual(['we', 'have']);
    expect(words("what's")).toEqual(['what']);
  });

  it('spells out chat forms without apostrophes: whos is who is, acc is according', () => {
    expect(words('whos going w putin')).toEqual(['who', 'is', 'going', 'with', 'putin']);
    expect(words('acc to putin')).toEqual(['according', 'to', 'putin']);
  });

  it('reads "the us" as the country, and "tell us" as the pronoun', () => {
    expect(words('what did the US say')).toEqual(['what', 'did', 'the', 'usa', 'say']);
    expect(words('tell us about trade')).toEqual(['tell', 'us', 'about', 'trade']);
  });

  it('keeps Cyrillic and Hangul words, lowercased', () => {
    expect(words('Кто такой Путин?')).toEqual(['кто', 'такой', 'путин']);
    expect(words('푸틴은 누구야?')).toEqual(['푸틴은', '누구야']);
  });

  it('drops emoji', () => {
    expect(words('rocket 🚀 launch 😀👍🏽')).toEqual(['rocket', 'launch']);
    expect(words('🚀🚀')).toEqual([]);
  });

  it('keeps numbers and splits at dashes', () => {
    expect(words('the 1950–53 Korean War')).toEqual(['the', '1950', '53', 'korean', 'war']);
  });

  it('returns nothing for nothing', () => {
    expect(words('')).toEqual([]);
    expect(words('  ...  ')).toEqual([]);
    expect(words('\u200B')).toEqual([]);
  });
});

describe('scriptOf', () => {
  it('tells Latin, Hangul, Cyrillic and other scripts apart', () => {
    expect(scriptOf('putin')).toBe('latin');
    expect(scriptOf('2023')).toBe('latin');
    expect(scriptOf('푸틴')).toBe('hangul');
    expect(scriptOf('путин')).toBe('cyrillic');
    expect(scriptOf('普京')).toBe('other');
    expect(scriptOf('بوتين')).toBe('other');
  });
});
