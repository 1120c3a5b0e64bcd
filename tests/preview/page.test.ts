import { describe, expect, it } from 'vitest';
import { examplePlaceholder, renderPage } from '../../src/preview/page.ts';
import type { FactEntry } from '../../src/knowledge/schema.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';
import { fakeKnowledge } from '../support/fake-engine.ts';

function person(id: string, name: string): FactEntry {
  return { id, kind: 'person', name, aliases: [], roleAliases: [], description: `${name}.`, speaks: false, cite: ['p1.s1'] } as FactEntry;
}

function withFacts(facts: readonly FactEntry[], derived: readonly string[] = [], title?: string): KnowledgeBase {
  const kb = fakeKnowledge();
  return { ...kb, article: { ...kb.article, meta: title === undefined ? {} : { title } }, facts, derivedFactIds: new Set(derived) };
}

describe('the example in the question box', () => {
  it('GIVEN people derived from the article THEN it asks about the first of them', () => {
    const kb = withFacts([person('curated', 'Ada Curated'), person('derived-1', 'Jane Roe'), person('derived-2', 'John Doe')], ['derived-1', 'derived-2']);
    expect(examplePlaceholder(kb)).toBe('who is Jane Roe?');
  });

  it('GIVEN only curated people THEN it asks about the first of them', () => {
    expect(examplePlaceholder(withFacts([person('a', 'Ada Curated')]))).toBe('who is Ada Curated?');
  });

  it('GIVEN no person THEN it asks about the title, or about the article', () => {
    expect(examplePlaceholder(withFacts([], [], 'Council passes budget'))).toBe('what is "Council passes budget" about?');
    expect(examplePlaceholder(withFacts([]))).toBe('what is the article about?');
  });

  it('is what the page shows, escaped, and never the old fixed example', () => {
    const html = renderPage({
      knowledge: withFacts([person('p', 'Tom "T" <Smith>')], ['p']),
      coverage: [],
      unanswered: [],
      unansweredTotal: 0,
      tallies: [],
      entryLabel: () => undefined,
    });
    expect(html).toContain('placeholder="who is Tom &quot;T&quot; &lt;Smith&gt;?"');
    expect(html).not.toContain('who runs roscosmos');
  });
});
