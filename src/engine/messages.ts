/** Everything the engine says in its own words, in one table. */
export const DECLINE = Object.freeze({
  empty: 'Ask me a question about the article, for example one of these.',
  notCovered: "The article doesn't say. It doesn't cover that, so there is nothing to quote.",
  unknownWords: (words: readonly string[]) =>
    `The article doesn't say: it never mentions ${words
      .slice(0, 3)
      .map((w) => `"${w.length > 30 ? `${w.slice(0, 30)}…` : w}"`)
      .join(', ')}.`,
  notQuoted: (who: string, quoted: readonly string[]) =>
    `The article doesn't say: it does not quote ${who}${quoted.length ? `, only ${quoted.join(' and ')}` : ''}.`,
  unknownOffice: (office: string) => `The article doesn't say: it names no ${office}.`,
  notYetHappened: "The article doesn't say what will happen: it reports what has happened and what was said.",
  part: (part: string) => `As for "${part.length > 80 ? `${part.slice(0, 80)}…` : part}": the article doesn't say.`,
  noDateAhead: "The article doesn't say: it gives no date or length for what is still to come.",
});


export const NOTICE = Object.freeze({
  truncated: (max: number) => `Your question was longer than ${max} characters, so only its first ${max} were read.`,
});
