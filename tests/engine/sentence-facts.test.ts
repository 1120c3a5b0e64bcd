import { describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/engine/engine.ts';
import { buildKnowledge } from '../../src/knowledge/loader.ts';

/**
 * Answers from the article alone (no curated Q&A, facts or concepts): the answer states the fact
 * the question asks for, from the sentence that says it, or from the one after it when that one
 * goes on about the same thing; and a sentence that only looks like the answer is not one.
 */
const ARTICLE = `---
title: Porthaven approves a new ferry terminal
---

Porthaven council has approved plans for a new ferry terminal beside the old fish market. The terminal will be built by Calder Marine at a cost of £85 million.

The harbour master, Ewan Rossi, signed the contract. Rossi, 58, did so on Friday, a day before the vote.

Two of the busiest harbours on the coast will close. Kelby Harbour and Strand Harbour will shut in 2028, and their ferries will move to the new terminal.

The terminal will have a crane, which is due to arrive in June 2027. The crane weighs 40 tonnes and has failed twice in tests. Norwegian engineer Lars Dahl will oversee the work for ten years.

The fish market, built during the 1921-24 boom, will become a museum. Since its opening in 1924 the market has sold fish every morning.

Mayor Ines Ward said the museum would bring tourists. Fishing crews from Iceland, Norway and Denmark have signed deals to land their catch at Porthaven.
`;

const built = buildKnowledge({ 'article.md': ARTICLE });
if (!built.ok) throw new Error(JSON.stringify(built.problems));
const engine = buildEngine(built.knowledge);

function answers(question: string, fact: RegExp, ...cited: string[]) {
  const a = engine.ask(question);
  expect(a.found, `${question} -> ${a.answer}`).toBe(true);
  expect(a.answer, question).toMatch(fact);
  for (const id of cited) expect(a.citations.map((c) => c.passageId), question).toContain(id);
}

function declines(question: string) {
  const a = engine.ask(question);
  expect(a.found, `${question} -> ${a.answer}`).toBe(false);
  expect(a.citations).toEqual([]);
}

describe('sentence answers that state the fact', () => {
  it('GIVEN the sentence says he signed and the next, naming him again, when THEN the date answers, citing both', () => {
    answers('when did rossi sign the contract', /^Friday\.$/, 'p2.s1', 'p2.s2');
  });

  it('GIVEN "Rossi, 58," THEN that is his age', () => {
    answers('how old is rossi', /^58\.$/, 'p2.s2');
  });

  it('GIVEN a length of time the tagger reads as a date ("for ten years") THEN it answers "how long"', () => {
    answers('how long will lars dahl oversee the work', /ten years/i, 'p4.s3');
  });

  it('GIVEN a range of years THEN "how many years did it last" is answered with the length', () => {
    answers('how many years did the boom last', /about 3 years/i, 'p5.s1');
  });

  it('GIVEN "since its opening in 1924" THEN that tells how long', () => {
    answers('how long has the market been open', /since its opening in 1924/i, 'p5.s2');
  });

  it('GIVEN a relative clause ("a crane, which is due to arrive in June 2027") THEN it goes on about the crane', () => {
    answers('when will the crane arrive', /June 2027/, 'p4.s1');
  });

  it('GIVEN a nationality beside the name THEN "what country" is answered with the country', () => {
    answers('what country is lars dahl from', /Norway/, 'p4.s3');
  });

  it('GIVEN "twice" THEN "how many times" is answered', () => {
    answers('how many times has the crane failed', /^Twice\.$/, 'p4.s2');
  });

  it('GIVEN countries listed THEN "how many countries" counts them and names them', () => {
    answers('how many countries have signed deals', /^3: Iceland, Norway and Denmark\.$/, 'p6.s2');
  });

  it('GIVEN "weighs 40 tonnes" THEN "how heavy" is answered with the measure', () => {
    answers('how heavy is the crane', /40 tonnes/, 'p4.s2');
  });

  it('GIVEN names that hold the asked noun in the next sentence THEN "which harbours" lists them', () => {
    answers('which harbours will close', /Kelby Harbour and Strand Harbour/, 'p3.s2');
  });

  it('GIVEN names joined by "and" THEN all of them answer', () => {
    answers('where are the fishing crews from', /^Iceland, Norway and Denmark\.$/, 'p6.s2');
  });

  it('GIVEN a company after "built by" THEN "who is building it" names the company', () => {
    answers('who is building the terminal', /Calder Marine/, 'p1.s2');
  });

  it('GIVEN an apposition before a name ("The harbour master, Ewan Rossi,") THEN the role finds the person', () => {
    answers('who is the harbour master', /Ewan Rossi/, 'p2.s1');
  });
});

describe('sentences that only look like the answer', () => {
  it('GIVEN no sentence holds the deed ("won") THEN "who won the contract" is declined', () => {
    declines('who won the contract');
  });

  it('GIVEN the only company named is the one excluded THEN "which other companies apart from X" is declined', () => {
    declines('which other companies apart from calder marine will build it');
  });

  it('GIVEN someone speaks of another subject THEN "what did they say about the museum" is not answered by it', () => {
    declines('what did the harbour master say about the museum');
    answers('what did the mayor say about the museum', /museum would bring tourists/, 'p6.s1');
  });
});
