/**
 * Mentions in a question, as a reader would say them. A title shows markdown but not mentions,
 * so `<@&123…>` would show as raw digits: each becomes `@name` when the name is known (from the
 * interaction's resolved data or the client's cache), or a plain word when it is not.
 */

export interface MentionNames {
  user(id: string): string | undefined;
  role(id: string): string | undefined;
  channel(id: string): string | undefined;
}

export const NO_NAMES: MentionNames = Object.freeze({ user: () => undefined, role: () => undefined, channel: () => undefined });

const MENTION = /<(@!?|@&|#)(\d{17,20})>/g;

export function readableMentions(text: string, names: MentionNames): string {
  return text.replace(MENTION, (_, kind: string, id: string) => {
    if (kind === '@&') return `@${names.role(id) ?? 'a role'}`;
    if (kind === '#') return `#${names.channel(id) ?? 'a channel'}`;
    return `@${names.user(id) ?? 'someone'}`;
  });
}
