import { SlashCommandBuilder } from 'discord.js';
import type { Engine } from '../../engine/types.ts';
import { articleInfo, type Reply } from '../../render/discord.ts';
import { TOPICS_MENU_ID } from '../../render/custom-ids.ts';
import { renderTopic, renderTopicsMenu } from '../../render/topics.ts';
import type { BotContext, Command, ComponentHandler } from '../command.ts';

export const data = new SlashCommandBuilder()
  .setName('topics')
  .setDescription('What the article covers, with example questions');

const versionOf = (engine: Engine) => ({ version: engine.knowledge.version, loadedAt: engine.knowledge.loadedAt });

export function topicsReply(engine: Engine): Reply {
  return renderTopicsMenu(engine.topics(), articleInfo(engine.knowledge), versionOf(engine));
}

/** A topic picked in the menu: its questions. An index from an older knowledge version shows the menu again. */
export function topicReply(engine: Engine, index: number): Reply {
  return renderTopic(engine.topics(), index, articleInfo(engine.knowledge), versionOf(engine));
}

/** The menu of topics: a pick replaces the menu with that topic's questions. */
export const topicsMenu: ComponentHandler<number> = {
  prefixes: [TOPICS_MENU_ID],
  parse: (interaction) =>
    interaction.customId === TOPICS_MENU_ID ? Number((interaction.isStringSelectMenu() ? interaction.values[0] : undefined) ?? -1) : undefined,
  response: () => ({ visibility: 'ephemeral', update: true }),
  run: (index, _interaction, ctx) => topicReply(ctx.live.current(), index),
};

export const topics: Command = {
  data,
  // A personal lookup: showing it to the whole channel each time would only add noise.
  visibility: () => 'ephemeral',
  defer: 'if-slow',
  execute: (_interaction, ctx: BotContext) => topicsReply(ctx.live.current()),
  components: [topicsMenu],
};
