import type { QuestionKind } from './language.ts';
import { isStopword } from './language.ts';
import { stem } from './lexicon.ts';
import { memoize } from './memo.ts';
import { words } from './normalise.ts';
import type { Span, SpanKind } from './spans.ts';

/**
 * Pulls the fact a question asks for out of the sentence that holds it: the date for "when",
 * the amount for "how much", the count and the names for "how many", the person for "who",
 * the place for "where". Pure: the sentence, its spans and the question in, a short answer out.
 */

/** A stretch of a sentence between commas, dashes, brackets or semicolons, with its matching terms. */
export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly terms: ReadonlySet<string>;
  /** Terms of its words that are not names: what happens, rather than who it happens to. */
  readonly eventTerms: ReadonlySet<string>;
}

/** What the question asks about, as matching terms with their weights. */
export interface Asked {
  readonly words: readonly string[];
  readonly terms: readonly string[];
  readonly weight: (term: string) => number;
  /** The kinds of name a noun counts: "firms" counts organisations, "officials" people. */
  readonly kindsOf: (noun: string) => readonly SpanKind[];
  /** Whether a term says what happens or what someone is, rather than naming someone. */
  readonly isEvent: (term: string) => boolean;
  /** Whether a place is of the kind the question names ("what town"). */
  readonly placeFits: (name: string, noun: string) => boolean;
  /** The country a word of nationality names ("Uruguayan" -> "Uruguay"), if it is one. */
  readonly countryOf?: (adjective: string) => string | undefined;
  /** The sentence terms that stand for a question term ("spend" for "spent"); the term alone when absent. */
  readonly variants?: ReadonlyMap<string, readonly string[]>;
}

/** A name's clause and this many on each side: "Jan Oduya, the new finance head, will take over in May". */
const NAME_REACH = 2;

/** "at Tanefield", "in the Far East": a name after these words is where something is. */
const LOCATIVE = /\b(?:at|in|near|beside|outside|inside|into|to|from)\s+(?:the\s+)?$/i;

/** "40 minutes", "two years": a length of time, not a date. */
/** "how long did it last", "how long will it take": the verb of a length of time. */
const DURATION_VERBS = new Set(['last', 'take', 'took', 'run', 'stai', 'stay', 'go']);
const YEAR_RANGE = /^((?:1[89]|20)\d\d)\s?[-–]\s?((?:1[89]|20)?\d\d)$/;
const DURATION = /^(?:about |around |over |some |nearly |almost )?(?:[\p{N}\p{L}-]+ ){1,4}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/u;

const MONEY_WORDS = / (?:cost|costs|costing|price|prices|worth|paid|pay|pays|paying|spend|spends|spent|spending|raise|raised|fund|funding|funded|loan|fee|fees|charge|budget|money|cash|invest|investment|earn|earned|sell|sold|turnover|revenue|revenues|profit|profits|salary|wage|wages|value|valuation) /;

const KIND_NOUNS: ReadonlySet<string> = new Set(
  'year years date day days month months time times long place city town country location number amount much many people person name'
    .split(' ')
    .map(stem),
);
/** Whether a term names the kind of answer asked for ("year", "country") rather than what happened. */
export function isKindNoun(term: string, kind?: QuestionKind): boolean {
  // A concept key ("~people") stands for its canonical word.
  if (term.startsWith('~') && !term.includes('_') && KIND_NOUNS.has(stem(term.slice(1)))) return true;
  return KIND_NOUNS.has(term) || ((kind === 'duration' || kind === 'age') && DURATION_VERBS.has(term.replace(/^~/, ''))) || (kind === 'age' && /^(?:old|ag)$/.test(term));
}

const PAST_QUESTION = new Set(['did', 'was', 'were', 'had', 'ago', 'last', 'previous', 'previously', 'before']);
const PRESENT_QUESTION = new Set(['is', 'are', 'will', 'does', 'do', 'gonna', 'shall']);
const PAST_CLAUSE = /\b(?:had|was|were|did|ago)\b/i;

/** A question about what is or will be: "when is the opening", "when does it end". */
export function asksInThePresent(question: readonly string[]): boolean {
  return !asksInThePast(question) && question.some((w) => PRESENT_QUESTION.has(w));
}

export function asksInThePast(question: readonly string[]): boolean {
  return question.some((w) => PAST_QUESTION.has(w));
}

/** A name answers only beside this share of what the question says happened or what they are. */
const NAME_EVENT_SHARE = 0.6;
/** ...and a date, amount or number beside this share. */
const QUANTITY_EVENT_SHARE = 0.4;

/** The answer must stand in a clause that holds at least this share of what the question and sentence share. */
const CLAUSE_SHARE = 0.5;

export function clausesOf(sentence: string, termsOf: (text: string) => readonly string[]): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  // Brackets hold an aside ("8 million pounds (US$10 million) a month"): the clause goes on past them.
  // "...for Alvorada last season and has played six times for Uruguay": a second verb begins a clause.
  for (const m of sentence.matchAll(/(?<!\d),|,(?!\d)|[;:—–]|\s-\s|\s(?=and\s+(?:has|have|had|is|are|was|were|will|would|can|could)\b)|$/g)) {
    const end = m.index;
    if (end > start) {
      const text = sentence.slice(start, end);
      // A capitalised word inside a sentence is a name; the sentence's first word may be any word.
      const lower = text.replace(/[\p{L}\p{N}'’-]+/gu, (w, at: number) => (start + at > 0 && /^\p{Lu}/u.test(w) ? ' ' : w));
      out.push({ start, end, terms: new Set(termsOf(text)), eventTerms: new Set(termsOf(lower)) });
    }
    start = end + m[0].length;
    if (m[0] === '') break;
  }
  return out;
}

export interface StatedFact {
  /** The short answer: the fact in the article's own words. */
  readonly text: string;
  /** The part of the sentence that answers, for highlighting. */
  readonly start: number;
  readonly end: number;
}

const TIME_UNITS = /^[\s-]*(?:full\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century)\b/i;

/** Which kinds of span answer which kind of question, best first. */
function wanted(kind: QuestionKind, question: readonly string[]): readonly SpanKind[] {
  const text = ` ${question.join(' ')} `;
  switch (kind) {
    case 'date':
      return ['date'];
    case 'number':
      // "what share of the cost", not "spending on share buybacks".
      if (/ percent | percentage | per cent | proportion | (?:what|which) share | share of /.test(text)) return ['percent', 'number'];
      // "how much does it cost" wants money, "how much does it weigh" a measure.
      if (MONEY_WORDS.test(text)) return ['money', 'percent'];
      if (/ how much /.test(text)) return ['money', 'percent', 'number'];
      return ['number', 'percent'];
    case 'age':
    case 'duration':
      return ['number'];
    case 'person':
      return ['person', 'organisation'];
    case 'place':
      // "where does she work" is answered by an employer; "built at Tanefield" by a name the
      // tagger took for an organisation.
      return / work | works | worked | working | employed /.test(text) ? ['organisation', 'place'] : ['place', 'organisation'];
    case 'organisation':
      return ['organisation'];
    default:
      return [];
  }
}

/** Token offsets of the sentence's words that the question also uses (by stem): where the answer is near. */
function anchors(sentence: string, question: readonly string[]): number[] {
  const asked = new Set(question.filter((w) => !isStopword(w)).map(stem));
  const out: number[] = [];
  for (const [offset, s] of wordStems(sentence)) if (asked.has(s)) out.push(offset);
  return out;
}

/** Most sentences whose word stems are kept: the article's, asked about again and again. */
const WORD_STEMS_LIMIT = 10_000;

/** The offset and stem of each word of a sentence. */
const wordStems = memoize(WORD_STEMS_LIMIT, (sentence): ReadonlyArray<readonly [number, string]> => {
  const out: Array<readonly [number, string]> = [];
  for (const m of sentence.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = words(m[0])[0];
    if (w !== undefined) out.push([m.index!, stem(w)]);
  }
  return out;
});

/** Whether the question already names this span ("what happened in 2000" does not ask for 2000). */
function named(span: Span, question: readonly string[]): boolean {
  const spanWords = words(span.text).filter((w) => !isStopword(w));
  if (spanWords.length === 0) return false;
  const asked = new Set(question.map(stem));
  return spanWords.every((w) => asked.has(stem(w)));
}

function distance(span: Span, points: readonly number[]): number {
  if (points.length === 0) return 0;
  let best = Infinity;
  // A title stands before its name ("Defense Minister Andrey Belousov"): words after a name
  // are likelier to belong to the next one.
  for (const p of points) best = Math.min(best, p < span.start ? span.start - p : p > span.end ? (p - span.end) * AFTER_PENALTY : 0);
  return best;
}

const AFTER_PENALTY = 3;
const RELATIVE = /^\s*(?:which|who|where|whose)\b/i;

/** "Nadia Kerr, the club's finance director," : the name and the apposition that says who they are. */
function withApposition(sentence: string, span: Span): StatedFact {
  const rest = sentence.slice(span.end);
  const m = /^,\s((?:the|a|an)\s[^,.;:"“”]{2,60}?|[\p{Lu}][^,.;:"“”]{1,40}'s\s[^,.;:"“”]{2,40}?)(?=[,.;]|$)/u.exec(rest);
  if (m) {
    const end = span.end + m[0].length;
    return { text: sentence.slice(span.start, end), start: span.start, end };
  }
  return { text: span.text, start: span.start, end: span.end };
}

/** "18 kilograms", "140 staff", "14 patent applications": a number and what it counts. */
function withUnit(sentence: string, span: Span): StatedFact {
  const rest = sentence.slice(span.end);
  const m = /^(?:-|\s)((?:[\p{Ll}][\p{Ll}-]*)(?:\s[\p{Ll}][\p{Ll}-]*)?)/u.exec(rest);
  let end = span.end;
  if (m) {
    const words = m[1]!.split(' ');
    const kept: string[] = [];
    for (const w of words) {
      if (isStopword(w)) break;
      kept.push(w);
    }
    if (kept.length > 0) end = span.end + 1 + kept.join(' ').length;
  }
  return { text: sentence.slice(span.start, end), start: span.start, end };
}

/** "five years" : a number that counts time. */
function withTimeUnit(sentence: string, span: Span): StatedFact {
  const unit = TIME_UNITS.exec(sentence.slice(span.end));
  const end = unit ? span.end + unit[0].length : span.end;
  return { text: sentence.slice(span.start, end), start: span.start, end };
}

/** "how many years did it last": a count of units of time, which asks how long. */
export function countsTime(question: readonly string[]): boolean {
  return /^(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)$/.test(countedNoun(question) ?? '');
}

/** The noun a "how many" question counts: "how many small firms" counts firms. */
function countedNoun(question: readonly string[]): string | undefined {
  // "how many firms", "count the members", "number of players"
  const at = question.findIndex((w, i) => (w === 'how' && question[i + 1] === 'many') || (w === 'number' && question[i + 1] === 'of'));
  const counting = question.indexOf('count');
  if (at < 0 && counting < 0) return undefined;
  const rest = at >= 0 ? question.slice(at + 2) : question.slice(counting + 1).filter((w) => w !== 'the' && w !== 'up');
  const stop = rest.findIndex((w) => isStopword(w) && !['other', 'different'].includes(w));
  const phrase = stop < 0 ? rest : rest.slice(0, stop);
  return phrase[phrase.length - 1];
}

/** Names of the counted kind listed in the sentence: the count and the items, for "how many" without a number. */
function listed(spans: readonly Span[], question: readonly string[], kinds: readonly SpanKind[]): Span[] {
  const names = spans.filter((s) => kinds.includes(s.kind) && !named(s, question));
  const seen = new Set<string>();
  return names.filter((s) => {
    const key = s.entityId ?? s.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "what's it called", "what is the name of the new stadium". */
export function asksWhatItIsCalled(question: readonly string[]): boolean {
  const text = ` ${question.join(' ')} `;
  return / (?:called|named|dubbed) /.test(text) || / what (?:is )?the name /.test(text) || / name of the /.test(text);
}

/** The name a sentence gives something: "will be called the Halden Arena" -> "Halden Arena". */
export function nameGiven(sentence: string): string | undefined {
  const m = /\b(?:called|named|dubbed|known as|renamed)\s+(?:the\s+)?["“]?(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:of\s+|the\s+|and\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*)/u.exec(sentence);
  return m?.[1];
}

/** "who are", "who else", "which hospitals", "name the players": a question that wants more than one. */
export function asksForSeveral(question: readonly string[]): boolean {
  const text = ` ${question.join(' ')} `;
  if (/ (?:who|which|what) (?:are|were) | else | all | list | name the | names of | both /.test(text)) return true;
  // "which hospitals", "what companies": a plural noun right after the question word.
  const at = question.findIndex((w) => w === 'which' || w === 'what');
  const noun = at >= 0 ? question[at + 1] : undefined;
  return noun !== undefined && noun.length > 3 && /[^s]s$/.test(noun) && !/(?:ss|us|is|news)$/.test(noun);
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The fact of this kind that the sentence states, or undefined when it states none. */
export function statedFact(
  kind: QuestionKind,
  asked: Asked,
  sentence: string,
  spans: readonly Span[],
  clauses: readonly Clause[],
  context: ReadonlySet<string> = new Set(),
): StatedFact | undefined {
  const question = asked.words;
  const kinds = wanted(kind, question);
  if (kinds.length === 0) return undefined;
  const near = anchors(sentence, question);
  // "when did they establish relations" is not answered by a date in another clause of the
  // sentence: the clause of the answer must hold what happened; names may stand anywhere.
  const shared = asked.terms.filter((t) => clauses.some((c) => (asked.variants?.get(t) ?? [t]).some((v) => c.eventTerms.has(v) || context.has(v))));
  const sharedWeight = shared.reduce((sum, t) => sum + asked.weight(t), 0);
  // "what year", "how many people": the words that name the kind of answer are not what happened.
  const events = asked.terms.filter((t) => asked.isEvent(t) && !isKindNoun(t, kind));
  const eventWeight = events.reduce((sum, t) => sum + asked.weight(t), 0);
  const names = asked.terms.filter((t) => t.startsWith('@') && clauses.some((c) => c.terms.has(t)));
  // What the sentence's opening pronoun stands for holds in every clause of it.
  const holds = (c: Clause, t: string) => (asked.variants?.get(t) ?? [t]).some((v) => c.terms.has(v) || context.has(v));
  const weightNear = (terms: readonly string[], near: readonly Clause[]) =>
    terms.filter((t) => near.some((c) => holds(c, t))).reduce((sum, t) => sum + asked.weight(t), 0);
  const inClause = (span: Span) => {
    const at = clauses.findIndex((c) => span.start < c.end && span.end > c.start);
    if (at < 0) return true;
    // A name's role stands beside it: "Nadia Kerr, the club's finance director".
    const isName = span.kind === 'person' || span.kind === 'organisation' || span.kind === 'place';
    // "During its five years, ideas were developed": a length of time leads its clause.
    const reach = isName ? NAME_REACH : kind === 'duration' || kind === 'age' ? 1 : 0;
    // "..., which is due to open in autumn 2026" goes on about what the clauses before it name.
    const back = RELATIVE.test(sentence.slice(clauses[at]!.start, clauses[at]!.end)) ? Math.max(reach, 2) : reach;
    const near = clauses.slice(Math.max(0, at - back), at + reach + 1);
    // "who designed the stadium" is not answered by whoever stands near "stadium", nor "how many
    // patents were granted" by the patents filed: what the question says happened, or what
    // someone is, must be there, not only some of it.
    if (weightNear(events, near) < (isName ? NAME_EVENT_SHARE : QUANTITY_EVENT_SHARE) * eventWeight) return false;
    // "how many goals for Uruguay" is not answered by the goals for Alvorada: a name the question
    // gives must stand by a count or date, or open the sentence as who it is about.
    if (!isName && names.some((t) => !near.some((c) => holds(c, t)) && !holds(clauses[0]!, t))) return false;
    if (sharedWeight === 0) return true;
    return weightNear(shared, near) >= CLAUSE_SHARE * sharedWeight;
  };
  // "when is the visit" is not answered by when he "had last visited".
  const presentQuestion = kind === 'date' && asksInThePresent(question);
  const tenseFits = (span: Span) => {
    if (!presentQuestion) return true;
    const clause = clauses.find((c) => span.start < c.end && span.end > c.start);
    return !clause || !PAST_CLAUSE.test(sentence.slice(clause.start, clause.end));
  };
  // "what town is it near" is not answered by a country.
  const placeNoun = question.find((_w, i) => i > 0 && /^(?:what|which)$/.test(question[i - 1]!));
  const placeFits = (span: Span) => span.kind !== 'place' || placeNoun === undefined || asked.placeFits(span.text, placeNoun);
  for (const k of kinds) {
    const located = (span: Span) =>
      kind !== 'place' || k !== 'organisation' || / work | works | worked | working | employed /.test(` ${question.join(' ')} `) ||
      LOCATIVE.test(sentence.slice(0, span.start));
    const candidates = spans.filter(
      (s) =>
        s.kind === k &&
        !(k === 'date' && DURATION.test(s.text)) &&
        !named(s, question) &&
        inClause(s) &&
        tenseFits(s) &&
        placeFits(s) &&
        located(s),
    );
    if (kind === 'duration' || kind === 'age') {
      // An age is "aged 71" or "71 years old"; a length of time is a number of years, months...
      const timed = candidates.filter((s) =>
        kind === 'age'
          ? /^\s*years?\s+old\b/i.test(sentence.slice(s.end)) ||
            /\baged\s*$/i.test(sentence.slice(0, s.start)) ||
            // "Valdés, 24, agreed": the newspaper way of giving someone's age.
            (/^\d{1,3}$/.test(s.text) && /^,/.test(sentence.slice(s.end)) && spans.some((p) => p.kind === 'person' && /^,\s$/.test(sentence.slice(p.end, s.start))))
          : TIME_UNITS.test(sentence.slice(s.end)),
      );
      // The tagger reads "for ten years" as a date: it is a length of time all the same.
      const lengths = kind === 'duration' ? spans.filter((s) => s.kind === 'date' && DURATION.test(s.text) && !named(s, question) && inClause(s)) : [];
      if (timed.length + lengths.length > 0) {
        const best = closest([...timed, ...lengths], near);
        return best.kind === 'date' ? { text: best.text, start: best.start, end: best.end } : withTimeUnit(sentence, best);
      }
      // "how long did the war last": "the 1950-53 war" lasted about three years.
      const range = kind === 'duration' ? spans.find((s) => s.kind === 'date' && YEAR_RANGE.test(s.text) && inClause(s)) : undefined;
      if (range) {
        const [, from, to] = YEAR_RANGE.exec(range.text)!;
        const end = Number(to!.length === 2 ? from!.slice(0, 2) + to : to);
        const years = end - Number(from);
        if (years > 0 && years < 100) return { text: `about ${years} year${years === 1 ? '' : 's'} (${range.text})`, start: range.start, end: range.end };
      }
      // "have played since 1911": a length of time told by when it began.
      // "Since its launch in 1998" too.
      const SINCE = /\bsince\s+(?:(?:its|the|their|his|her)\s+[\p{L}-]+\s+in\s+)?$/iu;
      const since = kind === 'duration' ? spans.filter((s) => s.kind === 'date' && inClause(s) && SINCE.test(sentence.slice(0, s.start))) : [];
      if (since.length > 0) {
        const best = closest(since, near);
        const start = sentence.slice(0, best.start).search(SINCE);
        return { text: sentence.slice(start, best.end), start, end: best.end };
      }
      continue;
    }
    if (candidates.length === 0) continue;
    // "which schools are closing", "who else did they hire": every name of that kind it lists.
    const names = k === 'person' || k === 'organisation' || k === 'place';
    const distinct = candidates.filter((c, i) => candidates.findIndex((o) => (o.entityId ?? o.text) === (c.entityId ?? c.text)) === i);
    if (names && distinct.length >= 2 && asksForSeveral(question)) {
      const first = distinct[0]!;
      const last = distinct[distinct.length - 1]!;
      return { text: joinList(distinct.map((c) => c.text)), start: first.start, end: last.end };
    }
    const best = closest(candidates, near);
    // "started by the city council and the Northfield Institute of Design": both did it.
    if (names) {
      const joined = [best];
      for (const c of distinct) {
        const last = joined[joined.length - 1]!;
        if (c.start > last.end && /^\s*(?:,\s*|,?\s+and\s+)(?:the\s+)?$/.test(sentence.slice(last.end, c.start))) joined.push(c);
      }
      if (joined.length > 1) return { text: joinList(joined.map((c) => c.text)), start: best.start, end: joined[joined.length - 1]!.end };
    }
    if (k === 'person') return withApposition(sentence, best);
    if (k === 'number') return withUnit(sentence, best);
    return { text: best.text, start: best.start, end: best.end };
  }
  // "what country is Valdés from" when the article calls him "the Uruguayan striker".
  if (kind === 'place' && placeNoun !== undefined && /^(?:country|nation|nationality)$/.test(placeNoun) && asked.countryOf) {
    const person = spans.find((s) => s.kind === 'person' && named(s, question));
    const around = person ? clauses.slice(Math.max(0, clauses.findIndex((c) => person.start < c.end && person.end > c.start) - 1)) : clauses;
    for (const c of around.slice(0, 3))
      for (const m of sentence.slice(c.start, c.end).matchAll(/\b\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic|ch)\b/gu)) {
        const country = asked.countryOf(m[0]);
        if (country) {
          const start = c.start + m.index;
          return { text: `${country} (“${m[0]}”)`, start, end: start + m[0].length };
        }
      }
  }
  const noun = kind === 'number' ? countedNoun(question) : undefined;
  if (noun !== undefined) {
    const items = listed(spans, question, asked.kindsOf(noun));
    if (items.length >= 2) {
      const first = items[0]!;
      const last = items[items.length - 1]!;
      return { text: `${items.length}: ${joinList(items.map((s) => s.text))}`, start: first.start, end: last.end };
    }
  }
  return undefined;
}

function closest(spans: readonly Span[], near: readonly number[]): Span {
  let best = spans[0]!;
  let bestDistance = distance(best, near);
  for (const s of spans.slice(1)) {
    const d = distance(s, near);
    if (d < bestDistance) [best, bestDistance] = [s, d];
  }
  return best;
}

/** A fact as a short answer: "In 1998.", "8 million pounds.", "Nadia Kerr, the club's finance director." */
export function phraseFact(kind: QuestionKind, fact: StatedFact): string {
  let text = fact.text.trim();
  if (kind === 'date' && /^(?:1[89]|20)\d\d(?:s)?$/.test(text)) text = `In ${text}`;
  else if (kind === 'date' && /^\d{1,2}(?:st|nd|rd|th)?\s\p{L}+$/u.test(text)) text = `On ${text}`;
  else if (kind === 'date' && /^\p{L}+\s(?:1[89]|20)\d\d$/u.test(text)) text = `In ${text}`;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
