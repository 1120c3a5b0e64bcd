/**
 * Shortening text to a Discord limit. Pure: the same input always gives the same output.
 * The result never exceeds the limit, never splits a surrogate pair (half an emoji), and ends
 * at a sentence or word boundary when one is close enough to the limit to be worth it.
 */

export const ELLIPSIS = '…';

/** A boundary earlier than this share of the room drops too much text; cut mid-word instead. */
const SENTENCE_MIN_SHARE = 0.6;
const WORD_MIN_SHARE = 0.5;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The first `n` code units, minus a dangling high surrogate. */
function safeSlice(text: string, n: number): string {
  const cut = text.slice(0, n);
  return cut.length > 0 && isHighSurrogate(cut.charCodeAt(cut.length - 1)) ? cut.slice(0, -1) : cut;
}

function lastSentenceEnd(text: string): number {
  let best = -1;
  // A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before a space.
  const re = /[.!?…]["'”’)\]]*(?=\s)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) best = m.index + m[0].length;
  return best;
}

function lastWordEnd(text: string): number {
  const m = /\S\s+\S*$/.exec(text);
  return m === null ? -1 : m.index + 1;
}

export function truncate(text: string, limit: number, ellipsis: string = ELLIPSIS): string {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`truncate: limit must be a whole number >= 0, got ${limit}`);
  if (text.length <= limit) return text;
  if (limit <= ellipsis.length) return safeSlice(ellipsis, limit);

  // Room for the kept text; a sentence cut also spends one character on the space before `…`.
  const room = limit - ellipsis.length;
  const head = safeSlice(text, room);

  const sentence = lastSentenceEnd(safeSlice(text, room - 1));
  if (sentence >= room * SENTENCE_MIN_SHARE) return `${text.slice(0, sentence)} ${ellipsis}`;

  // Include the next character so a word ending exactly at the limit still counts as whole.
  const word = lastWordEnd(safeSlice(text, room + 1));
  if (word >= room * WORD_MIN_SHARE && word <= room) {
    return `${text.slice(0, word).replace(/[\s,;:\-–—(]+$/u, '')}${ellipsis}`;
  }
  return `${head.trimEnd()}${ellipsis}`;
}

/**
 * Joins as many whole items as fit in `limit`, then says how many were left out, so a long list
 * stays honest about its length instead of ending mid-item.
 */
export function joinWithin(
  items: readonly string[],
  limit: number,
  separator = '\n',
  more: (left: number) => string = (left) => `…and ${left} more`,
): string {
  const all = items.join(separator);
  if (all.length <= limit) return all;
  // prefix[k]: length of the first k items joined.
  const prefix = [0];
  for (const [i, item] of items.entries()) prefix.push((prefix[i] as number) + (i > 0 ? separator.length : 0) + item.length);
  for (let k = items.length - 1; k >= 0; k--) {
    const tail = more(items.length - k);
    const length = (prefix[k] as number) + (k > 0 ? separator.length : 0) + tail.length;
    if (length <= limit) return [...items.slice(0, k), tail].join(separator);
  }
  return truncate(more(items.length), limit);
}
