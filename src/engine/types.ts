import type { AnswerType } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { FeatureVector } from './features.ts';

export interface Citation {
  /** Verbatim article text: a whole sentence. */
  readonly quote: string;
  readonly passageId: string;
  readonly paragraph: number;
  readonly sentence: number;
}

/** A question the engine can answer, offered as a suggestion or an autocomplete choice. */
export interface Suggestion {
  /** Stable id of the entry that answers it (Q&A or fact entry id). */
  readonly id: string;
  readonly question: string;
}

export interface Answer {
  /** The question as asked (after capping its length). */
  readonly question: string;
  readonly found: boolean;
  /** The short answer, or the plain decline when `found` is false. */
  readonly answer: string;
  /** 0..1: how sure the engine is that the answer fits the question. */
  readonly confidence: number;
  /** The sentences that say it: at most 3; empty when declined. */
  readonly citations: readonly Citation[];
  /** Up to 3 close questions it can answer; filled when declined. */
  readonly suggestions: readonly Suggestion[];
  /** The id of the entry that answered, when one did. */
  readonly entryId?: string;
  /** Something the asker should know about their input (e.g. it was shortened). */
  readonly notice?: string;
}

export interface Topic {
  readonly name: string;
  readonly questions: readonly Suggestion[];
}

/** A knowledge base and its index: one immutable value, swapped whole on refresh. */
export interface Engine {
  readonly knowledge: KnowledgeBase;
  ask(question: string): Answer;
  /** Answers the entry with this id directly (suggestion buttons); undefined when unknown. */
  answerEntry(id: string): Answer | undefined;
  /** Known questions that fuzzy-match what was typed so far; the featured ones for empty input. */
  complete(partial: string, limit?: number): readonly Suggestion[];
  topics(): readonly Topic[];
  /** What the decision saw: the rule layers' answer and every candidate sentence with its features (for evaluation and fitting). */
  explain(question: string): Explanation;
}

export interface ExplainedCandidate {
  readonly quote: string;
  readonly passageId: string;
  readonly features: FeatureVector;
  readonly probability: number;
}

export interface Explanation {
  readonly rules: Answer;
  /** Likeliest first. */
  readonly candidates: readonly ExplainedCandidate[];
}

export type { AnswerType };
