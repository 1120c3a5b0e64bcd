import { plural } from '../report.ts';
import type { ImportPreview } from './preview.ts';

/** The preview as terminal lines; names are listed up to `maxNames` per kind, with how many more. */
export function previewLines(preview: ImportPreview, maxNames = 12): string[] {
  const list = (names: readonly string[]) =>
    names.length === 0 ? '(none found)' : names.slice(0, maxNames).join(', ') + (names.length > maxNames ? `, and ${names.length - maxNames} more` : '');
  return [
    `Title:          ${preview.title ?? '(none: add one to the front matter)'}`,
    ...(preview.url !== undefined ? [`Address:        ${preview.url}`] : []),
    `Length:         ${plural(preview.words, 'word')} in ${plural(preview.paragraphs, 'paragraph')}`,
    `People:         ${list(preview.people)}`,
    `Places:         ${list(preview.places)}`,
    `Organisations:  ${list(preview.organisations)}`,
    'First paragraph:',
    `  ${preview.firstParagraph}`,
  ];
}
