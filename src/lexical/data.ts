import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The precomputed WordNet tables (`npm run lexical:build`), each read on first use and kept:
 * asking whether a word is English does not pay for synonyms or categories. A table stays one
 * string of sorted lines searched by bisection, so loading it costs reading it, not a map of
 * eighty thousand entries.
 */

export type DataFile = 'words' | 'exceptions' | 'synonyms' | 'related' | 'categories' | 'variants';

export interface Table {
  /** The rest of the line whose first field is `key`, or undefined. */
  get(key: string): string | undefined;
  /** The table as read: sorted lines of `key\tvalue`. */
  readonly text: string;
}

const cache = new Map<DataFile, Table>();

/** Tables are plain text (reading is faster than gunzip); a gzipped one is read too. */
function read(name: DataFile): string {
  const plain = new URL(`./data/${name}.tsv`, import.meta.url);
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  return gunzipSync(readFileSync(new URL(`./data/${name}.tsv.gz`, import.meta.url))).toString('utf8');
}

/** Bisection over the characters of a text of sorted lines: no index to build first. */
function sortedLines(text: string): Table {
  return {
    text,
    get(key: string) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
        const lineStart = start < lo ? lo : start;
        let end = text.indexOf('\n', lineStart);
        if (end === -1) end = text.length;
        const tab = text.indexOf('\t', lineStart);
        const k = text.slice(lineStart, tab === -1 || tab > end ? end : tab);
        if (k === key) return tab === -1 || tab > end ? '' : text.slice(tab + 1, end);
        if (key < k) hi = lineStart;
        else lo = end + 1;
      }
      return undefined;
    },
  };
}

export function table(name: DataFile): Table {
  let t = cache.get(name);
  if (!t) cache.set(name, (t = sortedLines(read(name))));
  return t;
}

let kindNames: readonly string[] | undefined;

/** The kinds a word belongs to: `categories` holds their numbers in `kinds.txt`. */
export function kindsOf(key: string): readonly string[] {
  const value = table('categories').get(key);
  if (value === undefined) return [];
  kindNames ??= readFileSync(new URL('./data/kinds.txt', import.meta.url), 'utf8').split('\n');
  return value.split(',').map((n) => kindNames![parseInt(n, 36)]!);
}

/** A `|`-separated list from a table, or nothing. */
export function list(name: DataFile, key: string): readonly string[] {
  const value = table(name).get(key);
  return value === undefined ? [] : value.split('|');
}
