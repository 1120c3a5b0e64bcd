import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvalItem } from './score.ts';

/** One article dropped in as a moderator would, with the questions asked about it. */
export interface EvalSet {
  readonly name: string;
  readonly dir: string;
  /** The article's plain text, as the gold spans quote it. */
  readonly text: string;
  /** What the loader reads: the article with front matter when it had none. */
  readonly articleMd: string;
  readonly items: readonly EvalItem[];
}

const ARTICLE_FILES = ['article.md', 'article.txt'] as const;

function isSetFolder(dir: string): boolean {
  return ARTICLE_FILES.some((f) => existsSync(join(dir, f))) && readdirSync(dir).some((f) => f.endsWith('.jsonl'));
}

/** Every folder at or below each path that holds an article and a question file, sorted by path. */
export function findSetFolders(paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (isSetFolder(dir)) found.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(join(dir, entry.name));
  };
  for (const p of paths) if (statSync(p).isDirectory()) walk(p);
  return [...new Set(found)].sort();
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

function stripFrontMatter(md: string): string {
  return md.replace(/^\uFEFF/, '').replace(FRONT_MATTER, '');
}

function parseItems(file: string, text: string): EvalItem[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => {
      let item: EvalItem;
      try {
        item = JSON.parse(line) as EvalItem;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
      }
      if (typeof item.q !== 'string' || typeof item.answerable !== 'boolean' || !Array.isArray(item.gold) || !Array.isArray(item.must))
        throw new Error(`${file}:${i + 1}: not an item (needs q, answerable, gold, must)`);
      return { ...item, id: item.id ?? `${basename(file)}:${i + 1}`, tags: Array.isArray(item.tags) ? item.tags : [] };
    });
}

/** Reads one set folder: its article (text or Markdown) and every question file in it. */
export function loadSet(dir: string): EvalSet {
  const mdPath = join(dir, 'article.md');
  const md = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : undefined;
  const text = md !== undefined ? stripFrontMatter(md).trim() : readFileSync(join(dir, 'article.txt'), 'utf8');
  const title = basename(dir).replace(/[-_]+/g, ' ');
  const articleMd = md ?? `---\ntitle: ${JSON.stringify(title)}\n---\n\n${text}`;
  const items = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => parseItems(join(dir, f), readFileSync(join(dir, f), 'utf8')));
  return { name: basename(dir), dir, text, articleMd, items };
}
