import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/knowledge/import/preview.ts';
import { previewLines } from '../../../src/knowledge/import/preview-text.ts';

const PREVIEW: ImportPreview = {
  title: 'Short story',
  words: 120,
  paragraphs: 1,
  firstParagraph: 'The council met.',
  people: [],
  places: [],
  organisations: [],
  markdown: '',
};

describe('the import preview in a terminal', () => {
  it('says "1 paragraph", not "1 paragraphs"', () => {
    expect(previewLines(PREVIEW)).toContain('Length:         120 words in 1 paragraph');
    expect(previewLines({ ...PREVIEW, paragraphs: 7 })).toContain('Length:         120 words in 7 paragraphs');
  });
});
