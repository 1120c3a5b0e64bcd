/**
 * What the engine knows about English words in general, whatever the article: which words are
 * ordinary English (no sign that a question is off the article's subject), and which other
 * words can mean the same.
 */
export interface WordKnowledge {
  /** A word of ordinary English, in any inflection; not a proper name. */
  isOrdinary(word: string): boolean;
  /** Words and phrases that can stand for this one: synonyms, base forms, spelling variants, related forms. */
  alternatives(word: string): readonly string[];
}

/** Knows no words: the engine then relies on the knowledge base's own vocabulary alone. */
export const NO_WORD_KNOWLEDGE: WordKnowledge = Object.freeze({
  isOrdinary: () => false,
  alternatives: () => [],
});
