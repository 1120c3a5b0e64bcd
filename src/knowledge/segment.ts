/**
 * Splits a paragraph into sentences. A full stop ends a sentence only when the next word
 * starts a new one (capital letter or opening quote), and not after an initialism such as
 * "D.P.R.K." or a title such as "Mr.", so the ids `pN.sM` stay stable for such text.
 */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'col', 'lt', 'no', 'vs', 'etc', 'approx']);

const SENTENCE_STARTERS = /^(?:The|A|An|It|He|She|They|We|In|On|This|That|But|And)\b/;

const CLOSERS = `"'”’»)]`;
const OPENERS = `"'“‘«([`;

function isInitialism(word: string): boolean {
  // "D.P.R.K." or "U.S." : single letters joined by dots.
  return /^(?:\p{L}\.){2,}$/u.test(word) || /^\p{Lu}\.$/u.test(word);
}

export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    if (end >= text.length) break;
    if (!/\s/.test(text[end]!)) continue;
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    const following = text[next] ?? '';
    if (!(/\p{Lu}|\p{N}/u.test(following) || OPENERS.includes(following))) continue;
    if (ch === '.') {
      const wordStart = text.lastIndexOf(' ', i) + 1;
      const word = text.slice(wordStart, i + 1);
      // "the U.S.S.R. and" never ends there; "the U.S. The talks" does, so an initialism ends a
      // sentence only before a word that commonly starts one.
      if (isInitialism(word) && !SENTENCE_STARTERS.test(text.slice(next))) continue;
      if (ABBREVIATIONS.has(word.slice(0, -1).toLowerCase())) continue;
    }
    sentences.push(text.slice(start, end).trim());
    start = next;
    i = next - 1;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
