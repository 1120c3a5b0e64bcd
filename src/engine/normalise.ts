/**
 * Text normalisation shared by questions and knowledge: both sides go through the same
 * steps, so whatever a step does it can never make a question miss its own phrasing.
 */

import { QUESTION_MAX_CHARS } from '../knowledge/limits.ts';

/** Longest question the engine reads (the product's one limit); longer input is cut here and the asker told so. */
export const MAX_QUESTION_CHARS = QUESTION_MAX_CHARS;

const DISCORD_TOKENS = [
  /<a?:\w{1,32}:\d{17,20}>/g, // custom emoji
  /<(?:@[!&]?|#)\d{1,20}>/g, // user, role and channel mentions
  /<\/[\w -]{1,32}:\d{17,20}>/g, // command mentions
  /<t:\d+(?::[tTdDfFR])?>/g, // timestamps
  /@(?:everyone|here)\b/gi,
  /:[a-z][a-z0-9_+-]{1,31}:/g, // emoji shortcodes (not "10:30:00")
];

/** Cc and Cf: control and invisible format characters (zero-width spaces, joiners, bidi marks). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export interface CleanQuestion {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Turns raw chat input into the question as the asker meant it: invisible characters,
 * Discord mentions and markdown markers removed, whitespace collapsed, length capped.
 */
export function cleanQuestion(raw: string): CleanQuestion {
  // Control characters (line breaks of every kind) and the zero-width space separate words;
  // other invisible characters only hide inside them.
  let text = isPrintableAscii(raw) ? raw : raw.normalize('NFKC').replace(INVISIBLE, (c) => (/\p{Cc}/u.test(c) || c === '\u200B' ? ' ' : ''));
  for (const pattern of DISCORD_TOKENS) text = text.replace(pattern, ' ');
  text = text
    .replace(/\|\||\*\*|__|~~|```|`/g, ' ')
    .replace(/(^|\s)[>#-]+\s/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const space = cut.lastIndexOf(' ');
  return { text: (space > MAX_QUESTION_CHARS * 0.8 ? cut.slice(0, space) : cut).trim(), truncated: true };
}

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/'m\b/g, ' am'],
  // "putin's", "what's": the possessive and the "is" both carry nothing to match on.
  [/'s\b/g, ''],
  [/s'(?=\s|$)/g, 's'],
];

/** Chat spellings of contractions and words, as people type them without apostrophes. */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['whos', 'who is'], ['whats', 'what is'], ['wheres', 'where is'], ['whens', 'when is'], ['hows', 'how is'],
  ['thats', 'that is'], ['theyre', 'they are'], ['theyd', 'they would'], ['theyll', 'they will'], ['hes', 'he is'],
  ['dont', 'do not'], ['doesnt', 'does not'], ['didnt', 'did not'], ['isnt', 'is not'], ['wasnt', 'was not'],
  ['arent', 'are not'], ['werent', 'were not'], ['havent', 'have not'], ['hasnt', 'has not'], ['wont', 'will not'],
  ['cant', 'can not'], ['couldnt', 'could not'], ['wouldnt', 'would not'], ['im', 'i am'], ['ive', 'i have'],
  ['acc', 'according'], ['abt', 'about'], ['w', 'with'], ['b4', 'before'], ['bc', 'because'], ['cuz', 'because'],
  ['smth', 'something'], ['sth', 'something'], ['sb', 'somebody'], ['u', 'you'], ['ur', 'your'], ['r', 'are'],
  ['pls', 'please'], ['plz', 'please'], ['thx', 'thanks'], ['tldr', 'summary'], ['yr', 'year'], ['yrs', 'years'],
  ['dat', 'that'], ['dis', 'this'], ['da', 'the'], ['teh', 'the'], ['tha', 'the'], ['wil', 'will'], ['ya', 'you'],
  ['dem', 'them'], ['wot', 'what'], ['bout', 'about'], ['thru', 'through'], ['ppl', 'people'], ['govt', 'government'],
  ['gov', 'government'], ['exec', 'executive'], ['execs', 'executives'], ['mgmt', 'management'], ['dept', 'department'],
  ['info', 'information'], ['approx', 'approximately'], ['hq', 'headquarters'], ['hqs', 'headquarters'],
  ['intl', 'international'], ['co', 'company'], ['pct', 'percent'], ['mins', 'minutes'], ['hrs', 'hours'],
  ['admin', 'administration'], ['biz', 'business'], ['mgr', 'manager'], ['uni', 'university'],
]);

/**
 * Lowercase words of a text: NFKC, curly quotes straightened, dashes unified,
 * initialisms joined (`D.P.R.K.` -> `dprk`), contractions expanded, possessives dropped.
 */
export function words(text: string): string[] {
  let t: string;
  // Printable ASCII is its own NFKC form and holds no invisible character, curly quote or dash.
  if (isPrintableAscii(text)) t = text.toLowerCase().replace(/`/g, "'");
  else
    t = text
      .normalize('NFKC')
      .replace(INVISIBLE, ' ')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-');
  // Each rewrite below needs a character most texts lack: checking for it first is far cheaper.
  if (t.includes('.')) t = t.replace(/\b(?:\p{L}\.){2,}(?!\p{L})/gu, (m) => m.replace(/\./g, ''));
  if (t.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  // "the us" and "us government" name a country, not the pronoun, which is a stopword.
  if (t.includes('us ') || t.endsWith('us'))
    t = t.replace(/\bthe us\b/g, 'the usa').replace(/\bus (?=government|president|officials|administration|reaction|response|side|army|military)/g, 'usa ');
  if (t.includes('tl')) t = t.replace(/\btl;?dr\b/g, 'tldr');
  const out: string[] = [];
  for (const w of t.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    const full = CHAT_SPELLINGS.get(w);
    if (full) out.push(...full.split(' '));
    else out.push(w);
  }
  return out;
}

const HANGUL = /\p{Script=Hangul}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export type Script = 'latin' | 'hangul' | 'cyrillic' | 'other';

export function scriptOf(word: string): Script {
  if (isAsciiWord(word)) return 'latin';
  if (HANGUL.test(word)) return 'hangul';
  if (CYRILLIC.test(word)) return 'cyrillic';
  if (/^[\p{Script=Latin}\p{N}]+$/u.test(word)) return 'latin';
  return 'other';
}

/** Lowercase ASCII letters and digits only: most words, told apart without a Unicode regex. */
function isAsciiWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** Only characters from space to tilde: most questions and knowledge, which need no Unicode steps. */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}
