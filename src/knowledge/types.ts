import type { ArticleFrontMatter, ConceptsFile, FactEntry, QaEntry } from './schema.ts';

/** A name, date or number found in one sentence of the article. */
export type MentionKind = 'person' | 'organisation' | 'place' | 'country' | 'date' | 'number' | 'money' | 'percent';

export interface Mention {
  readonly kind: MentionKind;
  /** Verbatim substring of the sentence. */
  readonly text: string;
  /** Sentence id, e.g. "p4.s2". */
  readonly passageId: string;
  /** Offsets into that sentence's text. */
  readonly start: number;
  readonly end: number;
  /** The fact it refers to, for people, organisations and places. */
  readonly entityId?: string;
}

/** A quotable piece of the article: a whole paragraph (`p2`) or one sentence of it (`p2.s1`). */
export interface Passage {
  readonly id: string;
  readonly paragraph: number;
  /** 1-based sentence number; absent for a whole paragraph. */
  readonly sentence?: number;
  readonly text: string;
}

export interface Article {
  readonly meta: ArticleFrontMatter;
  readonly paragraphs: readonly Passage[];
  readonly sentences: readonly Passage[];
  /** Every paragraph and sentence by id. */
  readonly passages: ReadonlyMap<string, Passage>;
}

/** Everything in `knowledge/`, validated and cross-checked. Never mutated after loading. */
export interface KnowledgeBase {
  readonly article: Article;
  readonly qa: readonly QaEntry[];
  /** Curated facts, then those derived from the article that no curated fact covers. */
  readonly facts: readonly FactEntry[];
  /** Ids in `facts` derived from the article rather than written in facts.yaml. */
  readonly derivedFactIds: ReadonlySet<string>;
  /** Every name, date, number, amount and percentage in the article's sentences. */
  readonly mentions: readonly Mention[];
  readonly concepts: ConceptsFile;
  /** Short content hash of all knowledge files: the same files give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
}

/** One problem in a knowledge file, precise enough for a moderator to fix it. */
export interface KnowledgeProblem {
  readonly file: string;
  /** The entry id (or `#index` when the entry has no usable id). */
  readonly entry?: string;
  readonly message: string;
  /** The line of the file where the entry starts, when known (a schema error in a YAML list). */
  readonly line?: number;
  /** A warning does not stop the knowledge loading; absent means an error. */
  readonly severity?: 'warning';
  /** `missing-cite`: the entry cites a sentence or paragraph the article does not have. */
  readonly code?: 'missing-cite';
  /** With `missing-cite`: how many entries the file has, so a report can say "58 of 58". */
  readonly entriesInFile?: number;
}

export type LoadResult =
  | { readonly ok: true; readonly knowledge: KnowledgeBase }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };
