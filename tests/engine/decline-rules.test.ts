import { describe, expect, it } from 'vitest';
import { DECLINE } from '../../src/engine/messages.ts';
import { asksAboutTheFuture, isStopword, questionKind } from '../../src/engine/language.ts';
import { words } from '../../src/engine/normalise.ts';
import { realEngine } from '../support/knowledge.ts';

/**
 * The rules that make the bot say "the article doesn't say" for questions that look
 * answerable: each is shown declining what it should and letting through its look-alike.
 */
const engine = await realEngine();

function declined(question: string): string {
  const a = engine.ask(question);
  expect(a.found, `${question} -> ${a.answer}`).toBe(false);
  expect(a.citations).toEqual([]);
  return a.answer;
}

function answered(question: string, passageId: string): string {
  const a = engine.ask(question);
  expect(a.found, `${question} -> ${a.answer}`).toBe(true);
  expect(a.citations.map((c) => c.passageId)).toContain(passageId);
  return a.answer;
}

describe('an office that no fact holds', () => {
  it('GIVEN a ministry the article never names THEN it declines, naming the office', () => {
    expect(declined('who is russias education minister')).toBe(DECLINE.unknownOffice('education minister'));
    expect(declined('who is the prime minister then')).toBe(DECLINE.unknownOffice('prime minister'));
  });

  it("GIVEN a known office of another country THEN it declines: north korea's foreign minister is not Lavrov", () => {
    expect(declined("name north korea's foreign minister pls")).toMatch(/names no north korea foreign minister/);
  });

  it("GIVEN the office of the article's own country THEN it answers", () => {
    expect(answered("who is russia's foreign minister", 'p4.s2')).toMatch(/Lavrov/);
    expect(answered('the russian health minister?', 'p4.s2')).toMatch(/Murashko/);
  });

  it('GIVEN a person before the office word THEN it is no qualifier of it', () => {
    expect(answered('belousov is minister of what exactly', 'p4.s2')).toMatch(/Defen[cs]e/);
  });
});

describe('words put in the mouth of someone the article never quotes', () => {
  it('GIVEN a person the article does not quote as the one speaking THEN it declines', () => {
    expect(declined('what did murashko say about the trip')).toMatch(/does not quote/);
  });

  it('GIVEN the article as the one speaking THEN it answers what the article says about that person', () => {
    const a = engine.ask('what does the article say about murashko');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/Murashko/);
  });

  it('GIVEN a country the article does not quote THEN it declines; Russia speaks through its president', () => {
    expect(declined('so what did japan say about the trip')).toMatch(/does not quote Japan, only Vladimir Putin/);
    expect(engine.ask('what does russia say about the sanctions').found).toBe(true);
  });

  it('GIVEN the article only as what a silent person talks about THEN it still declines', () => {
    expect(declined('what did kim jong un say about the article')).toMatch(/does not quote/);
  });
});

describe('dates the article does not give', () => {
  it('GIVEN a "when" about what is still to come THEN it declines instead of giving a past date', () => {
    expect(declined('so when is the visit happening')).toBe(DECLINE.noDateAhead);
    expect(declined('how long will the delegation stay')).toBe(DECLINE.noDateAhead);
  });

  it('GIVEN a "when" about the past THEN it answers with the date', () => {
    expect(answered('when did kim and putin meet up', 'p1.s4')).toMatch(/2023/);
  });

  it('GIVEN a plain question about what will happen THEN a past date is no answer to it', () => {
    expect(declined('will kim and putin meet')).toBe(DECLINE.notYetHappened);
    expect(engine.ask('will russia keep supporting the dprk').found).toBe(true);
  });

  it('GIVEN a year the article never mentions THEN it declines, naming the year', () => {
    expect(declined('did kim and putin meet in 2019')).toBe(DECLINE.unknownWords(['2019']));
  });

  it('tells the future from the past by the words of the question', () => {
    expect(asksAboutTheFuture(words('when is the visit'))).toBe(true);
    expect(asksAboutTheFuture(words('when will he arrive'))).toBe(true);
    expect(asksAboutTheFuture(words('how long is his contract'), false)).toBe(false);
    expect(asksAboutTheFuture(words('when did he last visit'))).toBe(false);
    expect(asksAboutTheFuture(words('when is the 2000 visit from'))).toBe(false);
  });
});

describe('opposites', () => {
  it('GIVEN the first visit THEN the entry about the last visit is no answer', () => {
    expect(engine.ask('so when was putins first trip to north korea').entryId).not.toBe('last-visit');
    expect(answered('when was putins last trip to north korea', 'p1.s5')).toMatch(/2000/);
  });

  it('GIVEN before where the article says after THEN it declines', () => {
    declined('what did russia do before the korean war');
  });
});

describe('matches on everyday words alone', () => {
  it('GIVEN a question whose only words are everyday ones THEN nothing is answered', () => {
    declined('what are the rules of this server');
  });

  it('GIVEN a question about the article itself THEN the article counts as a subject', () => {
    expect(engine.ask('what is this article even about').found).toBe(true);
  });
});

describe('the kind of answer a question asks for', () => {
  it('reads how many, when, where, who, which newspaper and how long', () => {
    expect(questionKind(words('how many ministers'))).toBe('number');
    expect(questionKind(words('when did they meet'))).toBe('date');
    expect(questionKind(words('where did they meet'))).toBe('place');
    expect(questionKind(words('who runs rzd'))).toBe('person');
    expect(questionKind(words('which newspaper ran it'))).toBe('organisation');
    expect(questionKind(words('how long was the war'))).toBe('duration');
    expect(questionKind(words('how long ago was it'))).toBe('date');
    expect(questionKind(words('푸틴 언제 만났어'))).toBe('date');
  });

  it('counts Korean question words with their endings as stopwords', () => {
    expect(isStopword('누구인가요')).toBe(true);
    expect(isStopword('언제야')).toBe(true);
    expect(isStopword('라브로프')).toBe(false);
  });
});

describe('typos', () => {
  it('GIVEN a slip on an everyday word THEN it is not taken for something the article never mentions', () => {
    expect(answered('what is increasing between the two countries acording to putin', 'p3.s1')).toBeTruthy();
  });

  it('GIVEN a slip on a name THEN the name is still found', () => {
    expect(answered('wat does belusov do', 'p4.s2')).toMatch(/Belousov/);
  });
});
