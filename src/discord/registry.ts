import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from './command.ts';
import { article } from './commands/article.ts';
import { ask } from './commands/ask.ts';
import { gaps } from './commands/gaps.ts';
import { help } from './commands/help.ts';
import { refresh } from './commands/refresh.ts';
import { topics } from './commands/topics.ts';

/** Every slash command the bot offers. Adding one is a new file plus one line here. */
export const COMMANDS: readonly Command[] = Object.freeze([ask, topics, help, refresh, gaps, article]);

export function commandsByName(commands: readonly Command[] = COMMANDS): ReadonlyMap<string, Command> {
  return new Map(commands.map((c) => [c.data.name, c]));
}

/** The JSON that Discord stores for these commands. */
export function commandBodies(commands: readonly Command[] = COMMANDS): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}
