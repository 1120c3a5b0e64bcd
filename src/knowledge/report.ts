import type { ConceptsFile } from './schema.ts';
import type { Article, KnowledgeProblem } from './types.ts';

/**
 * What a moderator reads first when the knowledge does not load: one line saying what happened
 * and what to do, then the problems themselves, only the first few of them. Pure, so
 * `knowledge:check`, `/refresh` in Discord and the terminal chat say the same thing.
 */

/** "1 paragraph", "2 paragraphs"; `many` for words that do not just take an s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How many problems a report lists before "and N more". */
export const REPORT_DETAILS = 10;

export const isWarning = (p: KnowledgeProblem): boolean => p.severity === 'warning';

const WHAT: Readonly<Record<string, readonly [string, string]>> = Object.freeze({
  'qa.yaml': ['Q&A entry', 'Q&A entries'],
  'facts.yaml': ['fact', 'facts'],
});

/**
 * "58 of 58 Q&A entries and 28 of 28 facts cite sentences the new article does not have; if you
 * replaced the article, empty qa.yaml, facts.yaml and concepts.yaml", from the problems that
 * say an entry cites a sentence the article lacks. Undefined when none does.
 */
export function missingCitationSummary(problems: readonly KnowledgeProblem[]): string | undefined {
  const byFile = new Map<string, { entries: Set<string>; total: number }>();
  for (const p of problems) {
    if (p.code !== 'missing-cite' || p.entry === undefined) continue;
    const file = byFile.get(p.file) ?? { entries: new Set<string>(), total: 0 };
    file.entries.add(p.entry);
    file.total = Math.max(file.total, p.entriesInFile ?? 0, file.entries.size);
    byFile.set(p.file, file);
  }
  if (byFile.size === 0) return undefined;
  const parts = [...byFile].map(([file, { entries, total }]): string => {
    const [one, many] = WHAT[file] ?? [`entry of ${file}`, `entries of ${file}`];
    return `${entries.size} of ${total} ${total === 1 ? one : many}`;
  });
  const cited = [...byFile.values()].reduce((n, f) => n + f.entries.size, 0);
  const total = [...byFile.values()].reduce((n, f) => n + f.total, 0);
  // Most entries lost their sentences: the article was replaced rather than edited (a new
  // article's first sentences still have the ids some old entries cite).
  const all = cited * 2 >= total;
  const what = `${parts.join(' and ')} ${cited === 1 ? 'cites a sentence' : 'cite sentences'} the article does not have`;
  return all
    ? `${what.replace('the article', 'the new article')}; if you replaced the article, empty qa.yaml, facts.yaml and concepts.yaml`
    : `${what}; point each at the sentence that says it now, or remove it`;
}

/** The one line a report opens with (or, in a terminal, ends with). */
export function problemSummary(problems: readonly KnowledgeProblem[]): string {
  const errors = problems.filter((p) => !isWarning(p));
  const warnings = problems.length - errors.length;
  const files = [...new Set(errors.map((p) => p.file))];
  const head =
    missingCitationSummary(errors) ??
    (errors.length === 0 ? 'no problems' : `${plural(errors.length, 'problem')} in ${files.join(', ')}`);
  return warnings > 0 ? `${head} (and ${plural(warnings, 'warning')})` : head;
}

/** The first `max` lines, then "and N more" when there are more. */
export function capLines(lines: readonly string[], max = REPORT_DETAILS): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `and ${lines.length - max} more`];
}

/** Errors first, then warnings, each kept in the order found. */
export function errorsFirst(problems: readonly KnowledgeProblem[]): KnowledgeProblem[] {
  return [...problems.filter((p) => !isWarning(p)), ...problems.filter(isWarning)];
}

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * Synonym groups and opposites none of whose words the article uses: left over from another
 * article, most likely. A warning, not an error: they do no harm, but they do no good either.
 * A term counts as used when the article has a word starting with it ("sanction" in "sanctions").
 */
export function unusedConceptWarnings(concepts: ConceptsFile, article: Article): KnowledgeProblem[] {
  const body = words(article.paragraphs.map((p) => p.text).join('\n'));
  const used = (term: string) => {
    const w = words(term).trimEnd();
    return w.trim() !== '' && body.includes(w);
  };
  const warnings: KnowledgeProblem[] = [];
  for (const group of concepts.synonyms)
    if (!group.some(used))
      warnings.push({
        file: 'concepts.yaml',
        entry: group[0]!,
        severity: 'warning',
        message: `no word of the synonym group (${group.join(', ')}) is in the article; remove the group if it was written for another article`,
      });
  for (const pair of concepts.opposites)
    if (!pair.some(used))
      warnings.push({
        file: 'concepts.yaml',
        entry: pair[0],
        severity: 'warning',
        message: `neither word of the opposites (${pair.join(', ')}) is in the article; remove them if they were written for another article`,
      });
  return warnings;
}

/**
 * A whole report as lines: the summary, then the problems (errors first, at most `max`). In a
 * terminal the summary goes last (`summaryLast`), where it does not scroll away.
 */
export function problemReportLines(
  problems: readonly KnowledgeProblem[],
  format: (p: KnowledgeProblem) => string,
  options: { readonly summaryLast?: boolean; readonly max?: number; readonly indent?: string } = {},
): string[] {
  const indent = options.indent ?? '  ';
  const details = capLines(
    errorsFirst(problems).map((p) => `${indent}${isWarning(p) ? 'warning: ' : ''}${format(p)}`),
    options.max,
  ).map((line) => (line.startsWith(indent) ? line : `${indent}${line}`));
  const summary = problemSummary(problems);
  return options.summaryLast ? [...details, summary] : [summary, ...details];
}
