import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/lexical/data/', import.meta.url);
const tables = readdirSync(dir).filter((f) => f.endsWith('.tsv'));

describe('the precomputed word tables', () => {
  it('are all there, with the WordNet licence beside them', () => {
    expect(tables.sort()).toEqual(['categories.tsv', 'exceptions.tsv', 'related.tsv', 'synonyms.tsv', 'variants.tsv', 'words.tsv']);
    expect(readFileSync(new URL('WORDNET-LICENSE', dir), 'utf8')).toContain('WordNet 3.1 Copyright 2011 by Princeton University');
  });

  // Look-ups bisect the text, which is only right when keys are unique and in code-unit order.
  it.each(tables)('%s has unique keys in sorted order', (file) => {
    const lines = readFileSync(new URL(file, dir), 'utf8').split('\n').filter((l) => l.length > 0);
    const disorder: string[] = [];
    let previous = '';
    for (const line of lines) {
      const key = line.slice(0, line.indexOf('\t'));
      if (key.length === 0 || !(previous < key)) disorder.push(`"${key}" after "${previous}"`);
      previous = key;
    }
    expect(disorder).toEqual([]);
  });

  it('keep categories as numbers of lines in kinds.txt', () => {
    const kinds = readFileSync(new URL('kinds.txt', dir), 'utf8').split('\n').filter(Boolean).length;
    let highest = 0;
    for (const line of readFileSync(new URL('categories.tsv', dir), 'utf8').split('\n').filter(Boolean))
      for (const n of line.slice(line.indexOf('\t') + 1).split(',')) highest = Math.max(highest, parseInt(n, 36));
    expect(highest).toBe(kinds - 1);
  });
});
