import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command, ComponentHandler } from './command.ts';
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

/**
 * Every command's buttons and menus by the custom-id prefix each claims. Two claiming one prefix
 * is a mistake in the code: it fails at start, not at the first press.
 */
export function componentsByPrefix(commands: readonly Command[] = COMMANDS): ReadonlyMap<string, ComponentHandler<unknown>> {
  const byPrefix = new Map<string, ComponentHandler<unknown>>();
  for (const command of commands) {
    for (const handler of command.components ?? []) {
      for (const prefix of handler.prefixes) {
        if (prefix === '' || byPrefix.has(prefix)) throw new Error(`custom-id prefix "${prefix}" of /${command.data.name} is empty or claimed twice`);
        byPrefix.set(prefix, handler);
      }
    }
  }
  return byPrefix;
}

/** The handler whose prefix is the longest that starts `customId`. */
export function componentFor(byPrefix: ReadonlyMap<string, ComponentHandler<unknown>>, customId: string): ComponentHandler<unknown> | undefined {
  let best: string | undefined;
  for (const prefix of byPrefix.keys()) if (customId.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  return best === undefined ? undefined : byPrefix.get(best);
}

/** The JSON that Discord stores for these commands. */
export function commandBodies(commands: readonly Command[] = COMMANDS): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}
