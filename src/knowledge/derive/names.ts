import { COUNTRIES, HONORIFICS, NOT_NAMES, ORG_DESCRIPTORS, ORG_WORDS, PLACE_DESCRIPTORS, PLACE_WORDS, PORTFOLIOS, REGIONS, ROLE_HEADS, SPEECH_VERBS } from './cues.ts';
import type { TaggedSentence, Token } from './tagger.ts';

/**
 * Names in one tagged sentence: runs of capitalised tokens, classified by what stands in and
 * around them (a title, an apposition, a company noun, a country), with the role text that
 * goes with a person or an organisation. Offsets are into the sentence.
 */

export type NameKind = 'person' | 'organisation' | 'place' | 'country';

export interface Role {
  /** Verbatim, without a leading article: "Foreign Minister", "leader of the U.S.S.R.". */
  readonly text: string;
  /** The article before it in the apposition ("the", "an"), if any. */
  readonly determiner?: string;
  /** Verbatim span covering the name and its role, for evidence. */
  readonly spanStart: number;
  readonly spanEnd: number;
}

export interface NameCandidate {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Absent: nothing in the sentence says what it is; later sentences may. */
  kind?: NameKind;
  role?: Role;
  /** An acronym the sentence gives in brackets right after the name: "(MIT)". */
  acronym?: string;
  speaks: boolean;
  /** The word before the name, lowercased: "in" Leeds, "at" Halden. */
  readonly before?: string;
  /** Followed by a lowercase noun, as an adjective is: "Soviet times". */
  readonly modifier?: boolean;
  /** The object of an office: "an analyst at Halden", "chief executive of Acme". */
  readonly ofOffice?: boolean;
  /** After a country's possessive: "Russia's Far East". */
  readonly afterCountry?: boolean;
}

const COUNTRY_NAMES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of COUNTRIES) for (const n of [c.name, ...(c.aliases ?? [])]) m.set(n.toLowerCase().replace(/^the /, ''), c.name);
  return m;
})();
export const ADJECTIVE_COUNTRY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of COUNTRIES) for (const a of c.adjectives ?? []) m.set(a.toLowerCase(), c.name);
  return m;
})();

export function countryOf(text: string): string | undefined {
  return COUNTRY_NAMES.get(text.toLowerCase().replace(/^the /, ''));
}

const PORTFOLIO_HEADS = new Set(['minister', 'secretary', 'commissioner', 'spokesman', 'spokeswoman', 'spokesperson']);
const STOP_PUNCT = /^[,.;:()[\]"“”?!—–]$|^\.\.\.$/;
const CLAUSE_STARTERS = new Set(['which', 'who', 'whose', 'that', 'where', 'when', 'and', 'but', 'or']);
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'near', 'across', 'outside', 'inside', 'throughout', 'around', 'into']);

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');
const isAcronym = (s: string) => /^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,}[A-Z]?\.?)$/.test(s);
const isRoleHead = (t: Token) => ROLE_HEADS.has(lower(t)) || ROLE_HEADS.has(t.lemma);

function nameToken(t: Token, i: number, tokens: readonly Token[]): boolean {
  if (!t.text || !isCapitalised(t)) return false;
  if (['DET', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PUNCT', 'SYM', 'PART', 'ADP', 'INTJ'].includes(t.pos)) return false;
  if (t.pos === 'VERB' && !(tokens[i + 1] && tokens[i + 1]!.pos === 'PROPN')) return false;
  if (t.pos === 'ADV' && !(tokens[i + 1] && isCapitalised(tokens[i + 1]!))) return false;
  return true;
}

/** Maximal runs of name tokens; "of" and "&" join two runs when the first is an institution's name. */
function runs(tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameToken(tokens[i]!, i, tokens)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      while (j < tokens.length && nameToken(tokens[j]!, j, tokens)) j++;
      const joiner = tokens[j];
      const next = tokens[j + 1];
      const institution = tokens.slice(i, j).some((t) => ORG_WORDS.has(lower(t)));
      // "St Aldric's Hospital", "Supporters' Trust": a possessive inside an institution's name.
      const possessive = joiner && /^['’]s?$/.test(joiner.text) && next && ORG_WORDS.has(lower(next)) && !PORTFOLIOS.has(lower(next));
      if (joiner && next && nameToken(next, j + 1, tokens) && (joiner.text === '&' || possessive || (lower(joiner) === 'of' && institution))) {
        j += 1;
        continue;
      }
      break;
    }
    // A sentence's first word is capitalised anyway: drop it when it is an ordinary word.
    let s = i;
    while (s < j && NOT_NAMES.has(lower(tokens[s]))) s++;
    if (s < j) out.push([s, j]);
    i = j;
  }
  return out;
}

function spanText(sentence: TaggedSentence, first: number, last: number): { text: string; start: number; end: number } {
  const start = sentence.tokens[first]!.start;
  const end = sentence.tokens[last - 1]!.end;
  return { text: sentence.text.slice(start, end), start, end };
}

/** The apposition after a name: ", the Paris-based co-chairman," -> tokens of "the Paris-based co-chairman". */
function appositionAfter(tokens: readonly Token[], last: number): [number, number] | undefined {
  if (tokens[last]?.text !== ',') return undefined;
  const from = last + 1;
  let to = from;
  while (to < tokens.length && to - from < 12 && !STOP_PUNCT.test(tokens[to]!.text) && tokens[to]!.pos !== 'AUX') to++;
  if (to === from) return undefined;
  const first = tokens[from]!;
  if (first.pos === 'VERB' || first.pos === 'AUX' || first.pos === 'PRON' || CLAUSE_STARTERS.has(lower(first))) return undefined;
  return [from, to];
}

/** The words right before a name that describe it: "space agency", "Dutch co-chairman", "oil giant". */
function descriptorBefore(tokens: readonly Token[], first: number): [number, number] | undefined {
  let s = first;
  while (s > 0) {
    const t = tokens[s - 1]!;
    const possessive = t.pos === 'PART' && /^['’]s?$/.test(t.text) && s - 1 > 0 && ['NOUN', 'PROPN'].includes(tokens[s - 2]!.pos);
    const ok = ['NOUN', 'ADJ', 'PROPN'].includes(t.pos) || possessive || (t.pos === 'VERB' && /-|ing$/.test(t.text)) || (t.pos === 'PUNCT' && t.text === '-' && s - 1 > 0);
    if (!ok || NOT_NAMES.has(lower(t))) break;
    s--;
  }
  return s < first ? [s, first] : undefined;
}

function stripDeterminer(tokens: readonly Token[], from: number): { from: number; determiner?: string } {
  const t = tokens[from];
  if (t && /^(the|a|an)$/i.test(t.text)) return { from: from + 1, determiner: t.text.toLowerCase() };
  // "Its chief executive, Amira Haddad": the office is stated; whose it is, the sentence before says.
  if (t && /^(its|his|her|their)$/i.test(t.text)) return { from: from + 1, determiner: 'the' };
  return { from };
}

function speechAround(tokens: readonly Token[], first: number, last: number): boolean {
  const isSpeech = (t: Token | undefined) => !!t && t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma);
  // "Mr Varga said", "Ana Lind, Acme's economist, told": skip an apposition first.
  let after = last;
  const app = appositionAfter(tokens, last);
  if (app && tokens[app[1]]?.text === ',') after = app[1] + 1;
  else if (tokens[after]?.text === ',') after++;
  // "Councillor Anita Row of Marlow Bridge said": skip where they are from.
  if (/^(of|from)$/i.test(tokens[after]?.text ?? '') && tokens[after + 1] && isCapitalised(tokens[after + 1]!)) {
    after += 2;
    while (tokens[after] && isCapitalised(tokens[after]!)) after++;
  }
  for (let k = after; k < Math.min(tokens.length, after + 3); k++) {
    // "X called the plan 'a mistake'" reports words; "said ... called X" only names.
    if (isSpeech(tokens[k]) || (tokens[k]!.pos === 'VERB' && tokens[k]!.lemma === 'call')) return true;
    if (STOP_PUNCT.test(tokens[k]!.text)) break;
  }
  // "said Nadia Kerr", "said Mr Oduya", "according to X": the word right before the name.
  // The name must end the clause: in "said Moreau was", Moreau is what was said about.
  const next = tokens[last];
  if (next && !STOP_PUNCT.test(next.text)) return false;
  let k = first - 1;
  if (tokens[k]?.pos === 'DET') k--;
  // "told the Yorkshire Post": the listener, not the speaker.
  if (isSpeech(tokens[k]) && tokens[k]!.lemma !== 'tell' && tokens[k]!.lemma !== 'ask') return true;
  if (lower(tokens[k]) === 'to' && lower(tokens[k - 1]) === 'according') return true;
  return false;
}

/** Finds and classifies the names of one sentence. */
export function findNames(sentence: TaggedSentence): NameCandidate[] {
  const { tokens } = sentence;
  const out: NameCandidate[] = [];
  for (const [runFirst, runLast] of runs(tokens)) {
    let nameFirst = runFirst;
    let kind: NameKind | undefined;
    let role: Role | undefined;
    const runTokens = tokens.slice(runFirst, runLast);

    // A title inside the run: "Foreign Minister Anna Berg", "Northern Rail CEO Tom Reid".
    let titleEnd = -1;
    for (let k = runFirst; k < runLast - 1; k++) if (isRoleHead(tokens[k]!)) titleEnd = k;
    // "Fenwick General Hospital" is no General called Hospital.
    if (titleEnd >= 0 && tokens.slice(titleEnd + 1, runLast).some((t) => ORG_WORDS.has(lower(t)) || PLACE_WORDS.has(lower(t)))) titleEnd = -1;
    if (titleEnd >= 0) {
      nameFirst = titleEnd + 1;
      kind = 'person';
      const before = descriptorBefore(tokens, runFirst);
      const roleFirst = before && before[1] === runFirst ? before[0] : runFirst;
      role = makeRole(sentence, roleFirst, titleEnd + 1, undefined, roleFirst, runLast);
      // Organisations named inside the title are names too.
      const orgPart = tokens.slice(runFirst, titleEnd).findIndex((t) => isRoleHead(t));
      const orgEnd = orgPart >= 0 ? runFirst + orgPart : titleEnd;
      const orgTokens = tokens.slice(runFirst, orgEnd).filter((t) => t.pos === 'PROPN');
      // "Health Minister": a portfolio, not an organisation's name.
      const portfolio =
        PORTFOLIO_HEADS.has(lower(tokens[titleEnd])) || tokens.slice(runFirst, titleEnd).every((t) => PORTFOLIOS.has(lower(t)) || isRoleHead(t));
      if (!portfolio && orgTokens.length > 0 && orgEnd > runFirst && !(orgEnd - runFirst === 1 && ADJECTIVE_COUNTRY.has(lower(tokens[runFirst])))) {
        const org = spanText(sentence, runFirst, orgEnd);
        if (!ADJECTIVE_COUNTRY.has(org.text.toLowerCase()))
          out.push({ ...org, kind: countryOf(org.text) ? 'country' : 'organisation', speaks: false, before: lower(tokens[runFirst - 1]) });
      }
    } else if (HONORIFICS.has(lower(runTokens[0])) && runTokens.length > 1) {
      nameFirst = runFirst + 1;
      kind = 'person';
    }
    const name = spanText(sentence, nameFirst, runLast);
    if (NOT_NAMES.has(name.text.toLowerCase())) continue;
    const nameTokens = tokens.slice(nameFirst, runLast);
    const whole = name.text;
    if (kind === undefined) {
      if (countryOf(whole)) kind = 'country';
      else if (REGIONS.has(whole) || REGIONS.has(whole.replace(/ /g, '-'))) kind = 'place';
      else if (PLACE_WORDS.has(lower(nameTokens.at(-1)))) kind = 'place';
      else if (nameTokens.some((t) => ORG_WORDS.has(lower(t)))) kind = 'organisation';
      else if (whole.includes('&')) kind = 'organisation';
      else if (nameTokens.length === 1 && isAcronym(whole) && !(tokens[runLast]?.pos === 'NOUN' && !isCapitalised(tokens[runLast]!))) kind = 'organisation';
      else if (nameTokens.length === 1 && ADJECTIVE_COUNTRY.has(whole.toLowerCase())) continue;
    }

    // A lowercase office right before: "Dutch co-chairman Piet Varga", "oil giant Acme".
    if (!role && (kind === undefined || kind === 'person' || kind === 'organisation')) {
      const before = descriptorBefore(tokens, runFirst);
      if (before) {
        const head = tokens[before[1] - 1]!;
        if (isRoleHead(head) && !isCapitalised(head) && kind !== 'organisation') {
          kind = 'person';
          role = makeRole(sentence, before[0], before[1], undefined, before[0], runLast);
        } else if (ORG_DESCRIPTORS.has(lower(head)) && kind !== 'person') {
          kind = 'organisation';
          role = makeRole(sentence, before[0], before[1], undefined, before[0], runLast);
        }
      }
    }

    // An apposition after: "Ana Lind, leader of the party,", "Tom Rees, an analyst at Halden".
    const app = appositionAfter(tokens, runLast);
    if (app && !role) {
      const { from, determiner } = stripDeterminer(tokens, app[0]);
      const appTokens = tokens.slice(from, app[1]);
      const hasRole = appTokens.some((t) => isRoleHead(t) && !isCapitalised(t));
      const possessiveJob = appTokens.length >= 3 && appTokens[1] && /^['’]s?$/.test(appTokens[1].text) && appTokens.at(-1)!.pos === 'NOUN';
      // The head noun: the last word before a preposition or a verb ("a start-up based in Aberdeen").
      const stop = appTokens.findIndex((t, i) => (t.pos === 'ADP' || t.pos === 'VERB') && appTokens[i - 1]?.text !== '-');
      const headNoun = headOf(appTokens.slice(0, stop < 0 ? appTokens.length : stop));
      const orgNoun = ORG_DESCRIPTORS.has(headNoun);
      const placeNoun = PLACE_DESCRIPTORS.has(headNoun);
      if (from < app[1] && (hasRole || possessiveJob) && kind !== 'organisation' && kind !== 'country' && kind !== 'place') {
        kind = 'person';
        role = makeRole(sentence, from, app[1], determiner, runFirst, app[1]);
      } else if (from < app[1] && orgNoun && !hasRole && kind !== 'person' && kind !== 'country' && kind !== 'place') {
        kind = 'organisation';
        role = makeRole(sentence, from, app[1], determiner, runFirst, app[1]);
      } else if (from < app[1] && placeNoun && !hasRole && (kind === undefined || kind === 'place')) {
        kind = 'place';
        role = makeRole(sentence, from, app[1], determiner, runFirst, app[1]);
      }
    }
    // "X, who heads Y": the role is "head of Y".
    if (!role && tokens[runLast]?.text === ',' && lower(tokens[runLast + 1]) === 'who' && /^(heads|leads|runs|chairs)$/.test(lower(tokens[runLast + 2]))) {
      kind = 'person';
      let to = runLast + 3;
      while (to < tokens.length && !STOP_PUNCT.test(tokens[to]!.text) && tokens[to]!.pos !== 'VERB' && tokens[to]!.pos !== 'AUX') to++;
      if (to > runLast + 3) {
        const object = sentence.text.slice(tokens[runLast + 3]!.start, tokens[to - 1]!.end);
        const verb = lower(tokens[runLast + 2]);
        const office = verb === 'heads' ? 'head' : verb === 'leads' ? 'leader' : verb === 'chairs' ? 'chair' : 'head';
        role = { text: `${office} of ${object}`, spanStart: tokens[runFirst]!.start, spanEnd: tokens[to - 1]!.end };
      }
    }
    // An apposition before: "a weekly in Wales, the Valley Post,", "the head of Acme, Ruth Dane".
    if (!role && tokens[runFirst - 1]?.text === ',') {
      let s = runFirst - 2;
      while (s >= 0 && !STOP_PUNCT.test(tokens[s]!.text) && tokens[s]!.pos !== 'VERB' && tokens[s]!.pos !== 'AUX' && runFirst - s < 12) s--;
      const { from, determiner } = stripDeterminer(tokens, s + 1);
      // "St Aldric's chief executive, Owen Pryce": an owner's possessive stands for the article.
      const owned = tokens.slice(from, runFirst - 1).some((t, i, all) => i > 0 && /^['’]s?$/.test(t.text) && isCapitalised(all[i - 1]!));
      if ((determiner || owned) && from < runFirst - 1) {
        const pre = tokens.slice(from, runFirst - 1);
        if (pre.some((t) => isRoleHead(t) && !isCapitalised(t)) && kind !== 'organisation' && kind !== 'country') {
          kind = 'person';
          role = makeRole(sentence, from, runFirst - 1, determiner, from, runLast);
        } else if (pre.some((t) => ORG_DESCRIPTORS.has(lower(t))) && kind !== 'person' && kind !== 'country') {
          kind = 'organisation';
          role = makeRole(sentence, from, runFirst - 1, determiner, from, runLast);
        }
      }
    }
    // "Daniel Price, who is retiring": only people are "who".
    if (kind === undefined && tokens[runLast]?.text === ',' && lower(tokens[runLast + 1]) === 'who') kind = 'person';
    // "UK-based": a place.
    if (kind === undefined && tokens[runLast]?.text === '-' && lower(tokens[runLast + 1]) === 'based') kind = 'place';

    const acronymToken = tokens[runLast]?.text === '(' && tokens[runLast + 2]?.text === ')' ? tokens[runLast + 1] : undefined;
    // "Lakeshire Health Partnership (LHP)": a name with initials of its own is an institution's.
    if (kind === undefined && acronymToken && isAcronym(acronymToken.text) && runLast - nameFirst >= 2) kind = 'organisation';
    out.push({
      ...name,
      ...(kind !== undefined && { kind }),
      ...(role !== undefined && { role }),
      ...(acronymToken && isAcronym(acronymToken.text) && { acronym: acronymToken.text }),
      speaks: speechAround(tokens, runFirst, runLast),
      before: lower(tokens[runFirst - 1]),
      modifier: tokens[runLast]?.pos === 'NOUN' && !isCapitalised(tokens[runLast]!),
      ofOffice: ofOffice(tokens, runFirst),
      afterCountry: /^['’]s?$/.test(tokens[runFirst - 1]?.text ?? '') && runFirst >= 2 && countryOf(tokens[runFirst - 2]!.text) !== undefined,
    });
    if (acronymToken && isAcronym(acronymToken.text))
      out.push({ text: acronymToken.text, start: acronymToken.start, end: acronymToken.end, ...(kind !== undefined && { kind }), speaks: false, before: '(' });
  }
  return out;
}

/** The last noun of a phrase, hyphenated compounds whole: "a former railway yard" -> "yard", "a start-up" -> "start-up". */
function headOf(phrase: readonly Token[]): string {
  for (let i = phrase.length - 1; i >= 0; i--) {
    const t = phrase[i]!;
    if (phrase[i - 1]?.text === '-' && phrase[i - 2]) return `${lower(phrase[i - 2])}-${lower(t)}`;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return lower(t);
  }
  return '';
}

function ofOffice(tokens: readonly Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k] && /^(the|a|an)$/i.test(tokens[k]!.text)) k--;
  if (!/^(of|at|for|with)$/i.test(tokens[k]?.text ?? '')) return false;
  // "director of Earth observation": a subject, not an organisation.
  let end = first;
  while (tokens[end] && isCapitalised(tokens[end]!)) end++;
  if (tokens[end]?.pos === 'NOUN') return false;
  const head = tokens[k - 1];
  return !!head && isRoleHead(head) && !isCapitalised(head);
}

export function isPlacePreposition(word: string | undefined): boolean {
  return word !== undefined && PLACE_PREPOSITIONS.has(word);
}

function makeRole(sentence: TaggedSentence, first: number, last: number, determiner: string | undefined, spanFirst: number, spanLast: number): Role | undefined {
  const { tokens } = sentence;
  // A role never ends on a dangling possessive or hyphen.
  while (last > first && /^(['’]s?|-)$/.test(tokens[last - 1]!.text)) last--;
  if (last <= first) return undefined;
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  const spanStart = tokens[Math.min(spanFirst, first)]!.start;
  const spanEnd = tokens[Math.max(spanLast, last) - 1]!.end;
  return { text: sentence.text.slice(start, end), ...(determiner !== undefined && { determiner }), spanStart, spanEnd };
}
