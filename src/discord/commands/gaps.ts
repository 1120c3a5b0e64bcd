import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import { nearestSentences } from '../../engine/nearest.ts';
import type { Engine } from '../../engine/types.ts';
import { GAPS_DRAFT_ID, GAPS_PAGE_PREFIX, parseCustomId } from '../../render/custom-ids.ts';
import { GAPS_MESSAGES, GAPS_PAGE_SIZE, renderDraft, renderGaps } from '../../render/gaps.ts';
import type { Reply } from '../../render/discord.ts';
import type { QuestionLog } from '../../store/question-log.ts';
import type { BotContext, Command, ComponentHandler } from '../command.ts';
import { decideRefresh, memberRoleIds } from './refresh.ts';

export const data = new SlashCommandBuilder()
  .setName('gaps')
  .setDescription("Moderators: questions members asked that the article didn't answer, and votes")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

const DRAFT_CITATIONS = 3;

function text(content: string): Reply {
  return { content, embeds: [], components: [], allowedMentions: { parse: [] } };
}

/** The question an entry or a sentence id stands for, to name it beside its votes. */
export function entryQuestion(engine: Engine, entry: string): string | undefined {
  const passage = /^p(\d+)\.s(\d+)$/.exec(entry);
  if (passage !== null) return `Answers from paragraph ${passage[1]}, sentence ${passage[2]}`;
  try {
    return engine.answerEntry(entry)?.question;
  } catch {
    return undefined;
  }
}

/** One page of this server's unanswered questions, with every entry's votes. */
export function gapsReply(engine: Engine, questions: QuestionLog | undefined, guildId: string, page: number): Reply {
  if (questions === undefined) return text(GAPS_MESSAGES.notLogging);
  const safePage = Math.max(0, page);
  let found = questions.unanswered({ guildId, limit: GAPS_PAGE_SIZE, offset: safePage * GAPS_PAGE_SIZE });
  // The log may have shrunk since the page was shown: show its last page instead of nothing.
  if (found.questions.length === 0 && found.total > 0) {
    const last = Math.ceil(found.total / GAPS_PAGE_SIZE) - 1;
    return gapsReply(engine, questions, guildId, last);
  }
  return renderGaps({
    questions: found.questions,
    total: found.total,
    page: safePage,
    tallies: questions.tallies(),
    entryQuestion: (entry) => entryQuestion(engine, entry),
  });
}

/**
 * A qa.yaml draft for the question picked, named by its id: the list may have moved since the
 * menu was shown (more questions asked), and a place in it would then name another question.
 */
export function draftReply(engine: Engine, questions: QuestionLog | undefined, guildId: string, id: string): Reply {
  const question = questions?.findUnanswered({ guildId, id });
  if (question === undefined) return text(GAPS_MESSAGES.draftGone);
  return renderDraft(question, nearestSentences(engine.knowledge.article.sentences, question.question, DRAFT_CITATIONS));
}

type Asker = Pick<ChatInputCommandInteraction | MessageComponentInteraction, 'inGuild' | 'memberPermissions' | 'member' | 'guildId'>;

/** The same rule as /refresh: Manage Server or a moderator role, in a server. */
export function refusal(interaction: Asker, ctx: BotContext): Reply | undefined {
  const decision = decideRefresh(interaction.inGuild(), interaction.memberPermissions?.bitfield, memberRoleIds(interaction.member), ctx.config);
  if (decision.allowed) return undefined;
  return text(decision.reason === 'dm' ? GAPS_MESSAGES.onlyInServers : GAPS_MESSAGES.onlyModerators);
}

/** A refusal for a member who may not see the log, or what a moderator asked for. */
type Moderated<T> = { readonly refused: Reply } | { readonly allowed: T };

function moderated<T>(interaction: Asker, ctx: BotContext, value: T): Moderated<T> {
  const refused = refusal(interaction, ctx);
  return refused !== undefined ? { refused } : { allowed: value };
}

/** Previous and Next: the page replaces the one shown. A refusal is a private message of its own. */
export const gapsPageButton: ComponentHandler<Moderated<number>> = {
  prefixes: [GAPS_PAGE_PREFIX],
  parse(interaction, ctx) {
    const parsed = parseCustomId(interaction.customId);
    return parsed.kind === 'gaps-page' ? moderated(interaction, ctx, parsed.page) : undefined;
  },
  response: (value) => ('refused' in value ? { visibility: 'ephemeral' } : { visibility: 'ephemeral', update: true }),
  run: (value, interaction, ctx) =>
    'refused' in value ? value.refused : gapsReply(ctx.live.current(), ctx.questions, interaction.guildId!, value.allowed),
};

/** The menu of questions: a pick drafts a qa.yaml entry for that question. */
export const gapsDraftMenu: ComponentHandler<Moderated<string>> = {
  prefixes: [GAPS_DRAFT_ID],
  parse(interaction, ctx) {
    if (parseCustomId(interaction.customId).kind !== 'gaps-draft') return undefined;
    return moderated(interaction, ctx, (interaction.isStringSelectMenu() ? interaction.values[0] : undefined) ?? '');
  },
  response: () => ({ visibility: 'ephemeral' }),
  run: (value, interaction, ctx) =>
    'refused' in value ? value.refused : draftReply(ctx.live.current(), ctx.questions, interaction.guildId!, value.allowed),
};

export const gaps: Command = {
  data,
  // What members asked is for moderators only.
  visibility: () => 'ephemeral',
  defer: 'if-slow',
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
    const refused = refusal(interaction, ctx);
    if (refused !== undefined) return refused;
    return gapsReply(ctx.live.current(), ctx.questions, interaction.guildId!, 0);
  },
  components: [gapsPageButton, gapsDraftMenu],
};
