import { SlashCommandBuilder } from 'discord.js';
import type { Engine } from '../../engine/types.ts';
import { articleInfo, renderTopics, type Reply } from '../../render/discord.ts';
import type { BotContext, Command } from '../command.ts';

export const data = new SlashCommandBuilder()
  .setName('topics')
  .setDescription('What the article covers, with example questions');

export function topicsReply(engine: Engine): Reply {
  const { knowledge } = engine;
  return renderTopics(engine.topics(), articleInfo(knowledge), {
    version: knowledge.version,
    loadedAt: knowledge.loadedAt,
  });
}

export const topics: Command = {
  data,
  // A personal lookup: showing it to the whole channel each time would only add noise.
  visibility: () => 'ephemeral',
  defer: 'if-slow',
  execute: (_interaction, ctx: BotContext) => topicsReply(ctx.live.current()),
};
