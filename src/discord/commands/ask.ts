import {
  SlashCommandBuilder,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Guild,
  MessageFlags,
} from 'discord.js';
import type { Answer, Engine, Suggestion } from '../../engine/types.ts';
import { ASK_PREFIX, parseCustomId } from '../../render/custom-ids.ts';
import { articleInfo, renderAnswer, type AnswerView, type ArticleInfo, type Reply } from '../../render/discord.ts';
import { QUESTION_MAX_CHARS } from '../../knowledge/limits.ts';
import { LIMITS } from '../../render/limits.ts';
import { readableMentions, type MentionNames } from '../../render/mentions.ts';
import { truncate } from '../../render/truncate.ts';
import type { Asked, QuestionLog } from '../../store/question-log.ts';
import type { BotContext, Command, ComponentHandler } from '../command.ts';
import { shareButton, voteButton } from '../feedback.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer quotes it word for word')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, in your own words')
      .setRequired(true)
      .setMaxLength(QUESTION_MAX_CHARS)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer to you only (default: everyone sees it)'))
  .addUserOption((o) => o.setName('mention').setDescription('Point the answer at this member: only they are pinged'));

export interface AskOptions {
  readonly view?: AnswerView;
  /** Where a declined or unsure answer is logged for the moderators. */
  readonly questions?: QuestionLog;
  readonly asked?: Asked;
}

/** Asks, logs the question when it was not answered well, and renders the answer. */
export function askReply(engine: Engine, question: string, options: AskOptions = {}): Reply {
  const answer = engine.ask(question);
  if (options.questions !== undefined && options.asked !== undefined) options.questions.record(answer, options.asked);
  return renderAnswer(answer, articleInfo(engine.knowledge), options.view);
}

/** Names for mentions typed into a question, from what this shard has cached. */
export function cachedNames(client: Client, guild: Guild | null): MentionNames {
  return {
    user: (id) => {
      const member = guild?.members.cache.get(id);
      const user = member?.user ?? client.users.cache.get(id);
      return member?.displayName ?? user?.globalName ?? user?.username;
    },
    role: (id) => guild?.roles.cache.get(id)?.name,
    channel: (id) => {
      const channel = client.channels.cache.get(id);
      return channel !== undefined && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
    },
  };
}

/**
 * `mention:` points a public answer at one member: their mention is the message content and the
 * only one allowed to ping. A private answer pings nobody.
 */
export function pointAt(reply: Reply, memberId: string | undefined): Reply {
  if (memberId === undefined) return reply;
  return { ...reply, content: `<@${memberId}>`, allowedMentions: { parse: [], users: [memberId] } };
}

/** The longest start of `text` within `limit` that ends between words, with no ellipsis. */
function wordPrefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : text.slice(0, limit)).trim();
}

/**
 * Choices for what was typed so far. A choice's value replaces the typed text and becomes the
 * question asked, so it must be a question that finds the same entry: the known question itself
 * when it fits Discord's 100 characters, else its start cut between words (no ellipsis, which
 * would become part of the question). What was typed is no substitute: it is usually a fragment
 * such as "who le", which would ask something else. The name is only a label and may be shortened.
 */
export function autocompleteChoices(suggestions: readonly Suggestion[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const s of suggestions) {
    const question = s.question.replace(/\s+/g, ' ').trim();
    if (question === '') continue;
    const value = wordPrefix(question, LIMITS.choiceValueMax);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncate(question, LIMITS.choiceNameMax), value });
    if (choices.length === LIMITS.autocompleteChoices) break;
  }
  return choices;
}

/**
 * A suggested question under a declined answer: pressing it asks that question. An entry gone
 * from the knowledge since is not one this knows, and is answered as such by the dispatcher.
 */
export const suggestionButton: ComponentHandler<{ readonly answer: Answer; readonly article: ArticleInfo }> = {
  prefixes: [ASK_PREFIX],
  parse(interaction, ctx) {
    const parsed = parseCustomId(interaction.customId);
    if (parsed.kind !== 'ask') return undefined;
    const engine = ctx.live.current();
    const answer = engine.answerEntry(parsed.entryId);
    return answer === undefined ? undefined : { answer, article: articleInfo(engine.knowledge) };
  },
  // Pressing a suggestion is asking that question in the same conversation, so the answer
  // takes the conversation's visibility: private under a private answer, public under a
  // public one, where the channel saw the decline and will see the follow-up. A presser can
  // post no more than typing /ask would, and the answer's title names the question.
  response: (_value, interaction) => ({ visibility: interaction.message.flags.has(MessageFlags.Ephemeral) ? 'ephemeral' : 'public' }),
  run: ({ answer, article }, interaction) =>
    renderAnswer(answer, article, { private: interaction.message.flags.has(MessageFlags.Ephemeral) }),
};

export const ask: Command = {
  data,
  visibility: (interaction: ChatInputCommandInteraction) =>
    interaction.options.getBoolean('private') === true ? 'ephemeral' : 'public',
  defer: 'if-slow',
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
    const engine = ctx.live.current();
    const question = interaction.options.getString('question', true);
    const isPrivate = interaction.options.getBoolean('private') === true;
    const target = interaction.options.getUser('mention');
    const reply = askReply(engine, question, {
      view: { title: readableMentions(question, cachedNames(interaction.client, interaction.guild)), private: isPrivate },
      ...(ctx.questions !== undefined && {
        questions: ctx.questions,
        asked: { guildId: interaction.guildId, via: 'slash', userId: interaction.user.id },
      }),
    });
    return isPrivate || target === null || target.bot ? reply : pointAt(reply, target.id);
  },
  autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
    const typed = String(interaction.options.getFocused());
    return autocompleteChoices(ctx.live.current().complete(typed, LIMITS.autocompleteChoices));
  },
  // Answers carry votes, Share when private, and suggestions when declined, however they were asked.
  components: [suggestionButton, voteButton, shareButton],
};
