import { table } from './data.ts';

/** Parts of speech as WordNet has them. */
export type Pos = 'n' | 'v' | 'a' | 'r';
const POS_BIT: Record<Pos, number> = { n: 1, v: 2, a: 4, r: 8 };
const COMMON_BIT = 16;
const PROPER_BIT = 32;

export interface WordEntry {
  /** Bit set of parts of speech (n 1, v 2, a 4, r 8). */
  readonly pos: number;
  /** WordNet writes it in lower case in some synset: an ordinary word. */
  readonly common: boolean;
  /** WordNet writes it capitalised in some synset: a name (also of a month, a people, a language). */
  readonly proper: boolean;
  /** Bit set of the parts of speech it is really used in (seen at least five times in WordNet's tagged texts). */
  readonly established: number;
  /** Zipf frequency in everyday spoken English (SUBTLEXus): 3 is one in a million words, 0 unseen. */
  readonly zipf: number;
}

const entries = new Map<string, WordEntry | null>();

/** What WordNet knows of one lemma (lower case, no inflection), or undefined. */
export function entry(lemma: string): WordEntry | undefined {
  const known = entries.get(lemma);
  if (known !== undefined) return known ?? undefined;
  if (entries.size >= 50_000) entries.clear(); // a bound, whatever words come in
  const raw = table('words').get(lemma);
  if (raw === undefined) {
    entries.set(lemma, null);
    return undefined;
  }
  const tab = raw.indexOf('\t');
  const flags = parseInt(raw.slice(0, tab), 36);
  const made: WordEntry = {
    pos: flags & 15,
    established: (flags >> 6) & 15,
    common: (flags & COMMON_BIT) !== 0,
    proper: (flags & PROPER_BIT) !== 0,
    zipf: parseInt(raw.slice(tab + 1), 36) / 10,
  };
  entries.set(lemma, made);
  return made;
}

export function isEstablished(lemma: string, pos?: Pos): boolean {
  const e = entry(lemma);
  return e !== undefined && (pos === undefined ? e.established !== 0 : (e.established & POS_BIT[pos]) !== 0);
}

export function hasPos(lemma: string, pos: Pos): boolean {
  const e = entry(lemma);
  return e !== undefined && (e.pos & POS_BIT[pos]) !== 0;
}
