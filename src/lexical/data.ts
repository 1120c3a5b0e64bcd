import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The precomputed WordNet tables (`npm run lexical:build`), each read on first use and kept:
 * asking whether a word is English does not pay for synonyms or categories. A table stays one
 * string of sorted lines searched by bisection, so loading costs one pass over it, not a map
 * of eighty thousand entries.
 */

export type DataFile = 'words' | 'exceptions' | 'synonyms' | 'related' | 'categories' | 'variants';

export interface Table {
  /** The rest of the line whose first field is `key`, or undefined. */
  get(key: string): string | undefined;
  readonly size: number;
}

const cache = new Map<DataFile, Table>();

function read(name: DataFile): string {
  return gunzipSync(readFileSync(new URL(`./data/${name}.tsv.gz`, import.meta.url))).toString('utf8');
}

function sortedLines(text: string): Table {
  const starts: number[] = [];
  for (let start = 0; start < text.length; ) {
    starts.push(start);
    const end = text.indexOf('\n', start);
    start = end === -1 ? text.length : end + 1;
  }
  const keyAt = (i: number) => {
    const start = starts[i]!;
    return text.slice(start, text.indexOf('\t', start));
  };
  return {
    size: starts.length,
    get(key: string) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const k = keyAt(mid);
        if (k === key) {
          const start = starts[mid]! + k.length + 1;
          const end = text.indexOf('\n', start);
          return text.slice(start, end === -1 ? text.length : end);
        }
        if (k < key) lo = mid + 1;
        else hi = mid - 1;
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

/** A `|`-separated list from a table, or nothing. */
export function list(name: DataFile, key: string): readonly string[] {
  const value = table(name).get(key);
  return value === undefined ? [] : value.split('|');
}
