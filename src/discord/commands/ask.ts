import {
  SlashCommandBuilder,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Engine, Suggestion } from '../../engine/types.ts';
import { articleInfo, renderAnswer, type Reply } from '../../render/discord.ts';
import { LIMITS } from '../../render/limits.ts';
import { truncate } from '../../render/truncate.ts';
import type { BotContext, Command } from '../command.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer quotes it word for word')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, in your own words')
      .setRequired(true)
      .setMaxLength(LIMITS.questionMaxLength)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer to you only (default: everyone sees it)'));

export function askReply(engine: Engine, question: string): Reply {
  return renderAnswer(engine.ask(question), articleInfo(engine.knowledge));
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

export const ask: Command = {
  data,
  visibility: (interaction: ChatInputCommandInteraction) =>
    interaction.options.getBoolean('private') === true ? 'ephemeral' : 'public',
  defer: 'if-slow',
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
    const engine = ctx.live.current();
    return askReply(engine, interaction.options.getString('question', true));
  },
  autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
    const typed = String(interaction.options.getFocused());
    return autocompleteChoices(ctx.live.current().complete(typed, LIMITS.autocompleteChoices));
  },
};
