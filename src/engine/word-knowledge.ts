import type { SpanKind } from './spans.ts';
import { categoriesOf, frequency, irregularForms, isChatFiller, isEnglishWord, isProperName, lemmas, related, spellingVariants, synonyms } from '../lexical/index.ts';

/**
 * What the engine knows about English words in general, whatever the article: which words are
 * ordinary English (no sign that a question is off the article's subject), and which other
 * words can mean the same.
 */
export interface WordKnowledge {
  /** A word of ordinary English, in any inflection; not a proper name. */
  isOrdinary(word: string): boolean;
  /**
   * Words and phrases that can stand for this one, each with how surely it means the same
   * (1: another spelling; less for a related form; least for a synonym, which may be of another sense).
   */
  alternatives(word: string): readonly Alternative[];
  /** How common the word is, on the Zipf scale: 3 is once per million words, 6 a word like "have"; 0 unknown. */
  frequency(word: string): number;
  /** The kinds of name a plural noun counts: people for "officials", organisations for "firms". */
  kindsOf(noun: string): readonly SpanKind[];
  /** Whether a place can be what the noun asks for: Aberdeen is a town, Russia is not; unknown names may be. */
  placeFits(name: string, noun: string): boolean;
  /** The country a word of nationality names: "Uruguayan" -> "Uruguay". */
  countryOf(adjective: string): string | undefined;
}

export interface Alternative {
  readonly word: string;
  readonly credit: number;
}

/** Knows no words: the engine then relies on the knowledge base's own vocabulary alone. */
export const NO_WORD_KNOWLEDGE: WordKnowledge = Object.freeze({
  isOrdinary: () => false,
  alternatives: () => [],
  frequency: () => 0,
  kindsOf: (noun: string): readonly SpanKind[] => (PEOPLE.has(noun) ? ['person'] : []),
  placeFits: () => true,
  countryOf: () => undefined,
});

/** Kinds of place a question names, and the categories of WordNet that are that kind. */
const PLACE_CLASSES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['town', 'city', 'village', 'capital'], ['town', 'city', 'municipality', 'urban area', 'capital', 'village', 'metropolis']],
  [['country', 'nation'], ['country', 'nation', 'state']],
  [['region', 'province', 'continent'], ['region', 'district', 'territory', 'geographical area', 'geographic area', 'continent', 'province']],
];

const PEOPLE = new Set(['people', 'persons', 'person', 'names', 'individuals', 'men', 'women', 'figures']);
const KIND_CATEGORIES: ReadonlyArray<readonly [SpanKind, readonly string[]]> = [
  ['person', ['person', 'individual', 'someone']],
  ['organisation', ['organization', 'organisation', 'institution', 'company', 'business', 'enterprise']],
  ['place', ['country', 'city', 'municipality', 'geographical area', 'geographic area', 'location', 'region', 'political unit']],
];

const CREDIT = Object.freeze({ spelling: 1, lemma: 0.95, related: 0.85, synonym: 0.6 });

/** Enough alternatives to find the article's word, few enough that a wild sense rarely matters. */
const MAX_ALTERNATIVES = 16;

/** General English from WordNet (src/lexical). */
export const ENGLISH: WordKnowledge = Object.freeze({
  isOrdinary: (word: string) => isChatFiller(word) || (isEnglishWord(word) && !isProperName(word)),
  frequency,
  countryOf(adjective: string): string | undefined {
    const country = related(adjective.toLowerCase()).find((w) => w !== adjective.toLowerCase() && categoriesOf(w).includes('country'));
    return country ? country.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : undefined;
  },
  placeFits(name: string, noun: string): boolean {
    const wanted = PLACE_CLASSES.find(([nouns]) => nouns.includes(noun));
    if (!wanted) return true;
    const lower = name.toLowerCase();
    // "Far East", "Castle Lane": a name WordNet does not know is judged by its last word; a
    // place it knows nothing of may be anything.
    let categories = categoriesOf(lower);
    if (categories.length === 0) categories = categoriesOf(lower.split(/\s+/).at(-1) ?? lower);
    if (categories.length === 0) return true;
    return wanted[1].some((c) => categories.includes(c));
  },
  kindsOf(noun: string): readonly SpanKind[] {
    if (PEOPLE.has(noun)) return ['person'];
    // "how many countries": places, though WordNet files a country among groups of people too.
    const base = lemmas(noun)[0] ?? noun;
    if (PLACE_CLASSES.some(([nouns]) => nouns.includes(base))) return ['place'];
    const categories = categoriesOf(noun);
    return KIND_CATEGORIES.filter(([, names]) => names.some((n) => categories.includes(n))).map(([kind]) => kind).slice(0, 1);
  },
  alternatives(word: string): readonly Alternative[] {
    const out: Alternative[] = [];
    const add = (w: string, credit: number) => {
      if (w !== word && !out.some((a) => a.word === w)) out.push({ word: w, credit });
    };
    for (const w of spellingVariants(word)) add(w, CREDIT.spelling);
    for (const w of lemmas(word)) add(w, CREDIT.lemma);
    // "building" and "built": forms of one verb, though one is no regular inflection of the other.
    for (const base of [word, ...lemmas(word)]) for (const w of irregularForms(base)) add(w, CREDIT.lemma);
    for (const w of related(word)) add(w, CREDIT.related);
    for (const base of lemmas(word)) for (const w of related(base)) add(w, CREDIT.related);
    for (const w of synonyms(word)) add(w, CREDIT.synonym);
    return out.slice(0, MAX_ALTERNATIVES);
  },
});
