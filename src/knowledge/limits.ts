import type { KnowledgeProblem } from './types.ts';

/**
 * The longest question the product takes, however it is asked: the engine cuts a longer one
 * here and says so, /ask refuses to take more, the question log keeps no more, and no phrasing
 * in the knowledge needs to be longer.
 */
export const QUESTION_MAX_CHARS = 500;

/**
 * How much the knowledge may hold. The limits keep a refresh quick and its memory small (the
 * whole index is rebuilt each time), and they are far above what one article needs: the shipped
 * knowledge uses a few percent of each. Past a limit the files are refused, naming the file
 * and the limit, and the bot keeps answering from what it had.
 */
export const KNOWLEDGE_LIMITS = Object.freeze({
  /** Any one file, in bytes, checked before it is read as text or parsed. */
  fileBytes: 1024 * 1024,
  /** The article's text, in characters. */
  articleChars: 200_000,
  qaEntries: 2000,
  factEntries: 2000,
  /** Phrasings of one Q&A entry. */
  questionsPerEntry: 100,
  /** Aliases (and role aliases) of one fact. */
  aliasesPerEntry: 100,
  /** One phrasing: nobody can ask a longer question, so no phrasing needs to be. */
  questionChars: QUESTION_MAX_CHARS,
  synonymGroups: 2000,
  /**
   * Q&A phrasings and fact aliases together: what the index is built from. A refresh builds the
   * new index on the main thread (it cannot be passed between threads), so this bounds how long
   * that build holds up answering.
   */
  phrasings: 10_000,
});

/** Counts what the index is built from, for the phrasings limit. */
export function checkPhrasingCount(
  file: string,
  qa: readonly { readonly questions: readonly string[] }[],
  facts: readonly { readonly aliases: readonly string[]; readonly roleAliases: readonly string[] }[],
): KnowledgeProblem | undefined {
  let count = 0;
  for (const entry of qa) count += entry.questions.length;
  for (const fact of facts) count += 1 + fact.aliases.length + fact.roleAliases.length;
  if (count <= KNOWLEDGE_LIMITS.phrasings) return undefined;
  return { file, message: `${count} phrasings and aliases in all; the limit is ${KNOWLEDGE_LIMITS.phrasings}` };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function checkFileSize(file: string, bytes: number): KnowledgeProblem | undefined {
  if (bytes <= KNOWLEDGE_LIMITS.fileBytes) return undefined;
  return { file, message: `is ${mib(bytes)}; the limit is ${mib(KNOWLEDGE_LIMITS.fileBytes)} (${KNOWLEDGE_LIMITS.fileBytes} bytes)` };
}

export function checkArticleSize(file: string, text: string): KnowledgeProblem | undefined {
  if (text.length <= KNOWLEDGE_LIMITS.articleChars) return undefined;
  return { file, message: `has ${text.length} characters; the limit is ${KNOWLEDGE_LIMITS.articleChars}` };
}

/** A list of entries longer than its limit is refused whole, before its entries are checked one by one. */
export function checkEntryCount(file: string, what: string, count: number, limit: number): KnowledgeProblem | undefined {
  if (count <= limit) return undefined;
  return { file, message: `has ${count} ${what}; the limit is ${limit}` };
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Limits on one entry as written, whether or not it passes its schema, so every problem shows at once. */
export function checkEntryLimits(file: string, entry: string, raw: unknown): KnowledgeProblem[] {
  if (raw === null || typeof raw !== 'object') return [];
  const item = raw as Record<string, unknown>;
  const problems: KnowledgeProblem[] = [];
  const questions = stringsIn(item.questions);
  if (questions.length > KNOWLEDGE_LIMITS.questionsPerEntry)
    problems.push({ file, entry, message: `has ${questions.length} questions; the limit is ${KNOWLEDGE_LIMITS.questionsPerEntry} per entry` });
  for (const [index, question] of questions.entries())
    if (question.trim().length > KNOWLEDGE_LIMITS.questionChars)
      problems.push({
        file,
        entry,
        message: `questions.${index} has ${question.trim().length} characters; /ask takes at most ${KNOWLEDGE_LIMITS.questionChars}`,
      });
  for (const field of ['aliases', 'roleAliases'] as const) {
    const aliases = stringsIn(item[field]);
    if (aliases.length > KNOWLEDGE_LIMITS.aliasesPerEntry)
      problems.push({ file, entry, message: `has ${aliases.length} ${field}; the limit is ${KNOWLEDGE_LIMITS.aliasesPerEntry} per entry` });
  }
  return problems;
}
