import type { Reply } from '../render/discord.ts';
import { parseCustomId, SHARE_ID, VOTE_PREFIX } from '../render/custom-ids.ts';
import { LIMITS } from '../render/limits.ts';
import type { VoteResult } from '../store/question-log.ts';
import type { BotContext, ComponentHandler, ComponentInteraction } from './command.ts';

/** The 👍/👎 buttons under an answer, and the Share button under a private one. */

export const FEEDBACK_MESSAGES = Object.freeze({
  counted: (up: boolean) => `Thanks! Your ${up ? '👍' : '👎'} is counted; moderators see the votes in \`/gaps\`.`,
  changed: (up: boolean) => `Thanks! Your vote on this answer is now ${up ? '👍' : '👎'}.`,
  unchanged: (up: boolean) => `You already gave this answer ${up ? '👍' : '👎'}; each member's vote counts once.`,
  notSaved: 'Thanks! Your vote could not be saved just now, though; please try again later.',
  nothingToShare: 'There is nothing to share in that message any more.',
  sharedBy: (userId: string) => `Shared by <@${userId}>`,
});

function text(content: string): Reply {
  return { content, embeds: [], components: [], allowedMentions: { parse: [] } };
}

const thanks: Readonly<Record<VoteResult, (up: boolean) => string>> = {
  counted: FEEDBACK_MESSAGES.counted,
  changed: FEEDBACK_MESSAGES.changed,
  unchanged: FEEDBACK_MESSAGES.unchanged,
  'not-saved': () => FEEDBACK_MESSAGES.notSaved,
};

/** Counts the press (one vote per member per answer message) and thanks the voter privately. */
export function voteReply(
  interaction: ComponentInteraction,
  vote: { readonly up: boolean; readonly entry: string },
  ctx: BotContext,
): Reply {
  const result =
    ctx.questions?.vote({
      messageId: interaction.message.id,
      entry: vote.entry,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      up: vote.up,
    }) ?? 'not-saved';
  ctx.log.debug(`vote ${vote.up ? 'up' : 'down'} on ${vote.entry}: ${result}`);
  return text(thanks[result](vote.up));
}

/**
 * Posts a private answer for everyone: the same embeds, and the same buttons but Share, with
 * who shared it (a mention that pings nobody).
 */
export function shareReply(interaction: ComponentInteraction): Reply {
  const embeds = interaction.message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) return text(FEEDBACK_MESSAGES.nothingToShare);
  const components = interaction.message.components
    .map((row) => row.toJSON())
    .filter((row): row is Extract<typeof row, { components: unknown[] }> => 'components' in row)
    .map((row) => ({ ...row, components: row.components.filter((c) => !('custom_id' in c) || c.custom_id !== SHARE_ID) }))
    .filter((row) => row.components.length > 0);
  return {
    content: FEEDBACK_MESSAGES.sharedBy(interaction.user.id),
    embeds: embeds.slice(0, LIMITS.embedsPerMessage),
    components: components as Reply['components'],
    allowedMentions: { parse: [] },
  };
}

export const voteButton: ComponentHandler<{ readonly up: boolean; readonly entry: string }> = {
  prefixes: [VOTE_PREFIX],
  parse(interaction) {
    const parsed = parseCustomId(interaction.customId);
    return parsed.kind === 'vote' ? { up: parsed.up, entry: parsed.entry } : undefined;
  },
  response: () => ({ visibility: 'ephemeral' }),
  run: (vote, interaction, ctx) => voteReply(interaction, vote, ctx),
};

export const shareButton: ComponentHandler<true> = {
  prefixes: [SHARE_ID],
  parse: (interaction) => (parseCustomId(interaction.customId).kind === 'share' ? true : undefined),
  response: () => ({ visibility: 'public' }),
  run: (_share, interaction) => shareReply(interaction),
};
