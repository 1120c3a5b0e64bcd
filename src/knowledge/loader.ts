import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parse as parseYaml, parseDocument } from 'yaml';
import type { z } from 'zod';
import { parseArticle } from './article.ts';
import { decodeUtf8 } from './decode.ts';
import type { DerivedKnowledge } from './derive/index.ts';
import { addDerivedKnowledge, deriveOrNothing } from './derive/integrate.ts';
import { KNOWLEDGE_LIMITS, checkArticleSize, checkEntryCount, checkEntryLimits, checkFileSize, checkPhrasingCount } from './limits.ts';
import { plural, unusedConceptWarnings } from './report.ts';
import { salvageCited } from './salvage.ts';
import {
  conceptsFileSchema,
  factEntrySchema,
  factsFileSchema,
  qaEntrySchema,
  qaFileSchema,
  type ConceptsFile,
  type FactEntry,
  type QaEntry,
} from './schema.ts';
import type { Article, KnowledgeBase, KnowledgeProblem, LoadResult } from './types.ts';
import { NO_YAML_CACHE, type YamlCache } from './yaml-cache.ts';

export const KNOWLEDGE_FILES = Object.freeze({
  article: 'article.md',
  qa: 'qa.yaml',
  facts: 'facts.yaml',
  concepts: 'concepts.yaml',
});

type FileName = (typeof KNOWLEDGE_FILES)[keyof typeof KNOWLEDGE_FILES];

function issuesToProblems(file: string, entry: string | undefined, error: z.ZodError, line?: number): KnowledgeProblem[] {
  return error.issues.map((issue) => ({
    file,
    ...(entry === undefined ? {} : { entry }),
    ...(line === undefined ? {} : { line }),
    message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
  }));
}

/**
 * The parser's message ends "at line 3, column 13:" and then draws the place; a moderator needs
 * the line itself, with its number, and what is wrong with it.
 */
export function yamlProblem(err: unknown, source: string): string {
  const message = (err as Error).message.split('\n')[0] ?? '';
  const at = (err as { linePos?: readonly { line: number; col: number }[] }).linePos?.[0];
  const what = message.replace(/ at line \d+, column \d+:?\s*$/, '');
  if (at === undefined) return `is not valid YAML: ${what}`;
  const line = (source.split(/\r?\n/)[at.line - 1] ?? '').trimEnd();
  return `is not valid YAML at line ${at.line}, column ${at.col}: ${what}: ${JSON.stringify(line.trim())}`;
}

function parseYamlFile(file: string, source: string, problems: KnowledgeProblem[], cache: YamlCache): unknown {
  const known = cache.get(source);
  if (known !== undefined) return known;
  try {
    const value: unknown = parseYaml(source, { prettyErrors: true, uniqueKeys: true });
    cache.set(source, value);
    return value;
  } catch (err) {
    problems.push({ file, message: yamlProblem(err, source) });
    return undefined;
  }
}

/**
 * The 1-based line where item `index` of the list under `key` starts, read from the YAML's node
 * ranges. Asked only when an entry is wrong, so a file that loads is parsed once (or not at all,
 * when its parse is cached).
 */
export function entryLine(source: string, key: string, index: number): number | undefined {
  try {
    const doc = parseDocument(source);
    const list = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
    const node = isSeq(list) ? list.items[index] : undefined;
    const start = (node as { range?: readonly number[] } | undefined)?.range?.[0];
    if (start === undefined) return undefined;
    return source.slice(0, start).split('\n').length;
  } catch {
    return undefined;
  }
}

/** Validates each entry on its own, so one broken entry reports its problem and the rest are still checked. */
function validateEntries<T extends { id: string }>(
  file: string,
  raw: readonly unknown[],
  schema: z.ZodType<T>,
  problems: KnowledgeProblem[],
  rejected: { id: string; item: unknown }[] = [],
  lineOf: (index: number) => number | undefined = () => undefined,
): T[] {
  const out: T[] = [];
  raw.forEach((item, index) => {
    const id =
      item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id
        : `#${index + 1}`;
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else {
      problems.push(...issuesToProblems(file, id, parsed.error, lineOf(index)));
      rejected.push({ id, item });
    }
    problems.push(...checkEntryLimits(file, id, item));
  });
  return out;
}

/** Why `id` is not a passage ("is not a sentence of the article (paragraph 1 has 4 sentences)"): the paragraph exists with fewer sentences, or there are fewer paragraphs. */
export function missingPassage(id: string, article: Article): string {
  const m = /^p(\d+)(?:\.s(\d+))?$/.exec(id);
  const paragraphs = plural(article.paragraphs.length, 'paragraph');
  if (m === null) return `is not a passage of the article (passages are written p2 or p2.s1; it has ${paragraphs})`;
  const paragraph = Number(m[1]);
  const kind = m[2] === undefined ? 'paragraph' : 'sentence';
  if (m[2] !== undefined && paragraph >= 1 && paragraph <= article.paragraphs.length) {
    const sentences = article.sentences.filter((s) => s.paragraph === paragraph).length;
    return `is not a sentence of the article (paragraph ${paragraph} has ${plural(sentences, 'sentence')})`;
  }
  return `is not a ${kind} of the article (it has ${paragraphs})`;
}

function checkCitations(
  file: string,
  entries: readonly { id: string; cite: readonly string[]; evidence?: readonly string[] | undefined }[],
  article: Article,
  problems: KnowledgeProblem[],
): void {
  for (const entry of entries) {
    const cited = [];
    for (const id of entry.cite) {
      const passage = article.passages.get(id);
      if (!passage)
        problems.push({
          file,
          entry: entry.id,
          code: 'missing-cite',
          entriesInFile: entries.length,
          message: `cites ${id}, which ${missingPassage(id, article)}; if article.md changed, point the entry at the sentence that says it now, or remove the entry`,
        });
      else cited.push(passage);
    }
    for (const fragment of entry.evidence ?? []) {
      if (cited.length > 0 && !cited.some((p) => p.text.includes(fragment)))
        problems.push({
          file,
          entry: entry.id,
          message: `evidence "${fragment}" is not word for word in ${entry.cite.join(', ')}`,
        });
    }
  }
}

function checkUniqueIds(qa: readonly QaEntry[], facts: readonly FactEntry[], problems: KnowledgeProblem[]): void {
  const seen = new Map<string, string>();
  const visit = (file: string, id: string) => {
    const first = seen.get(id);
    if (first) problems.push({ file, entry: id, message: `id is already used in ${first}` });
    else seen.set(id, file);
  };
  for (const e of qa) visit(KNOWLEDGE_FILES.qa, e.id);
  for (const f of facts) visit(KNOWLEDGE_FILES.facts, f.id);
}

function checkDuplicateQuestions(qa: readonly QaEntry[], problems: KnowledgeProblem[]): void {
  const owner = new Map<string, string>();
  for (const entry of qa)
    for (const q of entry.questions) {
      const key = q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const other = owner.get(key);
      if (other && other !== entry.id)
        problems.push({ file: KNOWLEDGE_FILES.qa, entry: entry.id, message: `question "${q}" is also a question of ${other}` });
      else owner.set(key, entry.id);
    }
}

/** A YAML file holding a list of entries: the list checked as a whole, then every entry on its own. */
function readList<T extends { id: string }>(
  file: FileName,
  sources: KnowledgeSources,
  problems: KnowledgeProblem[],
  list: (raw: unknown) => readonly unknown[] | z.ZodError,
  key: string,
  entry: z.ZodType<T>,
  limit: { readonly what: string; readonly max: number },
  rejected: { id: string; item: unknown }[],
  cache: YamlCache,
): T[] {
  if (sources[file] === undefined) return [];
  const raw = parseYamlFile(file, sources[file]!, problems, cache);
  if (raw === undefined) return [];
  const items = list(raw);
  if (!Array.isArray(items)) {
    problems.push(...issuesToProblems(file, undefined, items as z.ZodError));
    return [];
  }
  const tooMany = checkEntryCount(file, limit.what, items.length, limit.max);
  if (tooMany !== undefined) {
    problems.push(tooMany);
    return [];
  }
  const source = sources[file]!;
  return validateEntries(file, items, entry, problems, rejected, (index) => entryLine(source, key, index));
}

/**
 * Text in curly quotes in an answer or description claims to be the article's words, so it
 * must be: word for word, though a quote may start a sentence of its own with a capital.
 */
function checkQuotedText(file: string, entries: readonly { id: string; text: string }[], article: Article, problems: KnowledgeProblem[]): void {
  const body = article.paragraphs.map((p) => p.text).join('\n');
  for (const { id, text } of entries)
    for (const match of text.matchAll(/“([^”]+)”/g)) {
      const quote = match[1]!.replace(/[.,;:!?]+$/, '');
      const variants = [quote, quote.charAt(0).toLowerCase() + quote.slice(1), quote.charAt(0).toUpperCase() + quote.slice(1)];
      if (!variants.some((v) => body.includes(v)))
        problems.push({ file, entry: id, message: `quotes “${quote}”, which is not word for word in the article` });
    }
}

/** A term in two synonym groups would mean two things at once. */
function checkSynonyms(concepts: ConceptsFile, problems: KnowledgeProblem[]): void {
  const group = new Map<string, string>();
  for (const terms of concepts.synonyms)
    for (const term of terms) {
      const key = term.toLowerCase();
      const other = group.get(key);
      if (other !== undefined && other !== terms[0])
        problems.push({ file: KNOWLEDGE_FILES.concepts, entry: terms[0], message: `"${term}" is also in the group of "${other}"` });
      else group.set(key, terms[0]!);
    }
}

export interface KnowledgeSources {
  readonly [KNOWLEDGE_FILES.article]?: string;
  readonly [KNOWLEDGE_FILES.qa]?: string;
  readonly [KNOWLEDGE_FILES.facts]?: string;
  readonly [KNOWLEDGE_FILES.concepts]?: string;
}

/** Pure: builds and cross-checks a knowledge base from file contents, reporting every problem at once. */
export function buildKnowledge(sources: KnowledgeSources, loadedAt: Date = new Date(), cache: YamlCache = NO_YAML_CACHE): LoadResult {
  const checked = checkSources(sources, loadedAt, cache);
  return checked.ok ? checked.complete(deriveOrNothing(checked.article)) : checked;
}

/**
 * Every check of the files, then, once the knowledge derived from the (valid) article is at
 * hand, the knowledge base: deriving can take its time elsewhere, as loadKnowledge lets it.
 */
type CheckedSources =
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] }
  | { readonly ok: true; readonly article: Article; complete(derived: DerivedKnowledge): LoadResult };

function checkSources(sources: KnowledgeSources, loadedAt: Date, cache: YamlCache = NO_YAML_CACHE): CheckedSources {
  const problems: KnowledgeProblem[] = [];
  // Only the article is needed: without qa.yaml there are no curated questions, without
  // facts.yaml the facts are those derived from the article, without concepts.yaml only the
  // engine's general English.
  const required: FileName[] = [KNOWLEDGE_FILES.article];
  for (const file of required) if (sources[file] === undefined) problems.push({ file, message: 'is missing' });
  const oversized = oversizedSources(sources);
  if (oversized.length > 0) return { ok: false, problems: [...problems, ...oversized] };

  const articleResult = sources[KNOWLEDGE_FILES.article] === undefined ? undefined : parseArticle(sources[KNOWLEDGE_FILES.article]!, KNOWLEDGE_FILES.article);
  if (articleResult && !articleResult.ok) problems.push(...articleResult.problems);

  const rejectedQa: { id: string; item: unknown }[] = [];
  const rejectedFacts: { id: string; item: unknown }[] = [];
  const qa = readList(KNOWLEDGE_FILES.qa, sources, problems, (raw) => {
    const top = qaFileSchema.safeParse(raw ?? {});
    return top.success ? top.data.entries : top.error;
  }, 'entries', qaEntrySchema, { what: 'entries', max: KNOWLEDGE_LIMITS.qaEntries }, rejectedQa, cache);
  let suppress: readonly string[] = [];
  const facts = readList(KNOWLEDGE_FILES.facts, sources, problems, (raw) => {
    const top = factsFileSchema.safeParse(raw ?? {});
    if (top.success) suppress = top.data.suppress;
    return top.success ? top.data.entities : top.error;
  }, 'entities', factEntrySchema as z.ZodType<FactEntry>, { what: 'entities', max: KNOWLEDGE_LIMITS.factEntries }, rejectedFacts, cache);

  let concepts: ConceptsFile = { synonyms: [], speech: [], opposites: [] };
  if (sources[KNOWLEDGE_FILES.concepts] !== undefined) {
    const file = KNOWLEDGE_FILES.concepts;
    const raw = parseYamlFile(file, sources[file]!, problems, cache);
    if (raw !== undefined) {
      const parsed = conceptsFileSchema.safeParse(raw ?? {});
      if (!parsed.success) problems.push(...issuesToProblems(file, undefined, parsed.error));
      else concepts = parsed.data;
      const groups = checkEntryCount(file, 'synonym groups', concepts.synonyms.length, KNOWLEDGE_LIMITS.synonymGroups);
      if (groups !== undefined) problems.push(groups);
    }
  }

  const phrasings = checkPhrasingCount(`${KNOWLEDGE_FILES.qa} and ${KNOWLEDGE_FILES.facts}`, qa, facts);
  if (phrasings !== undefined) problems.push(phrasings);
  checkUniqueIds(qa, facts, problems);
  checkSynonyms(concepts, problems);
  checkDuplicateQuestions(qa, problems);
  if (articleResult?.ok) {
    // Entries that failed their schema are checked too, as far as they can be, so a moderator
    // sees every problem of an entry in one pass.
    const salvagedQa = rejectedQa.map((r) => salvageCited(r.item, 'answer', r.id)).filter((e) => e !== undefined);
    const salvagedFacts = rejectedFacts.map((r) => salvageCited(r.item, 'description', r.id)).filter((e) => e !== undefined);
    checkCitations(KNOWLEDGE_FILES.qa, [...qa, ...salvagedQa], articleResult.article, problems);
    checkCitations(KNOWLEDGE_FILES.facts, [...facts, ...salvagedFacts], articleResult.article, problems);
    checkQuotedText(KNOWLEDGE_FILES.qa, [...qa.map((e) => ({ id: e.id, text: e.answer })), ...salvagedQa], articleResult.article, problems);
    checkQuotedText(KNOWLEDGE_FILES.facts, [...facts.map((f) => ({ id: f.id, text: f.description })), ...salvagedFacts], articleResult.article, problems);
  }
  // Warnings never stop a load; they are listed with the problems when there are some, and
  // otherwise found again from the loaded knowledge (report.ts).
  // A concepts file refused as a whole is not also picked over group by group.
  if (problems.length > 0 || !articleResult?.ok) {
    const conceptsRefused = problems.some((p) => p.file === KNOWLEDGE_FILES.concepts && p.entry === undefined);
    return { ok: false, problems: articleResult?.ok && !conceptsRefused ? [...problems, ...unusedConceptWarnings(concepts, articleResult.article)] : problems };
  }

  const article = articleResult.article;
  return { ok: true, article, complete };

  function complete(fromArticle: DerivedKnowledge): LoadResult {
    const derived = addDerivedKnowledge(fromArticle, facts, {
      suppress,
      takenIds: new Set(qa.map((e) => e.id)),
      isValid: (fact) => {
        const found: KnowledgeProblem[] = [];
        if (!factEntrySchema.safeParse(fact).success) return false;
        checkCitations(KNOWLEDGE_FILES.facts, [fact], article, found);
        checkQuotedText(KNOWLEDGE_FILES.facts, [{ id: fact.id, text: fact.description }], article, found);
        return found.length === 0;
      },
    });

    const hash = createHash('sha256');
    for (const file of Object.values(KNOWLEDGE_FILES)) hash.update(`${file}\0${sources[file] ?? ''}\0`);
    return {
      ok: true,
      knowledge: {
        article,
        qa,
        facts: derived.facts,
        derivedFactIds: derived.derivedFactIds,
        mentions: derived.mentions,
        concepts,
        version: hash.digest('hex').slice(0, 12),
        loadedAt,
      },
    };
  }
}

/** Sizes first: nothing too big is parsed. */
function oversizedSources(sources: KnowledgeSources): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const file of Object.values(KNOWLEDGE_FILES)) {
    const text = sources[file];
    if (text === undefined) continue;
    const tooBig = checkFileSize(file, Buffer.byteLength(text, 'utf8')) ?? (file === KNOWLEDGE_FILES.article ? checkArticleSize(file, text) : undefined);
    if (tooBig !== undefined) problems.push(tooBig);
  }
  return problems;
}

/** The file as text, or the problem that stops it being read: too big, or not UTF-8. */
async function readOptional(path: string, file: string): Promise<string | KnowledgeProblem | undefined> {
  try {
    const bytes = await readFile(path);
    const tooBig = checkFileSize(file, bytes.length);
    if (tooBig !== undefined) return tooBig;
    const decoded = decodeUtf8(file, bytes);
    return decoded.ok ? decoded.text : decoded.problem;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export interface LoadOptions {
  /**
   * What is derived from the article, asked for only once every file has passed its checks;
   * by default derived here, at once. It must give what `deriveOrNothing` gives.
   */
  readonly derive?: (article: Article) => Promise<DerivedKnowledge>;
  /** What the YAML files parsed to before (see yaml-cache.ts); by default they are parsed. */
  readonly yamlCache?: YamlCache;
}

/** Reads `dir` and builds the knowledge base; an unreadable file is a problem, not a crash. */
export async function loadKnowledge(dir: string, loadedAt: Date = new Date(), options: LoadOptions = {}): Promise<LoadResult> {
  const sources: Record<string, string> = {};
  const problems: KnowledgeProblem[] = [];
  await Promise.all(
    Object.values(KNOWLEDGE_FILES).map(async (file) => {
      try {
        const text = await readOptional(join(dir, file), file);
        if (typeof text === 'string') sources[file] = text;
        else if (text !== undefined) problems.push(text);
      } catch (err) {
        problems.push({ file, message: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      }
    }),
  );
  if (problems.length > 0) return { ok: false, problems };
  if (options.derive === undefined) return buildKnowledge(sources, loadedAt, options.yamlCache);
  const checked = checkSources(sources, loadedAt, options.yamlCache);
  return checked.ok ? checked.complete(await options.derive(checked.article)) : checked;
}

export type { KnowledgeBase };
