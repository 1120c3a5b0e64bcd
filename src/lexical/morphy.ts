import { table } from './data.ts';
import { entry, hasPos, isEstablished, type Pos } from './words.ts';

/**
 * Base forms of an inflected word, the way WordNet's morphy finds them: the exception lists
 * (went -> go, children -> child), then detaching endings and keeping only results that are
 * lemmas of that part of speech. Two rules morphy leaves to its exception files are added:
 * a doubled final consonant (stopped, bigger, running) and -ied/-ier/-iest (carried, happier).
 */

const RULES: Record<Pos, ReadonlyArray<readonly [string, string]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['ied', 'y']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  r: [],
};
const DOUBLED: Record<Pos, readonly string[]> = { n: [], v: ['ed', 'ing'], a: ['er', 'est'], r: [] };
const ORDER: readonly Pos[] = ['n', 'v', 'a', 'r'];

function exceptionBases(word: string): Array<readonly [string, Pos]> {
  const raw = table('exceptions').get(word);
  if (raw === undefined) return [];
  return raw.split(' ').map((b) => {
    const slash = b.lastIndexOf('/');
    return [b.slice(0, slash), b.slice(slash + 1) as Pos] as const;
  });
}

/** Base forms of `word` for one part of speech. */
export function baseForms(word: string, pos: Pos): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    if (!out.includes(w) && hasPos(w, pos)) out.push(w);
  };
  for (const [base, p] of exceptionBases(word)) if (p === pos) add(base);
  add(word);
  // A word in use on its own (offer, evening, number) is an inflection only of a word that is
  // in use in that part of speech too (not of "off", "even", "numb").
  const inUse = isEstablished(word);
  const addRule = (w: string) => {
    if (!inUse || isEstablished(w, pos)) add(w);
  };
  for (const [ending, replacement] of RULES[pos])
    if (word.endsWith(ending) && word.length > ending.length + 1) addRule(word.slice(0, -ending.length) + replacement);
  for (const ending of DOUBLED[pos]) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    const last = stem.charAt(stem.length - 1);
    if (stem.length > 2 && last === stem.charAt(stem.length - 2) && !/[aeiou]/.test(last)) addRule(stem.slice(0, -1));
  }
  return out;
}

/**
 * Every base form of `word`, common words first: exceptions, then the word itself, then what
 * detaching an ending gives. A name (WordNet writes it capitalised only) counts only when
 * nothing ordinary does.
 */
export function morphy(word: string): string[] {
  const all: string[] = [];
  for (const pos of ORDER) for (const base of baseForms(word, pos)) if (!all.includes(base)) all.push(base);
  const common = all.filter((w) => entry(w)?.common);
  return common.length > 0 ? sortBases(word, common) : all;
}

/**
 * Exceptions first (met -> meet), then the more frequent form: "leaders" and "running" are
 * WordNet lemmas of their own, but "leader" and "run" are what they usually inflect.
 */
function sortBases(word: string, bases: string[]): string[] {
  const exceptions = exceptionBases(word).map(([b]) => b);
  const score = (w: string) => (exceptions.includes(w) ? 100 : 0) + (entry(w)?.zipf ?? 0);
  return [...bases].sort((a, b) => score(b) - score(a));
}

let irregular: Map<string, string[]> | undefined;

/** The irregular forms of a verb, from the exception lists read backwards: "build" -> "built". */
export function irregularForms(base: string): readonly string[] {
  if (!irregular) {
    irregular = new Map();
    for (const line of table('exceptions').text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const form = line.slice(0, tab);
      for (const b of line.slice(tab + 1).split(' '))
        if (b.endsWith('/v')) {
          const key = b.slice(0, -2);
          const list = irregular.get(key);
          if (list) list.push(form);
          else irregular.set(key, [form]);
        }
    }
  }
  return irregular.get(base) ?? [];
}
