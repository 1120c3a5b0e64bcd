import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { FleetReport, LiveEngine } from '../engine/live-engine.ts';
import type { Logger } from '../log.ts';
import type { Reply } from '../render/discord.ts';
import type { QuestionLog } from '../store/question-log.ts';

/** What every handler may use. Passed in, never global, so tests build their own. */
export interface BotContext {
  readonly live: LiveEngine;
  readonly config: Config;
  readonly log: Logger;
  /** Unanswered questions and votes; absent, nothing is logged and votes are not counted. */
  readonly questions?: QuestionLog;
  /** Under a sharding manager: /refresh reloads every shard and reports on each. */
  readonly fleet?: { refreshEverywhere(): Promise<FleetReport> };
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
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: BotContext,
  ): readonly ApplicationCommandOptionChoiceData<string>[] | Promise<readonly ApplicationCommandOptionChoiceData<string>[]>;
  /** The buttons and menus its replies carry. */
  readonly components?: readonly ComponentHandler<unknown>[];
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** How a component's reply goes out: decided before it is made, as Discord fixes visibility at the first response. */
export interface ComponentResponse {
  readonly visibility: Visibility;
  /** Replace the message the component sits on (paging, a menu's pick) instead of answering with a new one. */
  readonly update?: boolean;
}

/**
 * A button or menu on a command's replies, found by the start of its custom id. `parse` reads
 * the press (custom id, the values picked, who pressed) into a value, or undefined when it is
 * not one it knows: a component outlives the code and knowledge that made it, so anything may
 * arrive. `run` turns the value into the reply; it may take a while, and is deferred if so.
 */
export interface ComponentHandler<T> {
  readonly prefixes: readonly string[];
  parse(interaction: ComponentInteraction, ctx: BotContext): T | undefined;
  response(value: T, interaction: ComponentInteraction): ComponentResponse;
  run(value: T, interaction: ComponentInteraction, ctx: BotContext): Reply | Promise<Reply>;
}
