import { createRequire } from 'node:module';
import type { ItemEntity, ItemToken, ItsFunction } from 'wink-nlp';
import type winkNLP from 'wink-nlp';
import type model from 'wink-eng-lite-web-model';

/**
 * The one place that knows the NLP library: wink-nlp with its light English model tags
 * parts of speech and finds dates, amounts, percentages and counts. Everything past this
 * file sees plain tokens with offsets into the sentence they came from.
 */

export type NumericKind = 'date' | 'number' | 'money' | 'percent';

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Universal part of speech: PROPN, NOUN, VERB, PUNCT... */
  readonly pos: string;
  readonly lemma: string;
}

export interface NumericSpan {
  readonly kind: NumericKind;
  /** Token indices, end exclusive. */
  readonly first: number;
  readonly last: number;
}

export interface TaggedSentence {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly numeric: readonly NumericSpan[];
}

const NUMERIC: Readonly<Record<string, NumericKind>> = {
  DATE: 'date',
  DURATION: 'date',
  TIME: 'date',
  MONEY: 'money',
  PERCENT: 'percent',
  CARDINAL: 'number',
};

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * The model takes ~100 ms and tens of MB to load, so it loads on first use, once per process:
 * a process that takes derived knowledge from a cache never loads it. Both packages are
 * CommonJS, so they load synchronously.
 */
function engine(): ReturnType<typeof winkNLP> {
  if (nlp === undefined) {
    const require = createRequire(import.meta.url);
    nlp = (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model') as typeof model);
  }
  return nlp;
}

/** Tags one sentence; offsets are recovered by finding each token in the text in order. */
export function tagSentence(text: string): TaggedSentence {
  const nlp = engine();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out(its.value) as string;
    const found = text.indexOf(value, cursor);
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? found + value.length : cursor;
    cursor = end;
    tokens.push({ text: found >= 0 ? value : '', start, end, pos: t.out(its.pos) as string, lemma: String(t.out(its.lemma as unknown as ItsFunction<string>)).toLowerCase() });
  });
  const merged = joinHyphenatedNames(text, tokens);
  const numeric: NumericSpan[] = [];
  doc.entities().each((e: ItemEntity) => {
    const kind = NUMERIC[e.out(its.type) as string];
    const span = e.out(its.span) as unknown as [number, number];
    if (kind) numeric.push({ kind, first: merged.index[span[0]]!, last: merged.index[span[1]]! + 1 });
  });
  return { text, tokens: merged.tokens, numeric };
}

/**
 * The model splits "Marsh-Okafor" and "Jean-Luc" at the hyphen; a name is one token. Returns
 * the new tokens and, for every old token, the index of the token it is now part of.
 */
function joinHyphenatedNames(text: string, tokens: readonly Token[]): { tokens: Token[]; index: number[] } {
  const out: Token[] = [];
  const index: number[] = [];
  const capital = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out.at(-1);
    const hyphen = tokens[i - 1];
    if (prev && hyphen && hyphen.text === '-' && i >= 2 && capital(t) && capital(tokens[i - 2]) && hyphen.start === tokens[i - 2]!.end && t.start === hyphen.end && prev.end === hyphen.end) {
      out[out.length - 1] = { ...prev, text: text.slice(prev.start, t.end), end: t.end, pos: 'PROPN', lemma: text.slice(prev.start, t.end).toLowerCase() };
      index.push(out.length - 1);
      continue;
    }
    if (t.text === '-' && prev && capital(prev) && capital(tokens[i + 1]) && t.start === prev.end && tokens[i + 1]!.start === t.end) {
      out[out.length - 1] = { ...prev, text: text.slice(prev.start, t.end), end: t.end };
      index.push(out.length - 1);
      continue;
    }
    out.push(t);
    index.push(out.length - 1);
  }
  return { tokens: out, index };
}
