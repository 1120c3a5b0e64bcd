import { stringify } from 'yaml';
import type { ArticleFrontMatter } from '../schema.ts';
import type { ExtractedArticle } from './extract.ts';

/**
 * An extracted article as `article.md`: front matter from the page's metadata, then one
 * paragraph per block. Pure. YAML does the quoting, so a title with a colon or a quote in it
 * reads back as written.
 */

export function frontMatterOf(article: ExtractedArticle): ArticleFrontMatter {
  return {
    ...(article.title !== undefined && { title: article.title }),
    ...(article.site !== undefined && { source: article.site }),
    ...(article.url !== undefined && { url: article.url }),
    ...(article.published !== undefined && { published: article.published }),
    ...(article.author !== undefined && { author: article.author }),
    ...(article.language !== undefined && { language: article.language }),
  };
}

export function articleMarkdown(article: ExtractedArticle): string {
  const meta = frontMatterOf(article);
  const head = Object.keys(meta).length === 0 ? '' : `---\n${stringify(meta, { lineWidth: 0 })}---\n\n`;
  // A block that would read as front matter or a line break inside one is kept on one line.
  const body = article.paragraphs.map((p) => p.replace(/\s*\n\s*/g, ' ')).join('\n\n');
  return `${head}${body}\n`;
}
