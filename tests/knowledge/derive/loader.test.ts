import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffKnowledge } from '../../../src/knowledge/diff.ts';
import { buildKnowledge, type KnowledgeSources } from '../../../src/knowledge/loader.ts';
import type { KnowledgeBase, LoadResult } from '../../../src/knowledge/types.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { ARTICLES } from './support.ts';

function ok(result: LoadResult): KnowledgeBase {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file} [${p.entry}]: ${p.message}`).join('\n'));
  return result.knowledge;
}

async function sources(facts: unknown = { entities: [] }, qa: unknown = { entries: [] }): Promise<KnowledgeSources> {
  return {
    'article.md': await readFile(join(ARTICLES, 'city-council.md'), 'utf8'),
    'qa.yaml': stringify(qa),
    'facts.yaml': stringify(facts),
  };
}

const delgado = {
  id: 'mayor',
  kind: 'person',
  name: 'Grace Delgado',
  aliases: ['Delgado', 'the mayor'],
  role: 'Mayor of Riverton',
  description: 'Grace Delgado is the Mayor.',
  cite: ['p1.s2'],
};

describe('the loader with derived knowledge', () => {
  it('GIVEN an article and no curated facts THEN the facts are derived, marked as such, and mentions point at them', async () => {
    const kb = ok(buildKnowledge(await sources()));
    expect(kb.facts.map((f) => f.name)).toEqual(expect.arrayContaining(['Grace Delgado', 'Tom Reyes', 'Ines Varga', 'Riverton City Council']));
    expect(kb.derivedFactIds.size).toBe(kb.facts.length);
    const ids = new Set(kb.facts.map((f) => f.id));
    const named = kb.mentions.filter((m) => ['person', 'organisation', 'place', 'country'].includes(m.kind));
    expect(named.length).toBeGreaterThan(0);
    for (const m of named) expect(ids.has(m.entityId!), `${m.text}`).toBe(true);
    expect(kb.mentions.filter((m) => m.kind === 'money').map((m) => m.text)).toEqual(['£340 million']);
  });

  it('GIVEN a curated fact about the same person THEN the curated one stands alone and her mentions point at it', async () => {
    const kb = ok(buildKnowledge(await sources({ entities: [delgado] })));
    expect(kb.facts.filter((f) => f.name === 'Grace Delgado')).toEqual([expect.objectContaining({ id: 'mayor', role: 'Mayor of Riverton' })]);
    expect(kb.derivedFactIds.has('mayor')).toBe(false);
    expect(kb.mentions.filter((m) => m.entityId === 'mayor').map((m) => `${m.passageId} ${m.text}`)).toEqual(['p1.s2 Grace Delgado', 'p3.s2 Delgado']);
  });

  it('GIVEN `suppress` in facts.yaml THEN those derived facts are gone, and their mentions point at nothing', async () => {
    const kb = ok(buildKnowledge(await sources({ entities: [], suppress: ['tom-reyes', 'Green Party'] })));
    expect(kb.facts.map((f) => f.name)).not.toContain('Tom Reyes');
    expect(kb.facts.map((f) => f.name)).not.toContain('Green Party');
    expect(kb.mentions.find((m) => m.text === 'Tom Reyes')).toMatchObject({ kind: 'person' });
    expect(kb.mentions.find((m) => m.text === 'Tom Reyes')!.entityId).toBeUndefined();
  });

  it('GIVEN a Q&A entry whose id a derived fact would take THEN the derived fact is left out, not a load error', async () => {
    const entry = { id: 'grace-delgado', type: 'person', questions: ['Who is the mayor?'], answer: 'Grace Delgado.', cite: ['p1.s2'] };
    const kb = ok(buildKnowledge(await sources({ entities: [] }, { entries: [entry] })));
    expect(kb.facts.map((f) => f.id)).not.toContain('grace-delgado');
  });

  it('GIVEN derived facts THEN a refresh report lists only curated changes', async () => {
    const before = ok(buildKnowledge(await sources()));
    const after = ok(buildKnowledge(await sources({ entities: [delgado] })));
    expect(diffKnowledge(before, after)).toEqual({ added: ['fact:mayor'], changed: [], removed: [] });
  });

  it('GIVEN the shipped knowledge THEN it still loads, every curated fact is kept as written, and derived facts only add', async () => {
    const kb = await realKnowledge();
    const curated = kb.facts.filter((f) => !kb.derivedFactIds.has(f.id));
    expect(curated.length).toBe(28);
    expect(kb.facts.slice(0, curated.length)).toEqual(curated);
    expect(kb.mentions.find((m) => m.text === 'Sergey Lavrov')?.entityId).toBe('lavrov');
  });
});
