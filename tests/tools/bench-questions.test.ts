import { describe, expect, it } from 'vitest';
import { renamed, scaleKnowledge } from '../../tools/bench-questions.ts';
import { words } from '../../src/engine/normalise.ts';
import { realKnowledge } from '../support/knowledge.ts';

describe('the benchmark knowledge N times bigger', async () => {
  const base = await realKnowledge();
  const kb = scaleKnowledge(base, 3);
  const facts = base.facts.length;
  const sentences = base.article.sentences.length;

  it('GIVEN scale 1 THEN it is the knowledge itself', () => {
    expect(scaleKnowledge(base, 1)).toBe(base);
  });

  it('GIVEN 3 copies THEN every entry, fact, sentence and mention is there 3 times, each citing its own copy', () => {
    expect(kb.qa).toHaveLength(3 * base.qa.length);
    expect(kb.facts).toHaveLength(3 * facts);
    expect(kb.article.sentences).toHaveLength(3 * sentences);
    expect(kb.mentions).toHaveLength(3 * base.mentions.length);
    for (const e of [...kb.qa, ...kb.facts]) for (const c of e.cite) expect(kb.article.passages.has(c), `${e.id} cites ${c}`).toBe(true);
    expect(new Set(kb.facts.map((f) => f.id)).size).toBe(kb.facts.length);
  });

  it('GIVEN a copy THEN it names its own people and places: no copy shares a name with another', () => {
    const putin = [0, 1, 2].map((k) => kb.facts[k * facts + base.facts.findIndex((f) => f.id === 'putin')]!);
    expect(putin[0]!.name).toBe('Vladimir Putin');
    expect(new Set(putin.map((f) => f.name)).size).toBe(3);
    const surnames = putin.map((f) => words(f.name).at(-1)!);
    for (const k of [1, 2]) {
      expect(kb.article.sentences[k * sentences]!.text).toContain(putin[k]!.name);
      expect(kb.article.sentences[k * sentences]!.text).not.toContain('Putin');
      expect(kb.qa[k * base.qa.length + 1]!.questions.join(' ').toLowerCase()).toContain(surnames[k]);
    }
  });

  it('GIVEN a copy THEN the ordinary words stay as they are, and every mention still points at its own text', () => {
    const original = words(base.article.sentences[0]!.text);
    const copy = words(kb.article.sentences[sentences]!.text);
    expect(copy).toHaveLength(original.length);
    const same = original.filter((w, i) => copy[i] === w);
    expect(same).toEqual(expect.arrayContaining(['published', 'thoughts', 'from', 'about', 'his', 'upcoming', 'visit']));
    for (const m of kb.mentions) expect(kb.article.passages.get(m.passageId)!.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('GIVEN a name THEN each copy spells it differently, at the same length and case, in every letter', () => {
    const spellings = Array.from({ length: 1000 }, (_, k) => renamed('Putin', k + 1));
    expect(new Set(spellings).size).toBe(1000);
    for (const s of spellings) {
      expect(s).toMatch(/^[A-Z][a-z]{4}$/);
      for (let i = 0; i < 5; i++) expect(s[i]!.toLowerCase()).not.toBe('putin'[i]);
    }
    expect(renamed('Путин', 1)).toMatch(/^[А-Я][а-я]{4}$/);
  });
});
