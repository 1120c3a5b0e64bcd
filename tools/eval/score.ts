/**
 * The answer-quality rules of the shared scorer, so the project can score itself in one
 * process: a citation hits when its normalised quote holds a normalised gold span; a quote is
 * fabricated when, normalised, the normalised article does not hold it; `must` groups need one
 * alternative as a whole word in the answer or a quote.
 */

export interface EvalItem {
  readonly id: string;
  readonly q: string;
  readonly answerable: boolean;
  readonly gold: readonly string[];
  readonly must: readonly (readonly string[])[];
  readonly tags: readonly string[];
}

export interface ReplyLike {
  readonly found: boolean;
  readonly answer: string;
  readonly citations: readonly { readonly quote: string }[];
}

export interface Verdict {
  readonly correct: boolean;
  readonly reasons: readonly string[];
  readonly fabricated: number;
  readonly hitting: number;
}

export const SCORING_LIMITS = Object.freeze({
  /** An answer may cite this many passages... */
  maxCitations: 3,
  /** ...each at most this long, normalised: the sentences that say it, not the article. */
  maxQuoteChars: 600,
});

/** NFKC, invisible format characters gone, straight quotes, plain dashes, collapsed spaces, lowercase. */
export function normalize(text: string): string {
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

/** Whether `term` stands in `text` as a whole word (both normalised). */
export function containsTerm(text: string, term: string): boolean {
  if (!term) return false;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
    const leftOk = !isAsciiAlnum(term[0]) || !isAsciiAlnum(text[i - 1]);
    const rightOk = !isAsciiAlnum(term.at(-1)) || !isAsciiAlnum(text[i + term.length]);
    if (leftOk && rightOk) return true;
  }
  return false;
}

/** Judges one reply; `normArticle` is the normalised article text. */
export function judge(item: EvalItem, reply: ReplyLike, normArticle: string): Verdict {
  const quotes = reply.citations.map((c) => normalize(c.quote));
  const golds = item.gold.map(normalize);
  const fabricated = quotes.filter((q) => !normArticle.includes(q)).length;
  const hitting = quotes.filter((q) => golds.some((g) => q.includes(g))).length;
  const reasons: string[] = [];
  if (item.answerable) {
    if (!reply.found) reasons.push('declined');
    else {
      if (quotes.length === 0) reasons.push('wrong citation (no citations)');
      else if (hitting === 0) reasons.push('wrong citation');
      const evidence = [normalize(reply.answer), ...quotes].join('\n');
      const missing = item.must.filter((group) => !group.some((alt) => containsTerm(evidence, normalize(alt))));
      if (missing.length) reasons.push(`missing must: ${missing.map((g) => g.join('|')).join(', ')}`);
      if (quotes.length > SCORING_LIMITS.maxCitations) reasons.push(`too many citations (${quotes.length} > ${SCORING_LIMITS.maxCitations})`);
      const longest = Math.max(0, ...quotes.map((q) => q.length));
      if (longest > SCORING_LIMITS.maxQuoteChars) reasons.push(`quote too long (${longest} > ${SCORING_LIMITS.maxQuoteChars} chars)`);
    }
  } else if (reply.found) reasons.push('answered (should decline)');
  if (fabricated) reasons.push(`fabricated: ${fabricated} quote(s)`);
  return { correct: reasons.length === 0, reasons, fabricated, hitting };
}

/** Whether a quote holds one of the item's gold spans: the retrieval half of being right. */
export function quoteHits(item: EvalItem, quote: string): boolean {
  const q = normalize(quote);
  return item.gold.some((g) => q.includes(normalize(g)));
}
