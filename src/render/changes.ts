import type { KnowledgeDiff } from '../knowledge/diff.ts';
import { plural } from '../knowledge/report.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';

/**
 * A refresh's change keys (`qa:<id>`, `fact:<id>`, `passage:p5.s1`, `concepts`, `article:meta`)
 * in a moderator's words: the sentence's place, the entry's question, the fact's name.
 */

/** What the refresh knew before and after, to name entries (a removed one only exists before). */
export interface ChangeContext {
  readonly before?: KnowledgeBase;
  readonly after?: KnowledgeBase;
}

function qaQuestion(kb: KnowledgeBase | undefined, id: string): string | undefined {
  return kb?.qa.find((e) => e.id === id)?.questions[0];
}

function factName(kb: KnowledgeBase | undefined, id: string): string | undefined {
  return kb?.facts.find((f) => f.id === id)?.name;
}

export function describeChange(key: string, ctx: ChangeContext = {}): string {
  const passage = /^passage:p(\d+)\.s(\d+)$/.exec(key);
  if (passage !== null) return `paragraph ${passage[1]}, sentence ${passage[2]}`;
  const [kind, id = ''] = key.split(/:(.*)/s);
  if (kind === 'qa') {
    const question = qaQuestion(ctx.after, id) ?? qaQuestion(ctx.before, id);
    return question !== undefined ? `Q&A “${question}” (\`${id}\`)` : `Q&A \`${id}\``;
  }
  if (kind === 'fact') {
    const name = factName(ctx.after, id) ?? factName(ctx.before, id);
    return name !== undefined ? `fact: ${name} (\`${id}\`)` : `fact \`${id}\``;
  }
  if (key === 'concepts') return 'synonyms and concepts (concepts.yaml)';
  if (key === 'article:meta') return "the article's title, source or date";
  return `\`${key}\``;
}

export interface ChangeLines {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** True when no sentence of the article before is a sentence of the article after. */
function isNewArticle(ctx: ChangeContext): boolean {
  if (ctx.before === undefined || ctx.after === undefined) return false;
  const old = new Set(ctx.before.article.sentences.map((s) => s.text));
  return ctx.after.article.sentences.length > 0 && !ctx.after.article.sentences.some((s) => old.has(s.text));
}

/**
 * Every change in a moderator's words, by what happened to it. A whole new article is one line
 * ("a new article: 12 paragraphs, 40 sentences"), not one line per sentence.
 */
export function describeChanges(diff: KnowledgeDiff, ctx: ChangeContext = {}): ChangeLines {
  const name = (keys: readonly string[]) => keys.map((k) => describeChange(k, ctx));
  if (!isNewArticle(ctx)) return { added: name(diff.added), changed: name(diff.changed), removed: name(diff.removed) };
  const notPassage = (keys: readonly string[]) => keys.filter((k) => !k.startsWith('passage:'));
  const { article } = ctx.after!;
  const line = `a new article: ${plural(article.paragraphs.length, 'paragraph')}, ${plural(article.sentences.length, 'sentence')}`;
  return { added: name(notPassage(diff.added)), changed: [line, ...name(notPassage(diff.changed))], removed: name(notPassage(diff.removed)) };
}
