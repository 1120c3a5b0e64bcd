import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/loader.ts';
import { Lexicon } from '../../src/engine/lexicon.ts';
import { SentenceRanker } from '../../src/engine/sentences.ts';
import { ENGLISH, NO_WORD_KNOWLEDGE, type WordKnowledge } from '../../src/engine/word-knowledge.ts';

const ARTICLE = `---
title: "Harbour bridge to close"
---

The old harbour bridge will close to traffic in March. Engineers found cracks in two of its steel cables.

The city council voted to build a new crossing. Mayor Ana Ruiz said the work would cost 40 million euros.

Local shops fear that fewer visitors will come while the bridge is shut.
`;

function ranker(words: WordKnowledge = ENGLISH) {
  const result = buildKnowledge({ 'article.md': ARTICLE, 'qa.yaml': 'entries: []', 'facts.yaml': 'entities: []', 'concepts.yaml': 'synonyms: []' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const lexicon = new Lexicon(result.knowledge, words);
  const r = new SentenceRanker(result.knowledge.article.sentences, lexicon, words);
  return (question: string) => {
    const ranked = r.rank(lexicon.analyseQuestion(question));
    return ranked.map((m) => ({ id: result.knowledge.article.sentences[m.owner]!.id, score: m.score, direct: m.matchedDirect }));
  };
}

describe('ranking the article sentences against a question', () => {
  const rank = ranker();

  it('GIVEN the words of one sentence THEN that sentence ranks first, with a graded score', () => {
    const [first, second] = rank('what did engineers find in the cables');
    expect(first?.id).toBe('p1.s2');
    expect(first!.score).toBeGreaterThan(0.6);
    expect(second === undefined || second.score < first!.score).toBe(true);
  });

  it('GIVEN a rare word THEN it counts for more than a common one', () => {
    const [first] = rank('cables bridge');
    expect(first?.id).toBe('p1.s2');
  });

  it('GIVEN an inflection or a synonym of the sentence word THEN the sentence still ranks first', () => {
    expect(rank('how much will the work costs')[0]?.id).toBe('p2.s2');
    expect(rank('why are the shops afraid')[0]?.id).toBe('p3.s1');
  });

  it('GIVEN a match through a synonym only THEN the sentence is found, but nothing is matched directly', () => {
    const best = rank('stores').find((m) => m.id === 'p3.s1');
    expect(best).toBeDefined();
    expect(best!.direct).toBe(0);
    expect(rank('shops')[0]!.direct).toBeGreaterThan(0);
  });

  it('GIVEN no general word knowledge THEN a synonym the article does not use matches nothing', () => {
    const plain = ranker(NO_WORD_KNOWLEDGE);
    expect(plain('afraid').length).toBe(0);
  });
});
