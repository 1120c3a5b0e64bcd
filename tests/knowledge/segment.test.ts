import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/knowledge/segment.ts';
import { realKnowledge } from '../support/knowledge.ts';

describe('splitSentences', () => {
  it('splits a paragraph into sentences at full stops', () => {
    expect(splitSentences('Putin wrote an article. The paper printed it. Kim read it.')).toEqual([
      'Putin wrote an article.',
      'The paper printed it.',
      'Kim read it.',
    ]);
  });

  it('splits at question marks, exclamation marks and an ellipsis too', () => {
    expect(splitSentences('Is it true? Yes! Wait… Then what?')).toEqual(['Is it true?', 'Yes!', 'Wait…', 'Then what?']);
  });

  it('does not split after the initialism "D.P.R.K.," inside a sentence', () => {
    expect(splitSentences('Kim Jong Un, leader of the D.P.R.K., had met with Putin. Then he left.')).toEqual([
      'Kim Jong Un, leader of the D.P.R.K., had met with Putin.',
      'Then he left.',
    ]);
  });

  it('does not split after "D.P.R.K." when the sentence goes on in lower case', () => {
    expect(splitSentences('He visited the D.P.R.K. and met Kim.')).toEqual(['He visited the D.P.R.K. and met Kim.']);
  });

  it('still ends a sentence at an initialism followed by a word that commonly starts one', () => {
    expect(splitSentences('He visited the U.S. The talks went well.')).toEqual(['He visited the U.S.', 'The talks went well.']);
  });

  it('does not split after a title such as "Mr." or "Dr."', () => {
    expect(splitSentences('Mr. Smith met Dr. Jones in Pyongyang. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones in Pyongyang.',
      'They talked.',
    ]);
  });

  it('does not split inside a number such as "3.5"', () => {
    expect(splitSentences('Trade rose 3.5 percent. Then it fell.')).toEqual(['Trade rose 3.5 percent.', 'Then it fell.']);
  });

  it('keeps a closing quote with the sentence it ends, and splits a quotation after its inner full stop', () => {
    expect(
      splitSentences('He said “We are ready to improve international relations. To do this, we will work.” Then he left.'),
    ).toEqual(['He said “We are ready to improve international relations.', 'To do this, we will work.”', 'Then he left.']);
  });

  it('keeps a closing quote after a question mark with its sentence', () => {
    expect(splitSentences('She asked “Why?” Nobody answered.')).toEqual(['She asked “Why?”', 'Nobody answered.']);
  });

  it('returns a paragraph without a final full stop as one sentence', () => {
    expect(splitSentences('  One sentence only  ')).toEqual(['One sentence only']);
  });

  it('splits the real article into exactly 9 sentences, p1.s1..p1.s5, p2.s1, p3.s1, p4.s1, p4.s2', async () => {
    const kb = await realKnowledge();
    expect(kb.article.sentences.map((s) => s.id)).toEqual([
      'p1.s1',
      'p1.s2',
      'p1.s3',
      'p1.s4',
      'p1.s5',
      'p2.s1',
      'p3.s1',
      'p4.s1',
      'p4.s2',
    ]);
  });

  it('splits the real first paragraph inside Putin’s quotation, after "relations."', async () => {
    const kb = await realKnowledge();
    const [s2, s3, s4] = ['p1.s2', 'p1.s3', 'p1.s4'].map((id) => kb.article.passages.get(id)?.text);
    expect(s2).toMatch(/^As reported in English by Putin’s website, he said “We are also ready .* international relations\.$/);
    expect(s3).toMatch(/^To do this, .* security in Eurasia\.”$/);
    expect(s4).toMatch(/^Kim Jong Un, leader of the D\.P\.R\.K\., had met with Putin in September 2023/);
  });
});
