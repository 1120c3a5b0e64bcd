import type { EntityKind, FactEntry } from '../schema.ts';
import { organisationAliases, personAliases, placeAliases, slug, surname } from './aliases.ts';
import type { Entity } from './entities.ts';
import { roleAliases } from './roles.ts';

/**
 * One fact entry per entity, in facts.yaml's shape: the sentences it stands in (the one that
 * gives its role first), verbatim evidence from them, and a description that states only what
 * those sentences say.
 */

const MAX_CITES = 3;

function paragraphs(e: Entity): string {
  const ps = [...new Set(e.mentions.map((m) => m.paragraph))].sort((a, b) => a - b);
  return ps.length === 1 ? `paragraph ${ps[0]}` : `paragraphs ${ps.slice(0, -1).join(', ')} and ${ps.at(-1)}`;
}

/** "Foreign Minister" -> "the Foreign Minister"; "BT's futurologist" stays as it is. */
function withArticle(role: string, determiner: string | undefined): string {
  if (/['’]s?\s/.test(role) && !determiner) return role;
  return `${determiner ?? 'the'} ${role}`;
}

/** No curly quotes in generated text: they would claim to quote the article. */
const plain = (s: string) => s.replace(/[“”]/g, '"');

function describe(e: Entity): string {
  const where = paragraphs(e);
  switch (e.kind) {
    case 'person': {
      const said = e.speaks ? ` The article reports what ${surname(e.name)} said.` : '';
      if (e.role) return plain(`${e.name} is ${withArticle(e.role.text, e.role.determiner)}, named in ${where}.${said}`);
      return plain(`${e.name} is a person named in ${where}.${said}`);
    }
    case 'organisation':
      if (e.role) return plain(`${e.name} is ${withArticle(e.role.text, e.role.determiner ?? 'a')}, named in ${where}.`);
      return plain(`${e.name} is an organisation named in ${where}.`);
    case 'country':
      return plain(`${e.name} is a country named in ${where}.`);
    case 'place':
      return plain(`${e.name} is a place named in ${where}.`);
  }
}

export function entityFact(e: Entity, id: string, countryContext: (paragraph: number) => string | undefined): FactEntry {
  const cite: string[] = [];
  const evidence: string[] = [];
  if (e.role) {
    cite.push(e.role.passageId);
    evidence.push(e.role.evidence);
  }
  for (const m of e.mentions) {
    if (cite.length >= MAX_CITES) break;
    if (!cite.includes(m.passageId)) {
      cite.push(m.passageId);
      evidence.push(m.text);
    }
  }
  const forms = [...e.forms];
  const kind: EntityKind = e.kind;
  const aliases =
    e.kind === 'person'
      ? personAliases(e.name, forms)
      : e.kind === 'organisation'
        ? organisationAliases(e.name, forms, e.acronym)
        : placeAliases(e.name, forms);
  const role = e.role?.text;
  return {
    id,
    kind,
    name: e.name,
    aliases: aliases.filter((a) => a !== e.name),
    ...(role !== undefined && { role }),
    roleAliases: role ? roleAliases(role, { country: e.kind === 'person' ? countryContext(e.role!.paragraph) : undefined }) : [],
    description: describe(e),
    speaks: e.speaks && (e.kind === 'person' || e.kind === 'organisation'),
    cite,
    evidence: [...new Set(evidence)],
  };
}

export function uniqueId(name: string, kind: string, taken: Set<string>): string {
  const base = slug(name) || kind;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 36)}-${n}`;
  taken.add(id);
  return id;
}
