import { parseArticle } from '../article.ts';
import type { DerivedKnowledge } from '../derive/index.ts';
import { deriveOrNothing } from '../derive/integrate.ts';
import { checkArticleSize } from '../limits.ts';
import type { Article } from '../types.ts';
import { articleMarkdown } from './article-md.ts';
import { wordCount, type ExtractedArticle } from './extract.ts';

/**
 * What a moderator needs to decide on an import before anything is written: the title, how
 * long it is, how it starts, and who and what it names (the people, places and organisations
 * the bot will derive from it, as it will once loaded). The `article.md` text comes with it,
 * already checked as the loader will check it.
 */

export interface ImportPreview {
  readonly title?: string;
  readonly url?: string;
  readonly words: number;
  readonly paragraphs: number;
  readonly firstParagraph: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly organisations: readonly string[];
  /** The file to write. */
  readonly markdown: string;
}

export type PreviewResult = { readonly ok: true; readonly preview: ImportPreview } | { readonly ok: false; readonly reason: string };

export type Derive = (article: Pick<Article, 'sentences'>) => DerivedKnowledge | Promise<DerivedKnowledge>;

export async function previewImport(extracted: ExtractedArticle, derive: Derive = deriveOrNothing): Promise<PreviewResult> {
  const markdown = articleMarkdown(extracted);
  const parsed = parseArticle(markdown);
  if (!parsed.ok) return { ok: false, reason: `the article would not load: ${parsed.problems.map((p) => p.message).join('; ')}` };
  const tooLong = checkArticleSize('article.md', markdown);
  if (tooLong !== undefined) return { ok: false, reason: `the article is too long for the bot: it ${tooLong.message}` };
  const derived = await derive(parsed.article);
  const names = (...kinds: string[]) => [...new Set(derived.facts.filter((f) => kinds.includes(f.kind)).map((f) => f.name))];
  return {
    ok: true,
    preview: {
      ...(extracted.title !== undefined && { title: extracted.title }),
      ...(extracted.url !== undefined && { url: extracted.url }),
      words: wordCount(extracted.paragraphs),
      paragraphs: parsed.article.paragraphs.length,
      firstParagraph: parsed.article.paragraphs[0]?.text ?? '',
      people: names('person'),
      places: names('place', 'country'),
      organisations: names('organisation'),
      markdown,
    },
  };
}
