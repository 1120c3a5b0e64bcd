import { describe, expect, it } from 'vitest';
import { realEngine } from '../support/knowledge.ts';

/** One message that asks two things gets both answers, each with the sentence it rests on. */
const engine = await realEngine();

const passages = (question: string) => engine.ask(question).citations.map((c) => c.passageId);

describe('a message that asks two things', () => {
  it('GIVEN two questions with a clear break THEN it answers both and quotes both sources', () => {
    const a = engine.ask('where did kim and putin meet, and when was putin last in north korea?');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/Vostochny/);
    expect(a.answer).toMatch(/2000/);
    expect(passages('where did kim and putin meet, and when was putin last in north korea?')).toEqual(['p1.s4', 'p1.s5']);
  });

  it('GIVEN two people joined by "and" THEN it says what each one does', () => {
    const a = engine.ask('what do lavrov and murashko do');
    expect(a.answer).toMatch(/Lavrov/);
    expect(a.answer).toMatch(/Murashko/);
    expect(a.citations.length).toBeLessThanOrEqual(3);
  });

  it('GIVEN two offices sharing one word ("the foreign and health ministers") THEN it names both', () => {
    const a = engine.ask('who are the foreign and health ministers');
    expect(a.answer).toMatch(/Lavrov/);
    expect(a.answer).toMatch(/Murashko/);
  });

  it('GIVEN "x and y" inside one question THEN it stays one question', () => {
    const a = engine.ask('when did russia and north korea first establish diplomatic relations');
    expect(a.found).toBe(false);
  });

  it('GIVEN a second part the article does not answer THEN it answers the first and says so of the second', () => {
    const a = engine.ask('who runs roscosmos, and did they sign a treaty?');
    expect(a.answer.startsWith(engine.ask('who runs roscosmos').answer)).toBe(true);
    expect(a.answer).toMatch(/"did they sign a treaty\?": the article doesn't say/);
    expect(a.citations.map((c) => c.passageId)).toEqual(['p4.s2']);
  });
});

describe('parts of one message', () => {
  it('GIVEN a pair that does one thing together THEN it is one question with one answer', () => {
    const a = engine.ask('where did kim and putin meet');
    expect(a.answer).toMatch(/Vostochny/);
    expect(a.citations.map((c) => c.passageId)).toEqual(['p1.s4']);
  });

  it('GIVEN two questions joined by "and" THEN both are answered', () => {
    const a = engine.ask('who runs roscosmos and who is the foreign minister');
    expect(a.answer).toMatch(/Borisov/);
    expect(a.answer).toMatch(/Lavrov/);
  });

  it('GIVEN a second question the article does not answer THEN it is declined beside the first answer, not dropped', () => {
    const a = engine.ask('who runs roscosmos? and what is the weather in paris');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/Borisov/);
    expect(a.answer).toMatch(/"what is the weather in paris": the article doesn't say/);
    expect(a.citations.map((c) => c.passageId)).toEqual(['p4.s2']);
  });
});

describe('the questions the bot offers', () => {
  it('GIVEN every question shown in topics, suggestions and autocomplete THEN each is answered by its own entry', () => {
    const offered = [...engine.topics().flatMap((t) => t.questions), ...engine.complete('')];
    expect(offered.length).toBeGreaterThan(10);
    const wrong = offered.filter((s) => engine.ask(s.question).entryId !== s.id).map((s) => `${s.question} -> ${engine.ask(s.question).entryId}`);
    expect(wrong).toEqual([]);
  });

  it('GIVEN the suggestions of a declined question THEN each is answered by its own entry', () => {
    for (const q of ['did they sign a treaty', 'what is the weather in pyongyang', 'who won the world cup']) {
      const declined = engine.ask(q);
      expect(declined.found).toBe(false);
      for (const s of declined.suggestions) expect(engine.ask(s.question).entryId, s.question).toBe(s.id);
    }
  });
});
