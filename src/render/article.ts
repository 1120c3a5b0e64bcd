import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbed } from 'discord.js';
import type { ImportPreview } from '../knowledge/import/preview.ts';
import { plural } from '../knowledge/report.ts';
import { defuseWithin, fitEmbed, type Reply } from './discord.ts';
import { LIMITS } from './limits.ts';
import { truncate } from './truncate.ts';

/**
 * What /article shows. Everything here but the fixed wording comes from a web page, so it is
 * untrusted like a member's question: markdown escaped, mentions broken, shortened to fit.
 */

export const ARTICLE_MESSAGES = Object.freeze({
  onlyInServers: '`/article` works only in a server, not in direct messages.',
  onlyModerators: 'Only moderators can replace the article (Manage Server permission or a moderator role). Nothing was changed.',
  expired: 'This preview is no longer waiting: it was confirmed or cancelled already, it is older than 15 minutes, or the bot restarted since. Run `/article import` again.',
  notYours: 'Only the moderator who asked for this preview can confirm it.',
  cancelled: 'Cancelled: nothing was written, and the bot answers from the article it had.',
  confirm: 'Confirm',
  cancel: 'Cancel',
});

const COLOUR = 0x5865f2;
const PROBLEM = 0xc92a2a;
const NAMES_SHOWN = 15;

function names(list: readonly string[]): string {
  if (list.length === 0) return 'none found';
  const shown = list.slice(0, NAMES_SHOWN).map((n) => defuseWithin(n, 100));
  const more = list.length > NAMES_SHOWN ? `, and ${list.length - NAMES_SHOWN} more` : '';
  return truncate(shown.join(', ') + more, LIMITS.embedFieldValue);
}

export function text(content: string): Reply {
  return { content: truncate(content, LIMITS.messageContent), embeds: [], components: [], allowedMentions: { parse: [] } };
}

export function renderImportRefused(reason: string): Reply {
  return {
    embeds: [new EmbedBuilder(fitEmbed({ title: 'Nothing imported', description: defuseWithin(reason, 1000), color: PROBLEM })).toJSON()],
    components: [],
    allowedMentions: { parse: [] },
  };
}

/** The preview, with Confirm and Cancel; the buttons carry only ids, what to write stays with the bot. */
export function renderImportPreview(preview: ImportPreview, ids: { readonly confirm: string; readonly cancel: string }): Reply {
  const title = defuseWithin(preview.title ?? 'Untitled article', LIMITS.embedTitle);
  const embed: APIEmbed = {
    title,
    // Discord refuses an embed link past 2048 characters; the title then stands alone.
    ...(preview.url !== undefined && preview.url.length <= 2048 && { url: preview.url }),
    description:
      `${plural(preview.words, 'word')} in ${plural(preview.paragraphs, 'paragraph')}. Confirm to make this the article the bot answers from; ` +
      'the current one is kept and `/article undo` puts it back.\n\n' +
      `**First paragraph**\n> ${defuseWithin(preview.firstParagraph, 1500)}`,
    color: COLOUR,
    fields: [
      { name: 'People', value: names(preview.people) },
      { name: 'Places', value: names(preview.places) },
      { name: 'Organisations', value: names(preview.organisations) },
    ],
    footer: { text: 'People, places and organisations are found by the bot and not checked by a person.' },
  };
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(ids.confirm).setLabel(ARTICLE_MESSAGES.confirm).setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId(ids.cancel).setLabel(ARTICLE_MESSAGES.cancel).setStyle(ButtonStyle.Secondary),
  );
  return { embeds: [new EmbedBuilder(fitEmbed(embed)).toJSON()], components: [row.toJSON()], allowedMentions: { parse: [] } };
}

/** A line above the refresh report saying what was written or put back; `title` is the page's, defused here. */
export function withNote(note: (title: string) => string, title: string | undefined, report: Reply): Reply {
  return { ...report, content: truncate(note(defuseWithin(title ?? 'the article', 300)), LIMITS.messageContent), components: [] };
}
