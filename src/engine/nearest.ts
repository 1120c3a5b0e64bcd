import type { Passage } from '../knowledge/types.ts';
import { isStopword, WEAK_WORDS } from './language.ts';
import { stem } from './lexicon.ts';
import { words } from './normalise.ts';

/**
 * The article sentences closest to a text, for a moderator drafting a new Q&A entry: plain
 * term overlap weighted by rarity (a word in few sentences says more than one in many). This
 * proposes candidates for a person to check; answering never uses it.
 */

export interface NearSentence {
  readonly passage: Passage;
  /** 0..1: the share of the text's weight the sentence contains. */
  readonly score: number;
}

function terms(text: string): Set<string> {
  return new Set(words(text).filter((w) => !isStopword(w) && !WEAK_WORDS.has(w)).map(stem));
}

export function nearestSentences(sentences: readonly Passage[], text: string, limit = 3): NearSentence[] {
  const asked = terms(text);
  if (asked.size === 0 || sentences.length === 0) return [];
  const bags = sentences.map((s) => terms(s.text));
  const weight = new Map<string, number>();
  for (const term of asked) {
    const containing = bags.filter((bag) => bag.has(term)).length;
    // Unseen terms weigh in the total too: a question about something absent scores low everywhere.
    weight.set(term, Math.log(1 + sentences.length / (1 + containing)));
  }
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  return sentences
    .map((passage, i) => {
      let shared = 0;
      for (const [term, w] of weight) if (bags[i]!.has(term)) shared += w;
      return { passage, score: total > 0 ? shared / total : 0 };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.passage.paragraph - b.passage.paragraph || (a.passage.sentence ?? 0) - (b.passage.sentence ?? 0))
    .slice(0, limit);
}
