import type { FactEntry } from '../schema.ts';
import type { Article, Mention } from '../types.ts';
import { deriveKnowledge, type DerivedKnowledge } from './index.ts';
import { mergeFacts, nameKey } from './merge.ts';

/**
 * What the loader adds to the curated files: derived facts merged under the curated ones,
 * each checked like a curated fact (one that fails is left out, never a load error), and the
 * article's mentions pointing at the merged facts.
 */

export interface WithDerived {
  readonly facts: readonly FactEntry[];
  readonly derivedFactIds: ReadonlySet<string>;
  readonly mentions: readonly Mention[];
}

/** What the article gives, or nothing: derived knowledge only adds to the curated files, so text the tagger cannot take adds nothing. */
export function deriveOrNothing(article: Pick<Article, 'sentences'>): DerivedKnowledge {
  try {
    return deriveKnowledge(article);
  } catch {
    return { facts: [], mentions: [] };
  }
}

/** `derived` is what `deriveOrNothing` gives for the article. */
export function addDerivedKnowledge(
  derived: DerivedKnowledge,
  curated: readonly FactEntry[],
  options: { readonly suppress: readonly string[]; readonly takenIds: ReadonlySet<string>; readonly isValid: (fact: FactEntry) => boolean },
): WithDerived {
  const candidates = derived.facts.filter((f) => !options.takenIds.has(f.id) && options.isValid(f));
  const facts = mergeFacts(curated, candidates, options.suppress);
  const curatedIds = new Set(curated.map((f) => f.id));
  const derivedFactIds = new Set(facts.filter((f) => !curatedIds.has(f.id)).map((f) => f.id));

  // Every name and alias of a merged fact, so a mention finds the fact that won.
  const byName = new Map<string, string>();
  for (const f of facts) for (const n of [f.name, ...f.aliases]) if (!byName.has(nameKey(n))) byName.set(nameKey(n), f.id);
  const derivedById = new Map(derived.facts.map((f) => [f.id, f]));
  const finalId = (m: Mention): string | undefined => {
    const own = m.entityId === undefined ? undefined : derivedById.get(m.entityId);
    for (const n of [m.text, ...(own ? [own.name, ...own.aliases] : [])]) {
      const id = byName.get(nameKey(n));
      if (id) return id;
    }
    return undefined;
  };
  const mentions = derived.mentions.map((m): Mention => {
    if (m.entityId === undefined) return m;
    const { entityId: _dropped, ...rest } = m;
    const id = finalId(m);
    return id === undefined ? rest : { ...rest, entityId: id };
  });
  return { facts, derivedFactIds, mentions };
}
