import type { KnowledgeBase, Passage } from '../knowledge/types.ts';

/**
 * What covers each sentence of the article: the curated Q&A entries and facts that cite it, the
 * facts derived from the article by the tagger, and any other source of answers handed in as
 * extra sources. A sentence nothing cites can still answer a question on its own, but only if
 * its words match closely; moderators look here for what deserves an entry.
 */

export type CoverageKind = 'qa' | 'fact' | 'derived';

export interface CoverageSource {
  readonly kind: CoverageKind;
  readonly id: string;
  /** How a moderator recognises it: the entry's question, the fact's name. */
  readonly label: string;
  readonly cite: readonly string[];
}

export interface SentenceCoverage {
  readonly passage: Passage;
  readonly sources: readonly CoverageSource[];
}

export interface ParagraphCoverage {
  readonly paragraph: number;
  readonly sentences: readonly SentenceCoverage[];
}

/** Q&A entries, curated facts, and the facts the loader derived from the article. */
export function knowledgeSources(kb: KnowledgeBase): CoverageSource[] {
  return [
    ...kb.qa.map((e) => ({ kind: 'qa' as const, id: e.id, label: e.questions[0] ?? e.id, cite: e.cite })),
    ...kb.facts.map((f) => ({
      kind: kb.derivedFactIds.has(f.id) ? ('derived' as const) : ('fact' as const),
      id: f.id,
      label: f.role !== undefined ? `${f.name}, ${f.role}` : f.name,
      cite: f.cite,
    })),
  ];
}

export function coverageOf(kb: KnowledgeBase, extra: readonly CoverageSource[] = []): ParagraphCoverage[] {
  const sources = [...knowledgeSources(kb), ...extra];
  const bySentence = new Map<string, CoverageSource[]>();
  for (const s of sources)
    for (const id of s.cite) {
      const list = bySentence.get(id) ?? [];
      list.push(s);
      bySentence.set(id, list);
    }
  const paragraphs = new Map<number, SentenceCoverage[]>();
  for (const passage of kb.article.sentences) {
    const list = paragraphs.get(passage.paragraph) ?? [];
    list.push({ passage, sources: bySentence.get(passage.id) ?? [] });
    paragraphs.set(passage.paragraph, list);
  }
  return [...paragraphs.entries()].sort(([a], [b]) => a - b).map(([paragraph, sentences]) => ({ paragraph, sentences }));
}
