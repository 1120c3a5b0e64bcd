/**
 * Scores engine answers against a question set, the way `../shared/eval/score.mjs` does
 * (reimplemented so the project scores itself, and its tests need nothing outside it).
 *
 * Set format, one JSON object per line:
 *   {"id": str, "q": str, "answerable": bool, "gold": [str], "must": [[str]], "tags": [str]}
 * - gold: exact substrings of the article; a citation hits when its quote contains one.
 * - must: groups of alternatives; each group needs one alternative as a whole word in the
 *   answer text or a quote.
 * Every comparison is made after `normalizeEval`.
 */

export interface EvalItem {
  readonly id: string;
  readonly q: string;
  readonly answerable: boolean;
  readonly gold: readonly string[];
  readonly must: readonly (readonly string[])[];
  readonly tags: readonly string[];
}

/** The part of an engine Answer the scorer looks at. */
export interface ScoredReply {
  readonly found: boolean;
  readonly answer: string;
  readonly citations: readonly { readonly quote: string }[];
}

export interface Judgement {
  readonly correct: boolean;
  readonly reasons: readonly string[];
  readonly fabricated: number;
  readonly citations: number;
  readonly hitting: number;
}

export interface Limits {
  /** Most citations an answered item may have (score.mjs default 3). */
  readonly maxCitations?: number;
  /** Longest quote allowed, in normalised characters (score.mjs default 600). */
  readonly maxQuoteChars?: number;
}

export const DEFAULT_LIMITS: Required<Limits> = Object.freeze({ maxCitations: 3, maxQuoteChars: 600 });

/** NFKC; invisible format characters removed; curly quotes straight; dashes to "-"; whitespace collapsed; lowercase. */
export function normalizeEval(text: string): string {
  return String(text)
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const isAsciiAlnum = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9]/i.test(ch);

/** True when `term` occurs in `text` as a whole word: not glued to an ASCII letter or digit (both normalised). */
export function containsTerm(text: string, term: string): boolean {
  if (!term) return false;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
    const leftOk = !isAsciiAlnum(term[0]) || !isAsciiAlnum(text[i - 1]);
    const rightOk = !isAsciiAlnum(term.at(-1)) || !isAsciiAlnum(text[i + term.length]);
    if (leftOk && rightOk) return true;
  }
  return false;
}

const LINE_BREAKS = /[\n\r\u0085\u2028\u2029]/;
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Problems with one set item (empty when fine); gold spans are checked against the raw article text. */
export function checkItem(item: unknown, article: string): string[] {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return ['not a JSON object'];
  const it = item as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof it.id !== 'string' || !it.id) problems.push('id must be a non-empty string');
  if (typeof it.q !== 'string' || !it.q.trim()) problems.push('q must be a non-empty string');
  else if (LINE_BREAKS.test(it.q)) problems.push('q contains a line break');
  if (typeof it.answerable !== 'boolean') problems.push('answerable must be true or false');
  if (!isStringList(it.gold)) problems.push('gold must be a list of non-empty strings');
  if (!Array.isArray(it.must) || !it.must.every((g) => isStringList(g) && g.length > 0))
    problems.push('must must be a list of non-empty lists of non-empty strings');
  if (!isStringList(it.tags) || it.tags.length === 0) problems.push('tags must be a non-empty list of strings');
  if (problems.length) return problems;

  const gold = it.gold as string[];
  if (it.answerable && gold.length === 0) problems.push('answerable item without gold');
  if (!it.answerable && (gold.length || (it.must as unknown[]).length))
    problems.push('unanswerable item must have gold [] and must []');
  for (const span of gold)
    if (!article.includes(span)) problems.push(`gold span is not an exact substring of the article: ${JSON.stringify(span)}`);
  return problems;
}

/** Parses a JSONL set; throws one error listing every problem (bad JSON, bad fields, duplicate ids, gold not in article). */
export function parseSet(text: string, article: string, name = 'set'): EvalItem[] {
  const items: EvalItem[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${name}:${index + 1}`;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (err) {
      errors.push(`${where}: invalid JSON (${(err as Error).message})`);
      return;
    }
    const problems = checkItem(item, article);
    const id = (item as { id?: unknown } | null)?.id;
    if (!problems.length && seen.has(id as string)) problems.push(`duplicate id ${String(id)}`);
    for (const p of problems) errors.push(`${where} (${typeof id === 'string' ? id : '?'}): ${p}`);
    if (!problems.length) {
      seen.add(id as string);
      items.push(item as EvalItem);
    }
  });
  if (errors.length) throw new Error(`${name} is malformed:\n  ${errors.join('\n  ')}`);
  if (!items.length) throw new Error(`${name} has no items`);
  return items;
}

/** Judges one reply against one item; `normArticle` is `normalizeEval(article)`. */
export function judge(item: EvalItem, reply: ScoredReply, normArticle: string, limits: Limits = DEFAULT_LIMITS): Judgement {
  const maxCitations = limits.maxCitations || Infinity;
  const maxQuoteChars = limits.maxQuoteChars || Infinity;
  const quotes = reply.citations.map((c) => normalizeEval(c.quote));
  const golds = item.gold.map(normalizeEval);
  const fabricated = quotes.filter((q) => !normArticle.includes(q)).length;
  const hitting = quotes.filter((q) => golds.some((g) => q.includes(g))).length;
  const reasons: string[] = [];

  if (item.answerable) {
    if (!reply.found) {
      reasons.push('declined');
    } else {
      if (quotes.length === 0) reasons.push('wrong citation (no citations)');
      else if (hitting === 0) reasons.push('wrong citation');
      const evidence = [normalizeEval(reply.answer), ...quotes].join('\n');
      const missing = item.must.filter((group) => !group.some((alt) => containsTerm(evidence, normalizeEval(alt))));
      if (missing.length) reasons.push(`missing must: ${missing.map((g) => g.join('|')).join(', ')}`);
      if (quotes.length > maxCitations) reasons.push(`too many citations (${quotes.length} > ${maxCitations})`);
      const longest = Math.max(0, ...quotes.map((q) => q.length));
      if (longest > maxQuoteChars) reasons.push(`quote too long (${longest} > ${maxQuoteChars} chars)`);
    }
  } else if (reply.found) {
    reasons.push('answered (should decline)');
  }
  if (fabricated) reasons.push(`fabricated: ${fabricated} quote(s)`);
  return { correct: reasons.length === 0, reasons, fabricated, citations: quotes.length, hitting };
}

export interface SetScore {
  readonly answerable: number;
  readonly unanswerable: number;
  readonly overall: number;
  readonly fabricated: number;
  readonly counts: { readonly answerable: number; readonly unanswerable: number; readonly answerableOk: number; readonly unanswerableOk: number };
  readonly failures: readonly { readonly item: EvalItem; readonly reply: ScoredReply; readonly reasons: readonly string[] }[];
}

const ratio = (n: number, d: number): number => (d ? n / d : 0);

/** Scores every reply (paired with items by position) and sums up like score.mjs's last line. */
export function scoreSet(items: readonly EvalItem[], replies: readonly ScoredReply[], article: string, limits: Limits = DEFAULT_LIMITS): SetScore {
  if (replies.length !== items.length) throw new Error(`${replies.length} replies for ${items.length} items`);
  const normArticle = normalizeEval(article);
  const results = items.map((item, i) => judge(item, replies[i]!, normArticle, limits));
  const count = (pred: (it: EvalItem) => boolean) => items.filter((it, i) => pred(it) && results[i]!.correct).length;
  const answerable = items.filter((it) => it.answerable).length;
  const unanswerable = items.length - answerable;
  const answerableOk = count((it) => it.answerable);
  const unanswerableOk = count((it) => !it.answerable);
  return {
    answerable: ratio(answerableOk, answerable),
    unanswerable: ratio(unanswerableOk, unanswerable),
    overall: ratio(answerableOk + unanswerableOk, items.length),
    fabricated: results.reduce((sum, r) => sum + r.fabricated, 0),
    counts: { answerable, unanswerable, answerableOk, unanswerableOk },
    failures: items.flatMap((item, i) => (results[i]!.correct ? [] : [{ item, reply: replies[i]!, reasons: results[i]!.reasons }])),
  };
}

/** The score line in score.mjs's own format. */
export function scoreLine(s: SetScore): string {
  const f = (x: number) => x.toFixed(3);
  return `score: answerable=${f(s.answerable)} unanswerable=${f(s.unanswerable)} overall=${f(s.overall)} fabricated=${s.fabricated}`;
}

/** Whether a quote holds one of the item's gold spans: the retrieval half of being right. */
export function quoteHits(item: EvalItem, quote: string): boolean {
  const q = normalizeEval(quote);
  return item.gold.some((g) => q.includes(normalizeEval(g)));
}
