import { parse as parseYaml } from 'yaml';
import { articleFrontMatterSchema, type ArticleFrontMatter } from './schema.ts';
import { splitSentences } from './segment.ts';
import type { Article, KnowledgeProblem, Passage } from './types.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export type ArticleResult = { ok: true; article: Article } | { ok: false; problems: KnowledgeProblem[] };

/**
 * Front matter as YAML; when that fails only because a plain value holds a colon
 * ("title: Budget: what changes"), as the lines "key: value" a person meant.
 */
function readFrontMatter(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(text) };
  } catch (err) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    const pairs = lines.map((l) => /^([A-Za-z_][\w-]*):[ \t]+(\S.*)$/.exec(l));
    if (pairs.every((p) => p !== null && !/^["'[{|>]/.test(p[2]!)))
      return { value: Object.fromEntries(pairs.map((p) => [p![1]!, p![2]!.trim()])) };
    return { error: (err as Error).message.split('\n')[0]!.replace(/:$/, '') };
  }
}

/** Reads `article.md`: optional YAML front matter, then paragraphs separated by blank lines. */
export function parseArticle(source: string, file = 'article.md'): ArticleResult {
  const problems: KnowledgeProblem[] = [];
  let body = source.replace(/^\uFEFF/, '');
  let meta: ArticleFrontMatter = {};
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    body = body.slice(fm[0].length);
    const raw = readFrontMatter(fm[1]!);
    if ('error' in raw)
      problems.push({
        file,
        entry: 'front matter',
        message: `is not valid YAML: ${raw.error}; a value with a colon needs quotes, e.g. title: "Budget: what changes"`,
      });
    else {
      const parsed = articleFrontMatterSchema.safeParse(raw.value ?? {});
      if (parsed.success) meta = parsed.data;
      else
        for (const issue of parsed.error.issues)
          problems.push({ file, entry: 'front matter', message: `${issue.path.join('.') || 'front matter'}: ${issue.message}` });
    }
  }
  const blocks = body
    .split(/\r?\n[ \t]*\r?\n/)
    .map((b) => b.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((b) => b.length > 0);
  if (blocks.length === 0) problems.push({ file, message: 'has no paragraphs' });
  if (problems.length > 0) return { ok: false, problems };

  const paragraphs: Passage[] = [];
  const sentences: Passage[] = [];
  const passages = new Map<string, Passage>();
  blocks.forEach((text, i) => {
    const paragraph = i + 1;
    const p: Passage = { id: `p${paragraph}`, paragraph, text };
    paragraphs.push(p);
    passages.set(p.id, p);
    splitSentences(text).forEach((s, j) => {
      const sentence: Passage = { id: `p${paragraph}.s${j + 1}`, paragraph, sentence: j + 1, text: s };
      sentences.push(sentence);
      passages.set(sentence.id, sentence);
    });
  });
  return { ok: true, article: { meta, paragraphs, sentences, passages } };
}
