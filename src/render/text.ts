import type { Answer } from '../engine/types.ts';

export interface TextStyle {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

export const PLAIN: TextStyle = Object.freeze({ bold: (s: string) => s, dim: (s: string) => s });
export const ANSI: TextStyle = Object.freeze({
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
  dim: (s: string) => `\u001b[2m${s}\u001b[22m`,
});

/**
 * A quote in curly quotation marks. A sentence that already ends in a closing mark (it ends by
 * quoting someone) gets no second one: `…path.””` reads as a typo.
 */
export function quoted(quote: string): string {
  return /[”"]$/.test(quote) ? `“${quote}` : `“${quote}”`;
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * An answer for a terminal: the short answer, then each quote with where it stands in the
 * article. When the answer is itself a quoted sentence, it is shown once, as the quote.
 */
export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  if (answer.notice) lines.push(style.dim(`(${answer.notice})`));
  const same = answer.found ? answer.citations.find((c) => sameText(c.quote, answer.answer)) : undefined;
  if (same !== undefined) lines.push(style.bold(quoted(same.quote)), style.dim(`  (paragraph ${same.paragraph}, sentence ${same.sentence})`));
  else lines.push(style.bold(answer.answer));
  for (const c of answer.citations) {
    if (c === same) continue;
    lines.push('', `  ${quoted(c.quote)}`, style.dim(`    (paragraph ${c.paragraph}, sentence ${c.sentence})`));
  }
  if (answer.suggestions.length > 0) {
    lines.push('', answer.found ? 'Related:' : 'Questions I can answer:');
    for (const s of answer.suggestions) lines.push(`  - ${s.question}`);
  }
  return lines.join('\n');
}

/** The reply contract of `ask --jsonl`: one JSON object per question. */
export function renderJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    found: answer.found,
    answer: answer.answer,
    confidence: answer.confidence,
    citations: answer.citations.map((c) => ({ quote: c.quote, paragraph: c.paragraph, sentence: c.sentence })),
    suggestions: answer.suggestions.map((s) => s.question),
    ...(answer.notice ? { notice: answer.notice } : {}),
  });
}
