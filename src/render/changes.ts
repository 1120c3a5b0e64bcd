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
