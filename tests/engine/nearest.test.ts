import { describe, expect, it } from 'vitest';
import { nearestSentences } from '../../src/engine/nearest.ts';
import { realKnowledge } from '../support/knowledge.ts';

const kb = await realKnowledge();
const ids = (text: string, limit?: number) => nearestSentences(kb.article.sentences, text, limit).map((n) => n.passage.id);

describe('nearestSentences', () => {
  it('puts the sentence that shares the rarest words first', () => {
    expect(ids('will china join the new trade settlement mechanisms')[0]).toBe('p1.s3');
    expect(ids('who heads russian railways')[0]).toBe('p4.s2');
  });

  it('finds nothing for words the article never uses, or only stopwords', () => {
    expect(ids('favourite food')).toEqual([]);
    expect(ids('what is the')).toEqual([]);
  });

  it('returns at most the limit, best first, with scores between 0 and 1', () => {
    const near = nearestSentences(kb.article.sentences, 'putin north korea visit pyongyang', 2);
    expect(near).toHaveLength(2);
    expect(near[0]!.score).toBeGreaterThanOrEqual(near[1]!.score);
    for (const n of near) expect(n.score).toBeGreaterThan(0), expect(n.score).toBeLessThanOrEqual(1);
  });
});
