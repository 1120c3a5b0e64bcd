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

  it('GIVEN a second part the article does not answer THEN it does not pretend to answer both', () => {
    const a = engine.ask('who runs roscosmos, and did they sign a treaty?');
    // Either the whole is declined, or only the part it can answer is answered, alone.
    if (a.found) expect(a.answer).toBe(engine.ask('who runs roscosmos').answer);
    else expect(a.citations).toEqual([]);
  });
});
