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

/** An answer for a terminal: the short answer, then each quote with where it stands in the article. */
export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  if (answer.notice) lines.push(style.dim(`(${answer.notice})`));
  lines.push(style.bold(answer.answer));
  for (const c of answer.citations) {
    lines.push('', `  “${c.quote}”`, style.dim(`    (paragraph ${c.paragraph}, sentence ${c.sentence})`));
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
