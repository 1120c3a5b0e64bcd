import { LIMITS } from './limits.ts';

/**
 * Button and select-menu custom ids. A component outlives the code and knowledge that made it
 * (messages stay in the channel), so an id carries only stable values (an entry id, a page
 * number) and parsing tolerates anything.
 */

export const ASK_PREFIX = 'ask:';
export const VOTE_PREFIX = 'vote:';
export const SHARE_ID = 'share';
export const GAPS_PAGE_PREFIX = 'gaps:page:';
export const GAPS_DRAFT_ID = 'gaps:draft';
export const TOPICS_MENU_ID = 'topics:menu';
export const ARTICLE_CONFIRM_PREFIX = 'article:confirm:';
export const ARTICLE_CANCEL_PREFIX = 'article:cancel:';

const fits = (id: string) => (id.length <= LIMITS.customId ? id : undefined);

/** `ask:<entry id>`, or undefined when the id would not fit Discord's 100 characters. */
export function askButtonId(entryId: string): string | undefined {
  return entryId !== '' ? fits(`${ASK_PREFIX}${entryId}`) : undefined;
}

/** `vote:up:<entry>` or `vote:down:<entry>`: what was voted on travels with the button. */
export function voteButtonId(up: boolean, entry: string): string | undefined {
  return entry !== '' ? fits(`${VOTE_PREFIX}${up ? 'up' : 'down'}:${entry}`) : undefined;
}

export function gapsPageId(page: number): string {
  return `${GAPS_PAGE_PREFIX}${Math.max(0, Math.trunc(page))}`;
}

/**
 * `article:confirm:<id>` or `article:cancel:<id>`: the id names a preview the bot keeps, never
 * the article itself, so what is written is exactly what the moderator saw.
 */
export function articleButtonId(confirm: boolean, pendingId: string): string {
  return `${confirm ? ARTICLE_CONFIRM_PREFIX : ARTICLE_CANCEL_PREFIX}${pendingId}`;
}

export type ParsedCustomId =
  | { readonly kind: 'ask'; readonly entryId: string }
  | { readonly kind: 'vote'; readonly up: boolean; readonly entry: string }
  | { readonly kind: 'share' }
  | { readonly kind: 'gaps-page'; readonly page: number }
  | { readonly kind: 'gaps-draft' }
  | { readonly kind: 'topics-menu' }
  | { readonly kind: 'article'; readonly confirm: boolean; readonly pendingId: string }
  | { readonly kind: 'unknown' };

export function parseCustomId(customId: string): ParsedCustomId {
  if (customId.startsWith(ASK_PREFIX) && customId.length > ASK_PREFIX.length) {
    return { kind: 'ask', entryId: customId.slice(ASK_PREFIX.length) };
  }
  const vote = /^vote:(up|down):(.+)$/.exec(customId);
  if (vote !== null) return { kind: 'vote', up: vote[1] === 'up', entry: vote[2]! };
  if (customId === SHARE_ID) return { kind: 'share' };
  const page = /^gaps:page:(\d{1,6})$/.exec(customId);
  if (page !== null) return { kind: 'gaps-page', page: Number(page[1]) };
  if (customId === GAPS_DRAFT_ID) return { kind: 'gaps-draft' };
  if (customId === TOPICS_MENU_ID) return { kind: 'topics-menu' };
  const article = /^article:(confirm|cancel):([0-9a-f]{1,64})$/.exec(customId);
  if (article !== null) return { kind: 'article', confirm: article[1] === 'confirm', pendingId: article[2]! };
  return { kind: 'unknown' };
}
