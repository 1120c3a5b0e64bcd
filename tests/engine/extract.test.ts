import { describe, expect, it } from 'vitest';
import { clausesOf, phraseFact, statedFact, type Asked } from '../../src/engine/extract.ts';
import { words } from '../../src/engine/normalise.ts';
import { stem } from '../../src/engine/lexicon.ts';
import { isStopword } from '../../src/engine/language.ts';
import { nameSpans, quantitySpans, type Span, type SpanKind } from '../../src/engine/spans.ts';

/** Terms as the engine's lexicon makes them when the knowledge has no concepts: stems of content words. */
const termsOf = (text: string) => words(text).filter((w) => !isStopword(w)).map(stem);

function ask(question: string, kinds: readonly SpanKind[] = []): Asked {
  return { words: words(question), terms: termsOf(question), weight: () => 1, kindsOf: () => kinds, isEvent: () => true, placeFits: () => true };
}

function fact(question: string, kind: Parameters<typeof statedFact>[0], sentence: string, extra: Span[] = [], counted: SpanKind[] = []) {
  const spans = [...quantitySpans(sentence), ...extra].sort((a, b) => a.start - b.start);
  return statedFact(kind, ask(question, counted), sentence, spans, clausesOf(sentence, termsOf));
}

describe('the fact a question asks for, pulled out of the sentence that holds it', () => {
  it('GIVEN "when" THEN the date of the clause that says what happened', () => {
    const s = 'Since its opening in 2000, the centre has developed ideas.';
    expect(fact('when did the centre open', 'date', s)?.text).toBe('2000');
  });

  it('GIVEN "when" and a date that belongs to another clause THEN no fact', () => {
    const s = 'It was the first to establish relations, and helped rebuild the country after the 1950-53 war.';
    expect(fact('when did they establish relations', 'date', s)).toBeUndefined();
  });

  it('GIVEN "how much" THEN the amount nearest to what the question names', () => {
    const s = 'It spent 8.16 million euros in 2003 and raised just 2.56 million euros.';
    expect(fact('how much was raised', 'number', s)?.text).toBe('2.56 million euros');
    expect(fact('how much was spent', 'number', s)?.text).toBe('8.16 million euros');
  });

  it('GIVEN "how many" and a number in the sentence THEN the number', () => {
    const s = 'In recent months, 14 patent applications had been filed.';
    expect(fact('how many patent applications were filed', 'number', s)?.text).toBe('14 patent applications');
    expect(fact('how much does each one weigh', 'number', 'Each satellite weighs 18 kilograms and carries a camera.')?.text).toBe('18 kilograms');
  });

  it('GIVEN "how many" of a kind of name and no number THEN the count and the names listed', () => {
    const s = 'The lab was founded by Acme and Globex.';
    const names = nameSpans(s, [
      { name: 'Acme', kind: 'organisation', entityId: 'acme' },
      { name: 'Globex', kind: 'organisation', entityId: 'globex' },
    ]);
    expect(fact('how many companies founded the lab', 'number', s, names, ['organisation'])?.text).toBe('2: Acme and Globex');
    expect(fact('how many soldiers founded the lab', 'number', s, names, ['person'])).toBeUndefined();
  });

  it('GIVEN "who" THEN the person not named in the question, with the apposition that says who they are', () => {
    const s = '"It was too deep," said Simon Jones, the Labs\' managing director.';
    const names = nameSpans(s, [{ name: 'Simon Jones', kind: 'person', entityId: 'simon-jones' }]);
    expect(fact('who is the managing director', 'person', s, names)?.text).toBe("Simon Jones, the Labs' managing director");
  });

  it('GIVEN "how old" and a date THEN no age is made up from it', () => {
    expect(fact('how old is he', 'age', 'He met them in September 2023.')).toBeUndefined();
    expect(fact('how old is he', 'age', 'He is 71 years old.')?.text).toBe('71 years');
  });

  it('GIVEN "how long" THEN a number that counts time', () => {
    expect(fact('how long were ideas developed', 'duration', 'During its five years, ideas were developed.')?.text).toBe('five years');
  });
});

describe('a fact as a short answer', () => {
  it('GIVEN a year or a day THEN it reads as a sentence', () => {
    expect(phraseFact('date', { text: '2000', start: 0, end: 4 })).toBe('In 2000.');
    expect(phraseFact('date', { text: '1 February', start: 0, end: 10 })).toBe('On 1 February.');
    expect(phraseFact('number', { text: 'about 10 million euros', start: 0, end: 1 })).toBe('About 10 million euros.');
  });
});

describe('a length of time from the dates that bound it', () => {
  it('GIVEN "how long" and a range of years THEN the number of years it spans', () => {
    expect(fact('how long did the war last', 'duration', 'It helped rebuild the country after the devastating 1950-53 war.')?.text).toBe('about 3 years (1950-53)');
  });

  it('GIVEN "how long" and "since" a year THEN since that year', () => {
    expect(fact('how long have they played there', 'duration', 'It will replace the ground, where they have played since 1911.')?.text).toBe('since 1911');
  });
});
