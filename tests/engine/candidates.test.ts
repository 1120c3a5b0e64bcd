import { describe, expect, it } from 'vitest';
import { Bm25Index, stemsOf } from '../../src/engine/candidates.ts';

const SENTENCES = [
  'The council approved a new ferry terminal beside the fish market.',
  'The terminal will be built by Calder Marine.',
  'Fishing crews from Norway signed deals to land their catch.',
  'The market has sold fish every morning since 1924, and fish is what the market is known for.',
];
const index = new Bm25Index(SENTENCES);

describe('candidate sentences from posting lists (BM25)', () => {
  it('GIVEN a question THEN only sentences holding one of its stems are candidates, best first', () => {
    const hits = index.search(stemsOf('who built the terminal'));
    expect(hits.map((h) => h.owner)).toEqual([1, 0]);
  });

  it('GIVEN a word in one sentence only THEN it outweighs a word in many', () => {
    expect(index.idf(stemsOf('norway')[0]!)).toBeGreaterThan(index.idf(stemsOf('terminal')[0]!));
    expect(index.search(stemsOf('norway terminal'))[0]!.owner).toBe(2);
  });

  it('GIVEN no word of the question in the article THEN there is no candidate', () => {
    expect(index.search(stemsOf('what is the weather in lima'))).toEqual([]);
  });

  it('GIVEN function words only THEN nothing is searched', () => {
    expect(stemsOf('what is it about')).toEqual([]);
  });

  it('GIVEN a repeated word THEN it counts less each time (saturation), and a long sentence is discounted', () => {
    const [market] = index.search(['market']);
    expect(market!.owner).toBe(3);
    expect(market!.score).toBeLessThan(2 * index.idf('market') * 2.2);
  });

  it('GIVEN the question stems THEN the ceiling is the sum of the idf of those the article holds', () => {
    const norway = stemsOf('norway')[0]!;
    expect(index.ceiling([norway, 'zzz'])).toBeCloseTo(index.idf(norway));
  });
});
