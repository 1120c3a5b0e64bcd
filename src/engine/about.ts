import { ABOUT_WORDS, ARTICLE_WORDS, isStopword } from './language.ts';

/**
 * Whether a question asks what the whole article is about ("what is this article about",
 * "summary", "tl;dr"): words for the article, for a summary, and function words only, with at
 * least one that asks for the gist. Such a question is answered from the title and the lead.
 */
export function asksWhatItIsAbout(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  let gist = false;
  for (const w of words) {
    if (ABOUT_WORDS.has(w)) {
      gist = true;
      continue;
    }
    if (ARTICLE_WORDS.has(w) || isStopword(w) || w === 's') continue;
    return false;
  }
  return gist;
}
