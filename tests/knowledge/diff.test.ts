import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffKnowledge } from '../../src/knowledge/diff.ts';
import { buildKnowledge } from '../../src/knowledge/loader.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';

const ARTICLE = 'Alpha met Beta in 2001. They talked about trade.\n\nGamma joined them.\n';
const ENTRY = { id: 'meeting', type: 'date', questions: ['When did Alpha meet Beta?'], answer: 'In 2001.', cite: ['p1.s1'] };
const OTHER = { id: 'trade', type: 'statement', questions: ['What did they talk about?'], answer: 'Trade.', cite: ['p1.s2'] };
const GAMMA = { id: 'gamma', kind: 'person', name: 'Gamma', description: 'Gamma joined them.', cite: ['p2.s1'] };

function kb(options: { article?: string; qa?: object[]; facts?: object[]; concepts?: string } = {}): KnowledgeBase {
  const result = buildKnowledge({
    'article.md': options.article ?? ARTICLE,
    'qa.yaml': stringify({ entries: options.qa ?? [ENTRY, OTHER] }),
    'facts.yaml': stringify({ entities: options.facts ?? [GAMMA] }),
    ...(options.concepts === undefined ? {} : { 'concepts.yaml': options.concepts }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.knowledge;
}

describe('diffKnowledge', () => {
  it('reports nothing between two loads of the same files', () => {
    expect(diffKnowledge(kb(), kb())).toEqual({ added: [], changed: [], removed: [] });
  });

  it('reports an added Q&A entry by its key', () => {
    const extra = { id: 'gamma-joined', type: 'person', questions: ['Who joined them?'], answer: 'Gamma.', cite: ['p2.s1'] };
    expect(diffKnowledge(kb(), kb({ qa: [ENTRY, OTHER, extra] }))).toEqual({ added: ['qa:gamma-joined'], changed: [], removed: [] });
  });

  it('reports a changed Q&A entry by its key, and only that one', () => {
    const after = kb({ qa: [{ ...ENTRY, answer: 'In the year 2001.' }, OTHER] });
    expect(diffKnowledge(kb(), after)).toEqual({ added: [], changed: ['qa:meeting'], removed: [] });
  });

  it('reports a removed fact by its key', () => {
    expect(diffKnowledge(kb(), kb({ facts: [] }))).toEqual({ added: [], changed: [], removed: ['fact:gamma'] });
  });

  it('reports new and changed article sentences as passages', () => {
    const after = kb({ article: 'Alpha met Beta in 2001. They talked about trade and tourism.\n\nGamma joined them.\n\nDelta stayed home.\n' });
    expect(diffKnowledge(kb(), after)).toEqual({ added: ['passage:p3.s1'], changed: ['passage:p1.s2'], removed: [] });
  });

  it('reports removed article sentences as passages', () => {
    const before = kb({ article: `${ARTICLE}\nDelta stayed home. Epsilon left.\n` });
    expect(diffKnowledge(before, kb())).toEqual({ added: [], changed: [], removed: ['passage:p3.s1', 'passage:p3.s2'] });
  });

  it('reports changed concepts and changed article front matter', () => {
    const before = kb();
    const after = kb({ article: `---\ntitle: New title\n---\n${ARTICLE}`, concepts: 'synonyms:\n  - [trade, commerce]\n' });
    expect(diffKnowledge(before, after)).toEqual({ added: [], changed: ['concepts', 'article:meta'], removed: [] });
  });

  it('reports several changes at once, each in its own list', () => {
    const after = kb({ qa: [{ ...OTHER, answer: 'Trade, mostly.' }], facts: [GAMMA, { ...GAMMA, id: 'gamma-2', name: 'Gamma Two' }] });
    const diff = diffKnowledge(kb(), after);
    expect(diff.added).toEqual(['fact:gamma-2']);
    expect(diff.changed).toEqual(['qa:trade']);
    expect(diff.removed).toEqual(['qa:meeting']);
  });
});
