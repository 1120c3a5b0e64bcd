import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../../src/knowledge/article.ts';
import { deriveKnowledge, type DerivedKnowledge } from '../../../src/knowledge/derive/index.ts';
import type { FactEntry } from '../../../src/knowledge/schema.ts';
import type { Article } from '../../../src/knowledge/types.ts';
import { KNOWLEDGE_DIR, ROOT } from '../../support/knowledge.ts';

/** Made-up articles written for these tests, and the article the bot ships with. */
export const ARTICLES = join(ROOT, 'tests', 'fixtures', 'articles');

export function article(source: string): Article {
  const result = parseArticle(source);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.article;
}

export function fixture(name: string): Article {
  return article(readFileSync(join(ARTICLES, `${name}.md`), 'utf8'));
}

export function shipped(): Article {
  return article(readFileSync(join(KNOWLEDGE_DIR, 'article.md'), 'utf8'));
}

const cache = new Map<Article, DerivedKnowledge>();
export function derived(a: Article): DerivedKnowledge {
  let d = cache.get(a);
  if (!d) cache.set(a, (d = deriveKnowledge(a)));
  return d;
}

/** The derived fact named `name`, or a failure listing what was derived instead. */
export function fact(a: Article, name: string): FactEntry {
  const facts = derived(a).facts;
  const f = facts.find((x) => x.name === name);
  if (!f) throw new Error(`no fact named ${name}; derived: ${facts.map((x) => `${x.kind} ${x.name}`).join(', ')}`);
  return f;
}

export const names = (a: Article, kind: string): string[] => derived(a).facts.filter((f) => f.kind === kind).map((f) => f.name);
