import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * The article in a web page: Mozilla's Readability (Firefox's Reader View) picks the content
 * and the metadata, over linkedom's DOM (see README > Importing an article for why linkedom);
 * then its blocks become the paragraphs of `article.md`. Pure: HTML in, paragraphs out.
 */

/** The little of the DOM this file reads; linkedom's and jsdom's nodes both have it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
  querySelectorAll?(selector: string): ArrayLike<DomNode>;
  remove?(): void;
}

export interface ExtractedArticle {
  readonly title?: string;
  readonly author?: string;
  readonly published?: string;
  readonly site?: string;
  readonly url?: string;
  readonly language?: string;
  readonly paragraphs: readonly string[];
}

export type ExtractResult = { readonly ok: true; readonly article: ExtractedArticle } | { readonly ok: false; readonly reason: string };

/** Below this the page holds no article worth asking about: a login wall, an index, an error page. */
export const MIN_ARTICLE_WORDS = 80;

/** Words with a letter or a digit in them: a dash or a bullet standing alone is no word. */
export function wordCount(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length, 0);
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Each starts a paragraph of its own; everything else is inline text within one. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Never article text: code, media, captions, controls. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'CANVAS', 'FIGCAPTION', 'FIGURE', 'PICTURE', 'IMG', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'FORM', 'NAV', 'ASIDE']);

/** Boxes a page puts inside the article that are not the article: sharing, newsletters, "related". */
const FURNITURE = /(^|[\s_-])(share|sharing|social|related|newsletter|promo|advert|ad-container|caption|credit|subscribe|comments?)([\s_-]|$)/i;

/** Lines a page repeats around articles; alone in a block, they are no paragraph. */
const BOILERPLATE = /^(advertisement|share( this( article| story)?)?|related( articles| stories| links)?:?|read more:?|story continues below( advertisement)?|continue reading( the main story)?|image( copyright| caption)?|getty images|supported by|follow us.*)$/i;

function element(node: DomNode): boolean {
  return node.nodeType === ELEMENT_NODE;
}

function furniture(node: DomNode): boolean {
  const attrs = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''} ${node.getAttribute?.('role') ?? ''}`;
  const hidden = node.getAttribute?.('hidden');
  return FURNITURE.test(attrs) || node.getAttribute?.('aria-hidden') === 'true' || (hidden !== null && hidden !== undefined);
}

/** A list whose every item is nothing but a link: "related stories", "more on this". */
function linkList(node: DomNode): boolean {
  if (node.nodeName !== 'UL' && node.nodeName !== 'OL') return false;
  const items = Array.from(node.childNodes).filter((c) => element(c) && c.nodeName === 'LI');
  if (items.length === 0) return false;
  return items.every((li) => {
    const text = squash(li.textContent ?? '');
    const linked = squash(Array.from(li.querySelectorAll?.('a') ?? []).map((a) => a.textContent ?? '').join(' '));
    return text !== '' && text === linked;
  });
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Blocks in reading order; inline text between blocks is a paragraph too. */
export function blocksOf(root: DomNode): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = squash(buffer);
    buffer = '';
    if (text !== '' && /\p{L}/u.test(text) && !BOILERPLATE.test(text)) out.push(text);
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (!element(node)) return;
    const name = node.nodeName.toUpperCase();
    if (DROPPED.has(name) || furniture(node) || linkList(node)) return;
    if (name === 'BR') {
      buffer += ' ';
      return;
    }
    // Table cells are read across a row, as a sentence of their own.
    if (name === 'TD' || name === 'TH') {
      buffer += ' ';
      for (const child of Array.from(node.childNodes)) walk(child);
      buffer += ';';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) {
      if (name === 'TR') buffer = buffer.replace(/;\s*$/, '');
      flush();
    }
  };
  walk(root);
  flush();
  return out;
}

/**
 * Readability drops class names from what it returns, so the page's own labels for captions,
 * share boxes and "related" lists are read before it runs. A labelled element holding much of the
 * page's text is left alone: a label like "article-with-comments" may sit on the article itself.
 */
function removeFurniture(document: DomNode): void {
  const body = document.querySelectorAll?.('body')[0];
  const total = squash(body?.textContent ?? '').length;
  for (const node of Array.from(document.querySelectorAll?.('figcaption, [class], [id]') ?? [])) {
    if (node.nodeName.toUpperCase() !== 'FIGCAPTION' && !furniture(node)) continue;
    if (squash(node.textContent ?? '').length > total / 4) continue;
    node.remove?.();
  }
}

function clean(value: string | null | undefined): string | undefined {
  const text = squash(value ?? '');
  return text === '' ? undefined : text;
}

function metaContent(document: DomNode, selector: string): string | undefined {
  const found = document.querySelectorAll?.(selector)[0];
  return clean(found?.getAttribute?.('content') ?? found?.getAttribute?.('href'));
}

/**
 * Readability over a document of any DOM. The page's own address (`pageUrl`) wins over the one
 * it claims; a saved page has none, and then its canonical link is kept.
 */
export function extractFromDocument(document: DomNode, pageUrl?: string): ExtractResult {
  const claimedUrl = metaContent(document, 'link[rel="canonical"]') ?? metaContent(document, 'meta[property="og:url"]');
  const language = clean(document.querySelectorAll?.('html')[0]?.getAttribute?.('lang'));
  removeFurniture(document);
  const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  const where = pageUrl ?? 'the page';
  if (parsed === null || parsed.content === null || parsed.content === undefined)
    return { ok: false, reason: `found no article in ${where}: it has no run of paragraphs to read` };
  const title = clean(parsed.title);
  let paragraphs = blocksOf(parsed.content);
  // The headline is the front matter's title; repeated as the first block it would be paragraph 1.
  if (title !== undefined && paragraphs[0] !== undefined && squash(paragraphs[0]).toLowerCase() === title.toLowerCase()) paragraphs = paragraphs.slice(1);
  const words = wordCount(paragraphs);
  if (words < MIN_ARTICLE_WORDS)
    return { ok: false, reason: `found no article in ${where}: only ${words} words of text (an article has at least ${MIN_ARTICLE_WORDS})` };
  const author = clean(parsed.byline?.replace(/^by\s+/i, ''));
  const published = clean(parsed.publishedTime);
  const site = clean(parsed.siteName);
  const url = pageUrl ?? claimedUrl;
  const lang = clean(parsed.lang) ?? language;
  return {
    ok: true,
    article: {
      ...(title !== undefined && { title }),
      ...(author !== undefined && { author }),
      ...(published !== undefined && { published }),
      ...(site !== undefined && { site }),
      ...(url !== undefined && /^https?:\/\//i.test(url) && { url }),
      ...(lang !== undefined && { language: lang }),
      paragraphs,
    },
  };
}

export function extractArticle(html: string, pageUrl?: string): ExtractResult {
  const { document } = parseHTML(html);
  return extractFromDocument(document as unknown as DomNode, pageUrl);
}

/** Plain text: paragraphs at blank lines; the title is the first line when it reads as one (short, no full stop), else the file's name. */
export function extractText(text: string, fallbackTitle?: string): ExtractResult {
  let blocks = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n[ \t]*\r?\n/)
    .map(squash)
    .filter((b) => b !== '');
  const firstLines = text.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/);
  const first = squash(firstLines[0] ?? '');
  let title: string | undefined;
  if (first !== '' && first.length <= 200 && !/[.!?:;,]$/.test(first) && (firstLines.length < 2 || squash(firstLines[1] ?? '') === '')) {
    title = first;
    blocks = blocks.slice(1);
  } else title = clean(fallbackTitle);
  const words = wordCount(blocks);
  if (words < MIN_ARTICLE_WORDS)
    return { ok: false, reason: `found no article in the text: only ${words} words (an article has at least ${MIN_ARTICLE_WORDS})` };
  return { ok: true, article: { ...(title !== undefined && { title }), paragraphs: blocks } };
}
