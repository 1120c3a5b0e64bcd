import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { LiveEngine } from '../engine/live.ts';
import type { Logger } from '../log.ts';
import type { Reply } from '../render/discord.ts';
import type { Fleet } from '../shard/fleet.ts';
import type { QuestionLog } from '../store/question-log.ts';

/** What every handler may use. Passed in, never global, so tests build their own. */
export interface BotContext {
  readonly live: LiveEngine;
  readonly config: Config;
  readonly log: Logger;
  /** Unanswered questions and votes; absent, nothing is logged and votes are not counted. */
  readonly questions?: QuestionLog;
  /** Under a sharding manager: /refresh reloads every shard and reports on each. */
  readonly fleet?: Pick<Fleet, 'refreshEverywhere'>;
}

export type Visibility = 'public' | 'ephemeral';

/**
 * One slash command: its definition and its handler. Handlers return the reply instead of
 * sending it, so the dispatcher alone decides how and when to acknowledge, and how to fail.
 */
export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Decided before running: Discord fixes a reply's visibility at the first response. */
  visibility(interaction: ChatInputCommandInteraction): Visibility;
  /**
   * `now`: acknowledge (defer) before running, for work that may take a while.
   * `if-slow`: reply directly, deferring only if running nears Discord's 3 s deadline.
   */
  readonly defer: 'now' | 'if-slow';
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply | Promise<Reply>;
  /**
   * The buttons this command puts on its own replies, custom ids `<command name>:...`. The reply
   * replaces the message the button is on, privately, so a pressed button is gone with it.
   */
  button?(interaction: ButtonInteraction, ctx: BotContext): Reply | Promise<Reply>;
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: BotContext,
  ): readonly ApplicationCommandOptionChoiceData<string>[] | Promise<readonly ApplicationCommandOptionChoiceData<string>[]>;
}
