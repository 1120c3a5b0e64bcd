/**
 * Spans of a sentence that can answer a question on their own: a date for "when", an amount
 * for "how much", a number for "how many", a name for "who" or "where". Names come from the
 * knowledge (curated and derived facts, the tagger's mentions); dates and amounts are found
 * here as well, so an article with no facts still answers "when" and "how much".
 */

export type SpanKind = 'date' | 'number' | 'money' | 'percent' | 'person' | 'organisation' | 'place';

export interface Span {
  readonly kind: SpanKind;
  readonly text: string;
  /** Offsets into the sentence's text. */
  readonly start: number;
  readonly end: number;
  /** The fact it names, for names. */
  readonly entityId?: string;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTHS_SHORT = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|dozens|a dozen|hundreds|thousands|a hundred|a thousand|a million|a billion';
const SCALE = 'thousand|million|billion|trillion|bn|m|k|mn';
const CURRENCY_WORDS = 'euros?|dollars?|pounds?|roubles?|rubles?|yen|yuan|won|francs?|pence|cents?|rupees?|pesos?';
const CURRENCY_SIGNS = '(?:US|A|C|NZ|HK)?\\$|£|€|¥|₽|₩';
const NUM = '\\d+(?:[.,]\\d+)*';
const APPROX = '(?:about|around|roughly|nearly|almost|over|more than|less than|fewer than|up to|at least|some)\\s+';

/** The order matters: a longer reading of the same text is found first and wins. */
const PATTERNS: ReadonlyArray<readonly [SpanKind, RegExp]> = [
  [
    'money',
    new RegExp(
      `(?:${APPROX})?(?:(?:${CURRENCY_SIGNS})\\s?${NUM}(?:\\s?(?:${SCALE})\\b)?|(?:${NUM}|${NUMBER_WORDS})(?:\\s(?:${SCALE}))?\\s(?:${CURRENCY_WORDS})\\b|${NUM}\\s?(?:${SCALE})?\\s?(?:${CURRENCY_SIGNS}))`,
      'giu',
    ),
  ],
  ['percent', new RegExp(`(?:${APPROX})?(?:${NUM}|${NUMBER_WORDS})\\s?(?:%|per ?cent\\b|percent\\b|percentage points?\\b)`, 'giu')],
  [
    'date',
    new RegExp(
      [
        `\\b(?:(?:${WEEKDAYS}),?\\s)?\\d{1,2}(?:st|nd|rd|th)?\\s(?:${MONTHS}|${MONTHS_SHORT})\\.?(?:,?\\s(?:1[89]|20)\\d\\d)?\\b`,
        `\\b(?:(?:${WEEKDAYS}),?\\s)?(?:${MONTHS})\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s(?:1[89]|20)\\d\\d)?\\b`,
        `\\b(?:early|mid|late|in|since|by|until|from)?\\s?(?:${MONTHS})(?:,?\\s(?:1[89]|20)\\d\\d)?\\b`,
        `\\b(?:1[89]|20)\\d\\d(?:\\s?[-–]\\s?(?:(?:1[89]|20)?\\d\\d))?(?:s)?\\b`,
        `\\b(?:${WEEKDAYS})\\b`,
        `\\b(?:last|next|this|earlier this|later this)\\s(?:week|month|year|spring|summer|autumn|fall|winter|weekend)\\b`,
        `\\b(?:yesterday|today|tomorrow)\\b`,
      ].join('|'),
      'giu',
    ),
  ],
  [
    'number',
    new RegExp(
      // "has flown twice": a count of times said in one word.
      `(?:${APPROX})?(?:\\b${NUM}(?:\\s(?:${SCALE})\\b)?|\\b(?:(?:${NUMBER_WORDS})(?:[\\s-](?:${NUMBER_WORDS}))*)\\b)|\\b(?:twice|thrice)\\b`,
      'giu',
    ),
  ],
];

/** "May" is a month only beside a day or a year; alone it is the verb. */
const AMBIGUOUS_MONTH = /^(?:in |since |by |until |from |early |mid |late )?(?:may|march)$/i;

/** Dates, amounts, percentages and numbers in a text, longest reading first, never overlapping. */
export function quantitySpans(text: string): Span[] {
  const out: Span[] = [];
  const taken = new Uint8Array(text.length);
  for (const [kind, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      let value = m[0];
      let start = m.index;
      const lead = /^\s+/.exec(value)?.[0].length ?? 0;
      value = value.trim();
      start += lead;
      if (value.length === 0) continue;
      if (kind === 'date' && AMBIGUOUS_MONTH.test(value)) continue;
      if (kind === 'date') {
        // "in" and "since" belong to the sentence, not the date.
        const prep = /^(?:in|since|by|until|from)\s/i.exec(value);
        if (prep) {
          start += prep[0].length;
          value = value.slice(prep[0].length);
        }
      }
      // A lone "one" is a pronoun more often than a number.
      if (kind === 'number' && /^(?:one|a dozen|some)$/i.test(value)) continue;
      const end = start + value.length;
      let free = true;
      for (let i = start; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, start, end);
      out.push({ kind, text: value, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Where a name of the knowledge stands in a sentence, word-bounded, case-insensitive. */
export function nameSpans(
  text: string,
  names: ReadonlyArray<{ readonly name: string; readonly kind: SpanKind; readonly entityId: string }>,
): Span[] {
  return nameFinder(names)(text);
}

type Named = { readonly name: string; readonly kind: SpanKind; readonly entityId: string };

/**
 * A finder for many names at once: names are looked up by the word they start with, so a
 * sentence costs one look-up per word, not one search per name.
 */
export function nameFinder(names: ReadonlyArray<Named>): (text: string) => Span[] {
  const byFirst = new Map<string, Named[]>();
  for (const n of names) {
    const first = /^[\p{L}\p{N}]+/u.exec(n.name.toLowerCase())?.[0];
    if (!first || n.name.length < 2) continue;
    const list = byFirst.get(first);
    if (list) list.push(n);
    else byFirst.set(first, [n]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  return (text: string) => {
    const lower = text.toLowerCase();
    const found: Span[] = [];
    for (const m of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
      const at = m.index;
      if (/[\p{L}\p{N}]/u.test(lower[at - 1] ?? '')) continue;
      for (const n of byFirst.get(m[0]) ?? []) {
        const needle = n.name.toLowerCase();
        const end = at + needle.length;
        if (lower.startsWith(needle, at) && !/[\p{L}\p{N}]/u.test(lower[end] ?? '')) {
          found.push({ kind: n.kind, text: text.slice(at, end), start: at, end, entityId: n.entityId });
          break;
        }
      }
    }
    // Longest first, then no overlaps: "Nadia Kerr" wins over "Kerr".
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(text.length);
    const out: Span[] = [];
    for (const sp of found) {
      let free = true;
      for (let i = sp.start; i < sp.end; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, sp.start, sp.end);
      out.push(sp);
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

/** Spans from several sources as one list: the first source to claim a stretch of text keeps it. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) if (!out.some((o) => span.start < o.end && span.end > o.start)) out.push(span);
  return out.sort((a, b) => a.start - b.start);
}
