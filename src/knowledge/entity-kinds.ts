import type { AnswerType, EntityKind } from './schema.ts';

/**
 * What each kind of fact is, in one table: the answer type a question about it asks for, the
 * topic it is listed under, and, for a named thing, the kind of name a sentence mentions it
 * by (a publication is named like an organisation, a country like a place).
 */
export interface EntityKindInfo {
  readonly answerType: AnswerType;
  readonly topic: string;
  readonly nameKind?: 'person' | 'organisation' | 'place';
}

export const ENTITY_KIND_TABLE: Readonly<Record<EntityKind, EntityKindInfo>> = Object.freeze({
  person: { answerType: 'person', topic: 'People', nameKind: 'person' },
  organisation: { answerType: 'organisation', topic: 'Organisations', nameKind: 'organisation' },
  publication: { answerType: 'organisation', topic: 'Organisations', nameKind: 'organisation' },
  place: { answerType: 'place', topic: 'Places', nameKind: 'place' },
  country: { answerType: 'place', topic: 'Places', nameKind: 'place' },
  date: { answerType: 'date', topic: 'Dates and events' },
  event: { answerType: 'statement', topic: 'Dates and events' },
});
