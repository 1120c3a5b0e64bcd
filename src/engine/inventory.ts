import { stem } from './lexicon.ts';
import type { SpanKind } from './spans.ts';

/**
 * Questions about the article as a whole rather than one sentence of it: "how many people
 * are named", "name everyone quoted", "which companies are mentioned". They are answered from
 * the list of who and what the article names (curated and derived facts), not by one sentence.
 */

export interface InventoryQuestion {
  readonly kind: SpanKind;
  /** Only those the article quotes or reports as speaking. */
  readonly quotedOnly: boolean;
  /** "how many": the answer leads with the count. */
  readonly count: boolean;
}

const KIND_WORDS: ReadonlyArray<readonly [SpanKind, readonly string[]]> = [
  ['person', ['people', 'person', 'persons', 'individuals', 'names', 'everyone', 'everybody', 'anyone', 'anybody', 'who']],
  ['organisation', ['organisations', 'organizations', 'companies', 'firms', 'organisation', 'organization', 'company', 'businesses', 'institutions', 'groups']],
  ['place', ['places', 'countries', 'cities', 'locations', 'country', 'city', 'place', 'towns']],
];

/** Words that make a question about the whole article: "in the article", "mentioned", "named", "all". */
const SCOPE = new Set(['article', 'story', 'piece', 'text', 'mentioned', 'mention', 'mentions', 'named', 'name', 'list', 'all', 'every', 'everyone', 'everybody', 'quoted', 'cited', 'involved', 'appear', 'appears', 'featured']);
const QUOTED = new Set(['quoted', 'quote', 'quotes', 'cited', 'speaks', 'spoke', 'said', 'says', 'talks', 'commented']);
const ASKING = new Set(['how', 'name', 'list', 'who', 'which', 'what', 'count', 'tell', 'give']);
/** Words that name something in particular: "who is quoted on the merger" is about one thing. */
const PARTICULAR = /^(?:about|on|regarding|concerning)$/;

/** What kind of inventory a question asks for, or undefined for an ordinary question. */
export function inventoryQuestion(words: readonly string[]): InventoryQuestion | undefined {
  if (words.length === 0 || words.length > 12) return undefined;
  if (!words.some((w) => ASKING.has(w))) return undefined;
  if (!words.some((w) => SCOPE.has(w))) return undefined;
  if (words.some((w) => PARTICULAR.test(w))) return undefined;
  const quotedOnly = words.some((w) => QUOTED.has(w));
  const count = words.some((w, i) => (w === 'how' && words[i + 1] === 'many') || w === 'count' || w === 'number');
  for (const [kind, list] of KIND_WORDS) {
    // "who is quoted" and "name everyone" ask for people; "who" alone only with "quoted".
    const hit = words.some((w) => list.includes(w) && (w !== 'who' || quotedOnly));
    if (hit) return { kind, quotedOnly: quotedOnly && kind === 'person', count };
  }
  return undefined;
}

/** Whether a stem is one of the words this module reads, so the rest of the question can be checked for more. */
export function isInventoryWord(word: string): boolean {
  const s = stem(word);
  return [...SCOPE, ...QUOTED, ...ASKING].some((w) => stem(w) === s) || KIND_WORDS.some(([, list]) => list.some((w) => stem(w) === s));
}
