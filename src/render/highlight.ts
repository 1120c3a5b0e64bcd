import { escapeMarkdown } from 'discord.js';

/**
 * Bold marks the part of a quoted sentence that answers: the runs of the sentence's words that
 * the short answer repeats ("**Foreign Minister Sergey Lavrov**" in the 50-word delegation
 * sentence). The sentence itself is escaped first and never altered, so removing the markdown
 * gives back the article's text exactly.
 */

/** Words too common to make a run worth marking on their own. */
const COMMON = new Set(
  'a an and are as at be by for from had has have he her his in into is it its of on or our she that the their them they this to was were will with who which'.split(' '),
);

/** A run is marked only when it has this many meaningful words... */
const MIN_RUN_WORDS = 2;
/** ...and the marks cover at most this share of the sentence: marking most of it says nothing. */
const MAX_MARKED_SHARE = 0.5;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

const key = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/\.$/, '');

export interface Segment {
  readonly text: string;
  readonly bold: boolean;
}

/** The sentence cut into plain and answering segments; joined, they are the sentence. */
export function answeringSegments(quote: string, answer: string): Segment[] {
  const said = new Set([...answer.matchAll(WORD)].map((m) => key(m[0])));
  const found = [...quote.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: key(m[0]) }));
  const candidates: { start: number; end: number; meaningful: number }[] = [];
  let i = 0;
  while (i < found.length) {
    if (!said.has(found[i]!.word)) {
      i++;
      continue;
    }
    let j = i;
    // A run goes on across words the answer also has; it may not run over a comma or a dash.
    while (j + 1 < found.length && said.has(found[j + 1]!.word) && !/[,;:—–()]/.test(quote.slice(found[j]!.end, found[j + 1]!.start))) j++;
    // Leading and trailing common words ("the", "and") are not part of what answers.
    let a = i;
    let b = j;
    while (a <= b && COMMON.has(found[a]!.word)) a++;
    while (b >= a && COMMON.has(found[b]!.word)) b--;
    const meaningful = found.slice(a, b + 1).filter((w) => !COMMON.has(w.word)).length;
    if (meaningful >= MIN_RUN_WORDS) candidates.push({ start: found[a]!.start, end: found[b]!.end, meaningful });
    i = j + 1;
  }
  // The answer's own framing ("the ministry reported") repeats a few words anywhere; the part
  // that answers is the longest run, and any run at least half as long.
  const best = Math.max(0, ...candidates.map((c) => c.meaningful));
  const runs = candidates.filter((c) => c.meaningful * 2 >= best);
  const marked = runs.reduce((n, r) => n + r.end - r.start, 0);
  if (runs.length === 0 || marked > quote.length * MAX_MARKED_SHARE) return [{ text: quote, bold: false }];
  const out: Segment[] = [];
  let at = 0;
  for (const r of runs) {
    if (r.start > at) out.push({ text: quote.slice(at, r.start), bold: false });
    out.push({ text: quote.slice(r.start, r.end), bold: true });
    at = r.end;
  }
  if (at < quote.length) out.push({ text: quote.slice(at), bold: false });
  return out;
}

/** Markdown-escaped, with the answering segments in bold. */
export function highlightQuote(quote: string, answer: string): string {
  return answeringSegments(quote, answer)
    .map((s) => (s.bold ? `**${escapeMarkdown(s.text)}**` : escapeMarkdown(s.text)))
    .join('');
}

/** What a reader sees once the markdown is rendered: the escapes and bold markers removed. */
export function stripMarkdown(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\\([\\*_~`|>#\-[\]()!.:<@])/g, '$1');
}
