/** Telling the questions apart in a message that asks more than one. */

/**
 * The questions within one message: first at clear breaks ("x? y", "x, and y", "x; y"), and
 * only where there are none at a plain "and" ("who heads roscosmos and rzd"). "the defence and
 * health ministers" shares its last word, so each part gets it: "the defence minister".
 */
export function splitQuestion(text: string): { parts: string[]; clear: boolean } | undefined {
  const separators = [
    { pattern: /\?\s+|;\s*|,\s*(?:and|also|plus)\s+/i, clear: true },
    { pattern: /\s+(?:and|&|plus)\s+/i, clear: false },
  ];
  for (const { pattern, clear } of separators) {
    const parts = text
      .split(pattern)
      // "who runs it? and when..." : the joining word belongs to no part.
      .map((p) => p.trim().replace(/^(?:and|also|plus|so|then)\s+/i, ''))
      .filter((p) => p.length > 0);
    if (parts.length < 2) continue;
    if (parts.length > 3) return undefined;
    const shared = /\s(ministers|ministries|heads|chiefs|bosses)\W*$/i.exec(parts[parts.length - 1]!)?.[1];
    if (!clear && shared) {
      const singular = shared.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
      for (let i = 0; i < parts.length - 1; i++) if (!parts[i]!.toLowerCase().includes(singular)) parts[i] = `${parts[i]} ${singular}`;
    }
    return { parts, clear };
  }
  return undefined;
}

const QUESTION_START = /^(?:who|whom|whose|what|whats|when|where|which|why|how|is|are|was|were|did|does|do|will|can|has|have)\b/i;

export function startsAsQuestion(part: string): boolean {
  return QUESTION_START.test(part);
}

/** Words for what two do together: "where did they meet", "what did they sign together". */
const TOGETHER = /\b(?:meet|meets|met|meeting|sign|signs|signed|agree|agreed|agrees|talk|talks|talked|discuss|discussed|negotiate|negotiated|together|each other|one another|between|both|jointly)\b/i;

/** Whether a part of a question speaks of what a pair does together. */
export function together(part: string): boolean {
  return TOGETHER.test(part);
}
