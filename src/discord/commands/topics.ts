import { SlashCommandBuilder } from 'discord.js';
import type { Engine } from '../../engine/types.ts';
import { articleInfo, type Reply } from '../../render/discord.ts';
import { renderTopic, renderTopicsMenu } from '../../render/topics.ts';
import type { BotContext, Command } from '../command.ts';

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

export const topics: Command = {
  data,
  // A personal lookup: showing it to the whole channel each time would only add noise.
  visibility: () => 'ephemeral',
  defer: 'if-slow',
  execute: (_interaction, ctx: BotContext) => topicsReply(ctx.live.current()),
};
