import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodePage } from './charset.ts';
import { extractArticle, extractText, type ExtractResult } from './extract.ts';
import { fetchPage, IMPORT_LIMITS, refuseSize, type FetchOptions } from './fetch-page.ts';

/**
 * Where an imported article comes from: a web address, a saved page (.html) or a text file
 * (.txt). A page is read the same way whether fetched or saved; each answer is the extracted
 * article or one line that says why not.
 */

const SCHEME = /^[a-z][a-z0-9+.-]+:/i;
const HTML_FILES = new Set(['.html', '.htm', '.xhtml']);
const TEXT_FILES = new Set(['.txt', '.text']);

/** "my-story.txt" -> "my story": a title for text that has none of its own. */
function titleFromName(name: string): string {
  return decodeURIComponent(name).replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim();
}

export function isWebAddress(input: string): boolean {
  return SCHEME.test(input) && !/^[a-z]:[\\/]/i.test(input);
}

export async function extractFromUrl(address: string, options: FetchOptions = {}): Promise<ExtractResult> {
  const fetched = await fetchPage(address, options);
  if (!fetched.ok) return fetched;
  const { page } = fetched;
  if (page.kind === 'html') return extractArticle(page.text, page.url);
  const extracted = extractText(page.text, titleFromName(new URL(page.url).pathname.split('/').pop() ?? ''));
  return extracted.ok ? { ok: true, article: { ...extracted.article, url: page.url } } : extracted;
}

export async function extractFromFile(path: string, options: Pick<FetchOptions, 'limits'> = {}): Promise<ExtractResult> {
  const ext = extname(path).toLowerCase();
  if (!HTML_FILES.has(ext) && !TEXT_FILES.has(ext)) return { ok: false, reason: `refused: ${path} is neither a saved page (.html) nor text (.txt)` };
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  let bytes: Uint8Array;
  try {
    const size = (await stat(path)).size;
    const tooBig = refuseSize(path, size, limits);
    if (tooBig !== undefined) return { ok: false, reason: tooBig };
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, reason: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  const html = HTML_FILES.has(ext);
  const { text } = decodePage(bytes, null, html);
  return html ? extractArticle(text) : extractText(text, titleFromName(basename(path)));
}

/** A web address when it has a scheme (any scheme, so `file:` and `ftp:` are refused by name), else a file. */
export function extractFrom(input: string, options: FetchOptions = {}): Promise<ExtractResult> {
  return isWebAddress(input) ? extractFromUrl(input, options) : extractFromFile(input, options);
}
