import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../src/engine/index.ts';
import { SentenceRanker } from '../../src/engine/sentences.ts';
import { ENGLISH } from '../../src/engine/word-knowledge.ts';
import { realKnowledge } from '../support/knowledge.ts';

const QUESTIONS = [
  'who is the foreign minister',
  'when did putin last visit north korea',
  'what did putin say about the west',
  'which ministers are going to pyongyang',
  'what is the population of north korea',
  'what is the article about',
];

describe('matching a question against the knowledge index', async () => {
  const index = new KnowledgeIndex(await realKnowledge(), ENGLISH);

  // The heaviest terms are read first and a common word's postings may be skipped: what comes
  // out must still be every match at or above the minimum, in the order a full scan meets them.
  it.each(QUESTIONS)('GIVEN a minimum score THEN exactly the matches below it are left out, the rest as they were: %s', (q) => {
    const analysis = index.lexicon.analyseQuestion(q);
    const all = index.matchUnits(analysis);
    expect(all.length).toBeGreaterThan(0);
    const kept = index.matchUnits(analysis, { min: 0.2 });
    expect(kept).toEqual(all.filter((m) => m.score >= 0.2));
  });

  it.each(QUESTIONS)('GIVEN a minimum score THEN the sentences below it are left out, the rest ranked as they were: %s', (q) => {
    const ranker = new SentenceRanker(index.sentences, index.lexicon, ENGLISH);
    const analysis = index.lexicon.analyseQuestion(q);
    const all = ranker.rank(analysis);
    expect(ranker.rank(analysis, 0.45)).toEqual(all.filter((m) => m.score >= 0.45));
  });

  it('GIVEN a question the knowledge shares nothing with THEN nothing matches', () => {
    expect(index.matchUnits(index.lexicon.analyseQuestion('zzyzx qwfp'), { min: 0.2 })).toEqual([]);
  });
});
