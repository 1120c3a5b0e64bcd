import type { AnswerType } from '../knowledge/schema.ts';
import { asksAboutTheFuture, asksWhatWillHappen, type QuestionKind } from './language.ts';
import type { Analysis, Lexicon } from './lexicon.ts';
import { DECLINE } from './messages.ts';

/**
 * Rules that decline questions which look answerable but ask for something the article does
 * not say. Each is a pure function of the analysed question and what the knowledge knows.
 */

/** How well an entry that gives `type` fits a question asking for `kind` (1 = fully). */
export function typeFit(kind: QuestionKind, type: AnswerType): number {
  switch (kind) {
    case 'age':
      return type === 'number' ? 1 : 0.5;
    case 'date':
      return type === 'date' ? 1 : 0.5;
    case 'duration':
      // "how long was the korean war" is answered by its dates.
      return type === 'number' || type === 'date' ? 0.9 : 0.5;
    case 'number':
      // "how many years ago" is answered by a date.
      return type === 'number' ? 1 : type === 'date' ? 0.85 : 0.5;
    case 'place':
      // An organisation has a place: "a paper from which country" is answered by the paper.
      return type === 'place' ? 1 : type === 'organisation' ? 0.8 : 0.6;
    case 'person':
      return type === 'person' || type === 'organisation' || type === 'list' ? 1 : 0.8;
    case 'organisation':
      return type === 'organisation' ? 1 : 0.8;
    default:
      return 1;
  }
}

/**
 * An entry whose phrasing or answer says the opposite of the question ("last visit" for
 * "first visit") fits it badly.
 */
export function oppositeFit(
  question: readonly string[],
  phrasing: readonly string[],
  answer: readonly string[],
  lexicon: Lexicon,
): number {
  const holds = (t: string) => phrasing.includes(t) || answer.includes(t);
  for (const term of question) if (!holds(term) && lexicon.opposites(term).some(holds)) return 0.5;
  return 1;
}

/** The name of the one the question makes speak, when the article never quotes them. */
export function silentSpeaker(analysis: Analysis, lexicon: Lexicon, alsoSpeak: ReadonlySet<string> = new Set()): string | undefined {
  if (analysis.speech.length === 0) return undefined;
  const firstSpeech = Math.min(...analysis.speech);
  // "what did the article say about lavrov" asks the article; "what did kim say about the article" asks Kim.
  if (analysis.article.some((p) => p < firstSpeech)) return undefined;
  const speakers = analysis.entities
    .filter((e) => e.position < firstSpeech)
    .map((e) => lexicon.entity(e.key))
    .filter((e) => e?.canSpeak);
  if (speakers.length === 0 || speakers.some((e) => e?.speaks || (e && alsoSpeak.has(e.id)))) return undefined;
  return speakers[0]?.name;
}

const YEAR = /^(?:1[89]|20)\d\d$/;

/**
 * Why the article cannot answer this question whatever entry matches it, or undefined.
 * `bestType` is the kind of answer the best-matching entry gives.
 */
export function declineReason(
  analysis: Analysis,
  lexicon: Lexicon,
  quoted: readonly string[],
  bestType?: AnswerType,
  alsoSpeak: ReadonlySet<string> = new Set(),
  datesAhead = false,
): string | undefined {
  // Only an article that dates nothing still to come can say so of every such question.
  if (!datesAhead && (analysis.kind === 'date' || analysis.kind === 'duration') && asksAboutTheFuture(analysis.words, analysis.kind === 'date'))
    return DECLINE.noDateAhead;
  // The article dates only what has happened: "will putin meet kim" is not "when did they meet".
  if (bestType === 'date' && asksWhatWillHappen(analysis.words)) return DECLINE.notYetHappened;
  if (analysis.unknownOffice) return DECLINE.unknownOffice(analysis.unknownOffice);
  const silent = silentSpeaker(analysis, lexicon, alsoSpeak);
  if (silent) return DECLINE.notQuoted(silent, quoted);
  const year = analysis.unknown.find((w) => YEAR.test(w));
  if (year) return DECLINE.unknownWords([year]);
  return undefined;
}
