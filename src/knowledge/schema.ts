import { z } from 'zod';

/**
 * Schemas of the files in `knowledge/`. Moderators edit these files by hand, so every
 * field is checked here once; code past the loader trusts the resulting types.
 */

/** `p2.s1` is sentence 1 of paragraph 2; `p2` is the whole paragraph. Both 1-based. */
export const PASSAGE_ID = /^p([1-9]\d*)(?:\.s([1-9]\d*))?$/;

/** Citations name sentences, so a quote is never longer than the sentence that says it. */
export const SENTENCE_ID = /^p([1-9]\d*)\.s([1-9]\d*)$/;
const passageId = z.string().regex(SENTENCE_ID, 'must be a sentence id such as "p2.s1"');
const entryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lowercase letters, digits or dashes');
const text = z.string().trim().min(1, 'must not be empty');

/** What kind of answer an entry gives; questions like "when" or "how many" need a matching kind. */
export const ANSWER_TYPES = [
  'person',
  'organisation',
  'place',
  'date',
  'number',
  'list',
  'statement',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const articleFrontMatterSchema = z
  .object({
    title: text.optional(),
    source: text.optional(),
    url: z.url().optional(),
    published: text.optional(),
    author: text.optional(),
    language: text.optional(),
  })
  .strict();
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export const qaEntrySchema = z
  .object({
    id: entryId,
    topic: text.optional(),
    type: z.enum(ANSWER_TYPES),
    questions: z.array(text).min(1, 'needs at least one question'),
    answer: text,
    cite: z.array(passageId).min(1, 'needs at least one citation').max(3, 'cites at most 3 passages'),
    evidence: z.array(text).optional(),
    featured: z.boolean().optional(),
  })
  .strict();
export type QaEntry = z.infer<typeof qaEntrySchema>;

export const qaFileSchema = z.object({ entries: z.array(z.unknown()).nullish().transform((v) => v ?? []) }).strict();

export const ENTITY_KINDS = ['person', 'organisation', 'place', 'country', 'date', 'publication', 'event'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const factEntrySchema = z
  .object({
    id: entryId,
    kind: z.enum(ENTITY_KINDS),
    name: text,
    aliases: z.array(text).default([]),
    role: text.optional(),
    roleAliases: z.array(text).default([]),
    description: text,
    speaks: z.boolean().default(false),
    cite: z.array(passageId).min(1, 'needs at least one citation').max(3, 'cites at most 3 passages'),
    evidence: z.array(text).optional(),
  })
  .strict();
export type FactEntry = z.infer<typeof factEntrySchema>;

export const factsFileSchema = z
  .object({
    entities: z.array(z.unknown()).nullish().transform((v) => v ?? []),
    /** Ids or names of derived facts that are wrong: a moderator's veto over what the article seemed to say. */
    suppress: z.array(text).default([]),
  })
  .strict();

export const conceptsFileSchema = z
  .object({
    synonyms: z.array(z.array(text).min(2, 'a synonym group needs at least two terms')).default([]),
    speech: z.array(text).default([]),
    /** Pairs that cannot both be meant: a question about the first visit is not about the last one. */
    opposites: z.array(z.tuple([text, text])).default([]),
  })
  .strict();
export type ConceptsFile = z.infer<typeof conceptsFileSchema>;
