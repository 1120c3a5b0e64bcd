import type { NumericKind, TaggedSentence } from './tagger.ts';

/**
 * Dates, counts, amounts and percentages of one sentence, from the tagger's entities with two
 * repairs: "2.9bn euros" and "£1.99bn" are money (the model sees only "2.9"), and a bare year
 * after "in" or "since" is a date.
 */

export interface NumericMention {
  readonly kind: NumericKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SCALE = /^(?:bn|m|m\.|mn|k|million|billion|trillion|thousand|hundred)$/i;
const CURRENCY = /^(?:euros?|dollars?|pounds?|pence|p|cents?|yen|yuan|roubles?|rubles?|rupees?|francs?|won|pesos?|sterling)$/i;
const SYMBOL = /^(?:[£$€¥₽₩]|[A-Z]{1,3}\$)$/;
const DATE_PREPOSITIONS = /^(?:since|until|till|by|from|in|on|at|during|before|after)$/i;
const APPROXIMATE = /^(?:about|around|almost|nearly|roughly|approximately|some|over|just|only)$/i;

export function findNumbers(sentence: TaggedSentence): NumericMention[] {
  const { tokens, text } = sentence;
  const out: NumericMention[] = [];
  const taken = new Set<number>();
  for (const span of sentence.numeric) {
    let first = span.first;
    let last = span.last;
    let kind: NumericKind = span.kind;
    while (first < last - 1 && (APPROXIMATE.test(tokens[first]!.text) || (kind === 'date' && (tokens[first]!.pos === 'ADP' || DATE_PREPOSITIONS.test(tokens[first]!.text))))) first++;
    // "a day", "the first year": a unit of time, not a date.
    if (kind === 'date' && last - first === 1 && !/\d/.test(tokens[first]!.text) && !/^\p{Lu}/u.test(tokens[first]!.text)) continue;
    if (kind === 'number' || kind === 'money') {
      // Scale and currency after the number, a currency symbol before it.
      let k = last;
      if (tokens[k] && SCALE.test(tokens[k]!.text)) k++;
      if (tokens[k] && CURRENCY.test(tokens[k]!.text)) {
        kind = 'money';
        last = k + 1;
      } else if (k > last && (kind === 'money' || (first > 0 && SYMBOL.test(tokens[first - 1]!.text)))) last = k;
      if (first > 0 && SYMBOL.test(tokens[first - 1]!.text)) {
        kind = 'money';
        first--;
      }
      if (kind === 'number' && /^(1[89]\d\d|20\d\d)$/.test(tokens[first]!.text) && last - first === 1 && /^(in|since|by|until|from)$/i.test(tokens[first - 1]?.text ?? ''))
        kind = 'date';
    }
    let covered = false;
    for (let i = first; i < last; i++) if (taken.has(i)) covered = true;
    if (covered) continue;
    for (let i = first; i < last; i++) taken.add(i);
    const start = tokens[first]!.start;
    const end = tokens[last - 1]!.end;
    out.push({ kind, text: text.slice(start, end), start, end });
  }
  // Numbers the model left out, such as "1950-53".
  tokens.forEach((t, i) => {
    if (taken.has(i) || t.pos !== 'NUM' || !/\d/.test(t.text)) return;
    const kind: NumericKind = /^(1[89]\d\d|20\d\d)(?:[-–]\d{2,4})?$/.test(t.text) ? 'date' : 'number';
    out.push({ kind, text: t.text, start: t.start, end: t.end });
  });
  return out
    .map((m) => (m.text.endsWith('.') && !/\.\w+\.$/.test(m.text) ? { ...m, text: m.text.slice(0, -1), end: m.end - 1 } : m))
    .sort((a, b) => a.start - b.start);
}
