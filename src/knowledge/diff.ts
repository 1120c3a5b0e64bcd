import type { KnowledgeBase } from './types.ts';

export interface KnowledgeDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Entries keyed as `qa:<id>`, `fact:<id>`, `passage:<id>`, each with a comparable fingerprint.
 * Facts derived from the article are left out: they change with its sentences, which are
 * reported already, and listing them would bury the moderator's own edits.
 */
function keyed(kb: KnowledgeBase): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of kb.article.sentences) out.set(`passage:${p.id}`, p.text);
  for (const e of kb.qa) out.set(`qa:${e.id}`, JSON.stringify(e));
  for (const f of kb.facts) if (!kb.derivedFactIds.has(f.id)) out.set(`fact:${f.id}`, JSON.stringify(f));
  out.set('concepts', JSON.stringify(kb.concepts));
  out.set('article:meta', JSON.stringify(kb.article.meta));
  return out;
}

/** What a refresh changes, entry by entry, so a moderator can see exactly what went live. */
export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeDiff {
  const a = keyed(before);
  const b = keyed(after);
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [key, value] of b) {
    const old = a.get(key);
    if (old === undefined) added.push(key);
    else if (old !== value) changed.push(key);
  }
  for (const key of a.keys()) if (!b.has(key)) removed.push(key);
  return { added, changed, removed };
}
