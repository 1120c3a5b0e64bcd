import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SENTENCE_ID } from '../../src/knowledge/schema.ts';
import { articleBody, KNOWLEDGE_DIR, realKnowledge } from '../support/knowledge.ts';

/**
 * The proof that every quote is verbatim: the bot only ever quotes sentences, every
 * sentence is a piece of the article file as written, and every curated citation resolves
 * to sentences that hold its evidence word for word.
 */
describe('every quote in the real knowledge is verbatim article text', async () => {
  const kb = await realKnowledge();
  const body = articleBody(await readFile(join(KNOWLEDGE_DIR, 'article.md'), 'utf8'));
  const cited = [
    ...kb.qa.map((e) => ({ where: `qa.yaml [${e.id}]`, cite: e.cite, evidence: e.evidence ?? [] })),
    ...kb.facts.map((f) => ({ where: `facts.yaml [${f.id}]`, cite: f.cite, evidence: f.evidence ?? [] })),
  ];

  it('has entries to check', () => {
    expect(kb.qa.length).toBeGreaterThan(0);
    expect(kb.facts.length).toBeGreaterThan(0);
  });

  it('every sentence text is a substring of the article body', () => {
    for (const s of kb.article.sentences) expect(body, s.id).toContain(s.text);
  });

  it('every sentence is a substring of its own paragraph, in order, and together they make the paragraph', () => {
    for (const p of kb.article.paragraphs) {
      const own = kb.article.sentences.filter((s) => s.paragraph === p.paragraph);
      expect(own.length, p.id).toBeGreaterThan(0);
      expect(own.map((s) => s.text).join(' '), p.id).toBe(p.text);
    }
  });

  it('every qa and fact citation resolves to a sentence of the article, 1 to 3 of them', () => {
    const wrong: string[] = [];
    for (const { where, cite } of cited) {
      if (cite.length < 1 || cite.length > 3) wrong.push(`${where}: ${cite.length} citations`);
      for (const id of cite) {
        const passage = kb.article.passages.get(id);
        if (!SENTENCE_ID.test(id) || passage?.sentence === undefined) wrong.push(`${where}: ${id} is not a sentence`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every evidence fragment is word for word in one of the sentences its entry cites', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { where, cite, evidence } of cited) {
      const texts = cite.map((id) => kb.article.passages.get(id)?.text ?? '');
      for (const fragment of evidence) {
        checked++;
        if (!texts.some((t) => t.includes(fragment))) wrong.push(`${where}: "${fragment}" is not in ${cite.join(', ')}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
