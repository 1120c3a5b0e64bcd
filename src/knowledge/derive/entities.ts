import { surname } from './aliases.ts';
import { countryOf, isPlacePreposition, type NameCandidate, type NameKind, type Role } from './names.ts';

/**
 * Gathers the names found sentence by sentence into entities: "Mr Varga" is the Piet
 * Varga named before, "NID" is the Northfield Institute of Design, "D.P.R.K." is
 * North Korea. A name nothing classifies takes the kind of an entity it matches, or is a place
 * when it follows "in" or "to", or is left out.
 */

export interface Located {
  readonly passageId: string;
  readonly paragraph: number;
  readonly candidate: NameCandidate;
  readonly sentence: string;
}

export interface EntityMention {
  readonly passageId: string;
  readonly paragraph: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Entity {
  readonly kind: NameKind;
  name: string;
  readonly forms: Set<string>;
  role?: Role & { readonly passageId: string; readonly paragraph: number; readonly evidence: string };
  readonly mentions: EntityMention[];
  speaks: boolean;
  acronym?: string;
}

export const nameKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s?$/, '')
    .replace(/[.\-]/g, (c) => (c === '-' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();

/** Organisation names compare without plural endings: "Media Labs Europe" is "Media Lab Europe". */
const orgKey = (s: string) =>
  nameKey(s)
    .split(' ')
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w))
    .join(' ');

export class EntityTable {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();

  private key(kind: NameKind, text: string): string {
    if (kind === 'country') return `country:${nameKey(countryOf(text) ?? text)}`;
    if (kind === 'organisation') return `organisation:${orgKey(text)}`;
    return `${kind}:${nameKey(text)}`;
  }

  find(text: string): Entity | undefined {
    for (const kind of ['person', 'organisation', 'country', 'place'] as const) {
      const e = this.byKey.get(this.key(kind, text));
      if (e) return e;
    }
    // A surname alone, or "Mr Varga": the person of that surname, when there is only one.
    const key = nameKey(text);
    const people = this.entities.filter((e) => e.kind === 'person' && nameKey(surname(e.name)) === key);
    if (people.length === 1) return people[0];
    const byAcronym = this.entities.filter((e) => e.acronym && nameKey(e.acronym) === key);
    if (byAcronym.length === 1) return byAcronym[0];
    // "Fenwick General" for "Fenwick General Hospital": the institution without its last word.
    const longer = this.entities.filter((e) => e.kind === 'organisation' && orgKey(e.name).startsWith(`${orgKey(text)} `) && orgKey(e.name).split(' ').length === orgKey(text).split(' ').length + 1);
    return longer.length === 1 ? longer[0] : undefined;
  }

  add(kind: NameKind, at: Located): Entity {
    const { candidate: c } = at;
    const display = kind === 'country' ? (countryOf(c.text) ?? c.text) : c.text.replace(/^the\s+/i, '');
    const key = this.key(kind, display);
    let e = this.byKey.get(key);
    if (!e) {
      e = { kind, name: display, forms: new Set(), mentions: [], speaks: false };
      this.byKey.set(key, e);
      this.entities.push(e);
    }
    this.attach(e, at);
    return e;
  }

  attach(e: Entity, at: Located): void {
    const { candidate: c } = at;
    e.forms.add(c.text);
    // The fullest form names the entity: "Vladimir Putin" rather than "Putin".
    if (e.kind === 'person' && c.text.split(/\s+/).length > e.name.split(/\s+/).length) e.name = c.text;
    e.mentions.push({ passageId: at.passageId, paragraph: at.paragraph, text: c.text, start: c.start, end: c.end });
    if (c.role && !e.role)
      e.role = { ...c.role, passageId: at.passageId, paragraph: at.paragraph, evidence: at.sentence.slice(c.role.spanStart, c.role.spanEnd) };
    if (c.speaks) e.speaks = true;
    if (c.acronym) {
      e.acronym = c.acronym;
      this.byKey.set(this.key(e.kind, c.acronym), e);
    }
  }
}

/** Resolves every located name to an entity, or leaves it out; returns the entity of each kept name. */
export function gatherEntities(located: readonly Located[]): { table: EntityTable; resolved: Map<Located, Entity> } {
  const table = new EntityTable();
  const resolved = new Map<Located, Entity>();
  // Full names first, so a later (or earlier) surname finds its person.
  const ordered = [...located].sort((a, b) => rank(a) - rank(b));
  // "Ms Marsh-Okafor" later makes "Helen Marsh-Okafor" a person.
  const surnames = new Set(located.filter((at) => at.candidate.kind === 'person' && !at.candidate.text.includes(' ')).map((at) => nameKey(at.candidate.text)));
  // "Ewan Rossi ... Rossi, 58, signed": a full name whose last word the article also uses alone is a
  // person's; organisations are not called by their last word.
  const alone = new Set(located.filter((at) => !at.candidate.text.includes(' ')).map((at) => nameKey(at.candidate.text)));
  for (const at of ordered) {
    const c = at.candidate;
    const words = c.text.split(/\s+/);
    if (!c.kind && words.length >= 2 && words.length <= 4 && surnames.has(nameKey(words.at(-1)!))) c.kind = 'person';
    if (!c.kind && words.length >= 2 && words.length <= 3 && alone.has(nameKey(words.at(-1)!)) && !words.some((w) => /^\p{Ll}/u.test(w))) c.kind = 'person';
    // "built by Calder Marine": who does what the sentence says is done.
    if (!c.kind && words.length >= 2 && words.length <= 4 && c.before === 'by') c.kind = 'organisation';
    if (!c.kind) continue;
    if (c.kind === 'person' && c.text.split(/\s+/).length === 1) continue;
    resolved.set(at, table.add(c.kind, at));
  }
  for (const at of ordered) {
    if (resolved.has(at)) continue;
    const c = at.candidate;
    const known = table.find(c.text);
    if (known) {
      table.attach(known, at);
      resolved.set(at, known);
      continue;
    }
    let kind: NameKind | undefined = c.kind;
    if (!kind && c.speaks) kind = c.text.split(/\s+/).length >= 2 ? 'person' : 'organisation';
    if (!kind && c.ofOffice) kind = countryOf(c.text) ? 'country' : 'organisation';
    if (!kind && c.afterCountry) kind = 'place';
    if (!kind && isPlacePreposition(c.before) && !c.modifier) kind = 'place';
    if (kind) resolved.set(at, table.add(kind, at));
  }
  return { table, resolved };
}

function rank(at: Located): number {
  const c = at.candidate;
  if (c.kind === 'person' && c.text.includes(' ')) return 0;
  if (c.kind) return 1;
  return 2;
}
