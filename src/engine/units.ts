import { ENTITY_KIND_TABLE } from '../knowledge/entity-kinds.ts';
import type { AnswerType, FactEntry } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';

/** One thing the engine can answer: a curated Q&A entry or a fact about an entity. */
export interface Unit {
  readonly id: string;
  readonly source: 'qa' | 'fact';
  readonly type: AnswerType;
  /** The well-written question shown in suggestions and autocomplete. */
  readonly question: string;
  /** Phrasings matched against questions. */
  readonly phrasings: readonly string[];
  readonly answer: string;
  readonly cite: readonly string[];
  readonly topic: string;
  readonly featured: boolean;
  /** Found in the article by the tagger rather than written by a moderator. */
  readonly derived: boolean;
}

function factQuestion(f: FactEntry): string {
  switch (f.kind) {
    case 'person':
      return `Who is ${f.name}?`;
    case 'date':
    case 'event':
      return `What happened: ${f.name}?`;
    default:
      return `What is ${f.name}?`;
  }
}

/** A fact answers "who is <name>" and "who is the <role>", in every alias, both ways round. */
function factUnit(f: FactEntry, derived: boolean): Unit {
  const names = [f.name, ...f.aliases];
  const roles = [f.role, ...f.roleAliases].filter((r): r is string => Boolean(r));
  return {
    id: f.id,
    source: 'fact',
    type: ENTITY_KIND_TABLE[f.kind].answerType,
    question: factQuestion(f),
    phrasings: [...names, ...roles, ...(f.role ? [`${f.role} ${f.name}`] : [])],
    answer: f.description,
    cite: f.cite,
    topic: ENTITY_KIND_TABLE[f.kind].topic,
    featured: false,
    derived,
  };
}

export function unitsOf(kb: KnowledgeBase): Unit[] {
  const qa: Unit[] = kb.qa.map((e) => ({
    id: e.id,
    source: 'qa',
    type: e.type,
    question: e.questions[0]!,
    phrasings: e.questions,
    answer: e.answer,
    cite: e.cite,
    topic: e.topic ?? 'Other questions',
    featured: e.featured ?? false,
    derived: false,
  }));
  return [...qa, ...kb.facts.map((f) => factUnit(f, kb.derivedFactIds.has(f.id)))];
}
