import { LIMITS } from './limits.ts';

/**
 * Button custom ids. A button outlives the code and knowledge that made it (messages stay in the
 * channel), so the id carries only a stable entry id and parsing tolerates anything.
 */

export const ASK_PREFIX = 'ask:';

/** `ask:<entry id>`, or undefined when the id would not fit Discord's 100 characters. */
export function askButtonId(entryId: string): string | undefined {
  const id = `${ASK_PREFIX}${entryId}`;
  return entryId !== '' && id.length <= LIMITS.customId ? id : undefined;
}

export type ParsedCustomId = { readonly kind: 'ask'; readonly entryId: string } | { readonly kind: 'unknown' };

export function parseCustomId(customId: string): ParsedCustomId {
  if (customId.startsWith(ASK_PREFIX) && customId.length > ASK_PREFIX.length) {
    return { kind: 'ask', entryId: customId.slice(ASK_PREFIX.length) };
  }
  return { kind: 'unknown' };
}
