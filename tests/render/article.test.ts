import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/knowledge/import/preview.ts';
import { renderImportPreview } from '../../src/render/article.ts';

const PREVIEW: ImportPreview = {
  title: 'Short story',
  words: 1,
  paragraphs: 1,
  firstParagraph: 'Hello.',
  people: [],
  places: [],
  organisations: [],
  markdown: '',
};

describe('the /article preview', () => {
  it('counts words and paragraphs with their plural forms right', () => {
    const ids = { confirm: 'c', cancel: 'x' };
    expect(renderImportPreview(PREVIEW, ids).embeds[0]!.description).toMatch(/^1 word in 1 paragraph\. Confirm/);
    expect(renderImportPreview({ ...PREVIEW, words: 300, paragraphs: 4 }, ids).embeds[0]!.description).toMatch(/^300 words in 4 paragraphs\. Confirm/);
  });
});
