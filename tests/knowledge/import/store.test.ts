import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/knowledge/article.ts';
import { articleMarkdown } from '../../../src/knowledge/import/article-md.ts';
import { extractFromFile } from '../../../src/knowledge/import/source.ts';
import { PREVIOUS_ARTICLE, restorePreviousArticle, writeArticle } from '../../../src/knowledge/import/store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const read = (file: string) => readFile(join(dir, file), 'utf8');

describe('articleMarkdown', () => {
  it('writes front matter that reads back as written, a title with a colon and quotes included', () => {
    const markdown = articleMarkdown({
      title: 'Budget: what changes for "most" people',
      site: 'The Example Times',
      url: 'https://example.com/budget',
      published: '2026-11-30T08:00:00Z',
      author: 'A. Writer',
      language: 'en-GB',
      paragraphs: ['First paragraph.', 'Second: with a colon.'],
    });
    const parsed = parseArticle(markdown);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.article.meta).toEqual({
      title: 'Budget: what changes for "most" people',
      source: 'The Example Times',
      url: 'https://example.com/budget',
      published: '2026-11-30T08:00:00Z',
      author: 'A. Writer',
      language: 'en-GB',
    });
    expect(parsed.article.paragraphs.map((p) => p.text)).toEqual(['First paragraph.', 'Second: with a colon.']);
  });

  it('writes no front matter when the page gave no metadata', () => {
    expect(articleMarkdown({ paragraphs: ['Only text.'] })).toBe('Only text.\n');
  });
});

describe('writeArticle and restorePreviousArticle', () => {
  it('keeps the replaced article, and restoring swaps the two back', async () => {
    await writeFile(join(dir, 'article.md'), 'old\n');
    expect((await writeArticle(dir, 'new\n')).backedUp).toBe(true);
    expect(await read('article.md')).toBe('new\n');
    expect(await read(PREVIOUS_ARTICLE)).toBe('old\n');
    expect(await restorePreviousArticle(dir)).toEqual({ ok: true });
    expect(await read('article.md')).toBe('old\n');
    expect(await read(PREVIOUS_ARTICLE)).toBe('new\n');
  });

  it('writes into an empty folder with nothing to keep, and then has nothing to restore', async () => {
    expect((await writeArticle(dir, 'first\n')).backedUp).toBe(false);
    expect(await restorePreviousArticle(dir)).toEqual({ ok: false, reason: `there is no ${PREVIOUS_ARTICLE} in ${dir} to restore` });
  });
});

describe('reverting a write', () => {
  it('puts both files back as they were, so an earlier backup is not lost to a failed import', async () => {
    await writeFile(join(dir, 'article.md'), 'current\n');
    await writeFile(join(dir, PREVIOUS_ARTICLE), 'older\n');
    const written = await writeArticle(dir, 'broken\n');
    expect(await read(PREVIOUS_ARTICLE)).toBe('current\n');
    await written.revert();
    expect(await read('article.md')).toBe('current\n');
    expect(await read(PREVIOUS_ARTICLE)).toBe('older\n');
  });

  it('removes the backup it made when there was none before', async () => {
    await writeFile(join(dir, 'article.md'), 'current\n');
    const written = await writeArticle(dir, 'broken\n');
    await written.revert();
    expect(await read('article.md')).toBe('current\n');
    await expect(read(PREVIOUS_ARTICLE)).rejects.toThrow();
  });
});

describe('extractFromFile', () => {
  it('refuses a file that is neither a saved page nor text', async () => {
    expect(await extractFromFile(join(dir, 'paper.pdf'))).toEqual({ ok: false, reason: `refused: ${join(dir, 'paper.pdf')} is neither a saved page (.html) nor text (.txt)` });
  });

  it('refuses a saved page past the size limit without reading it', async () => {
    await writeFile(join(dir, 'big.html'), Buffer.alloc(2048, 'a'));
    expect(await extractFromFile(join(dir, 'big.html'), { limits: { maxBytes: 1024 } })).toEqual({
      ok: false,
      reason: `refused: ${join(dir, 'big.html')} is larger than 1024 bytes`,
    });
  });

  it('reads a text file saved as windows-1252, its title from its name', async () => {
    const paragraph = 'The café reopened on Monday after the repairs, and the owners said they were “delighted” with the result.';
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    const cp1252 = Buffer.from(text.replace(/“/g, '\x93').replace(/”/g, '\x94'), 'latin1');
    await writeFile(join(dir, 'cafe-reopens.txt'), cp1252);
    const result = await extractFromFile(join(dir, 'cafe-reopens.txt'));
    expect(result.ok && result.article.title).toBe('cafe reopens');
    expect(result.ok && result.article.paragraphs[0]).toBe(paragraph);
  });
});
