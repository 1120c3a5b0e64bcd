import { SlashCommandBuilder } from 'discord.js';
import type { Engine } from '../../engine/types.ts';
import { articleInfo, renderHelp, type Reply } from '../../render/discord.ts';
import type { BotContext, Command } from '../command.ts';

export const data = new SlashCommandBuilder().setName('help').setDescription('How to ask me about the article');

const EXAMPLES = 3;

export function helpReply(engine: Engine, askChannelIds: readonly string[], botUserId?: string): Reply {
  return renderHelp({
    article: articleInfo(engine.knowledge),
    askChannelIds,
    examples: engine.complete('', EXAMPLES).map((s) => s.question),
    ...(botUserId !== undefined && { botUserId }),
  });
}

export const help: Command = {
  data,
  // A personal lookup, like /topics.
  visibility: () => 'ephemeral',
  defer: 'if-slow',
  execute: (interaction, ctx: BotContext) =>
    helpReply(ctx.live.current(), ctx.config.askChannelIds, interaction.client.user.id),
};
