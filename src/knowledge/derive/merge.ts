import type { FactEntry } from '../schema.ts';

/**
 * Curated facts win. A derived fact is dropped when its name or any alias is a name or alias
 * of a curated fact (the same thing, already described by hand), or when a moderator listed its
 * id or name under `suppress`. Kept derived facts get ids no curated fact uses.
 */

/** Names compare without case, curly apostrophes, dots or hyphens: "Kim Jong-un" is "Kim Jong Un". */
export const nameKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\./g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
const key = nameKey;

export function mergeFacts(curated: readonly FactEntry[], derived: readonly FactEntry[], suppress: readonly string[]): FactEntry[] {
  const curatedNames = new Set<string>();
  for (const f of curated) for (const n of [f.name, ...f.aliases]) curatedNames.add(key(n));
  const suppressed = new Set(suppress.map(key));
  const taken = new Set(curated.map((f) => f.id));
  const out: FactEntry[] = [...curated];
  for (const f of derived) {
    if (suppressed.has(key(f.id)) || suppressed.has(key(f.name))) continue;
    if ([f.name, ...f.aliases].some((n) => curatedNames.has(key(n)))) continue;
    let id = f.id;
    for (let n = 2; taken.has(id); n++) id = `${f.id.slice(0, 36)}-${n}`;
    taken.add(id);
    out.push(id === f.id ? f : { ...f, id });
  }
  return out;
}
