import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Answer, Engine } from '../engine/types.ts';
import type { Logger } from '../log.ts';
import { parseCustomId } from '../render/custom-ids.ts';
import {
  articleInfo,
  renderAnswer,
  renderQuestionUnavailable,
  renderSomethingWentWrong,
  renderUnknownCommand,
  type Reply,
} from '../render/discord.ts';
import type { BotContext, Command, Visibility } from './command.ts';
import { COMMANDS, commandsByName } from './registry.ts';
import { draftReply, gapsReply, refusal } from './commands/gaps.ts';
import { topicReply } from './commands/topics.ts';
import { shareReply, voteReply } from './feedback.ts';

/**
 * The one place that talks back to Discord for interactions. It applies the shared policy:
 * acknowledge within Discord's 3 s, fix visibility at the first response, and turn any failure
 * into a logged error plus a private "something went wrong", so the process keeps serving.
 */

/** Past this, an answer not yet ready is deferred; leaves a margin for latency before 3 s. */
export const DEFER_AFTER_MS = 2000;

export interface DispatcherOptions {
  readonly commands?: readonly Command[];
  readonly deferAfterMs?: number;
}

type Repliable = ChatInputCommandInteraction | MessageComponentInteraction;

interface RespondOptions {
  readonly visibility: Visibility;
  /** Replace the message the component sits on (paging) instead of answering with a new one. */
  readonly update?: boolean;
  readonly defer: 'now' | 'if-slow';
  readonly deferAfterMs: number;
  readonly log: Logger;
  readonly what: string;
}

function withFlags(reply: Reply, visibility: Visibility) {
  return visibility === 'ephemeral' ? { ...reply, flags: MessageFlags.Ephemeral as const } : reply;
}

async function tellFailure(interaction: Repliable, log: Logger): Promise<void> {
  const message = renderSomethingWentWrong();
  try {
    if (interaction.replied) {
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else if (interaction.deferred) {
      // Visibility was fixed by the deferral; editing replaces the "thinking…" state, while a
      // follow-up would be shown in its place anyway (Discord's rule for the first follow-up).
      await interaction.editReply(message);
    } else {
      await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    }
  } catch (error) {
    log.warn('could not tell the user that something went wrong', error);
  }
}

/**
 * Runs `work` and sends its reply: directly when it is quick, or after a deferral when it is
 * known to be slow (`now`) or turns out slow (`if-slow`). Never throws.
 */
export async function respond(interaction: Repliable, options: RespondOptions, work: () => Reply | Promise<Reply>): Promise<void> {
  let deferring: Promise<unknown> | undefined;
  const updating = options.update === true && interaction.isMessageComponent();
  const defer = () =>
    (deferring ??=
      updating && interaction.isMessageComponent()
        ? interaction.deferUpdate()
        : interaction.deferReply(options.visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {}));
  let timer: NodeJS.Timeout | undefined;
  try {
    if (options.defer === 'now') await defer();
    // The rejection, if any, is seen where `deferring` is awaited below.
    else timer = setTimeout(() => void defer().catch(() => undefined), options.deferAfterMs);
    const reply = await work();
    clearTimeout(timer);
    if (deferring !== undefined) {
      await deferring;
      await interaction.editReply(reply);
    } else if (updating && interaction.isMessageComponent()) {
      await interaction.update(reply);
    } else {
      await interaction.reply(withFlags(reply, options.visibility));
    }
  } catch (error) {
    clearTimeout(timer);
    // A deferral still in flight decides which call can carry the error message.
    if (deferring !== undefined) await deferring.catch(() => undefined);
    options.log.error(`${options.what} failed`, error);
    await tellFailure(interaction, options.log);
  }
}

export function describeInteraction(interaction: Interaction): string {
  const where = interaction.guildId !== null ? `guild ${interaction.guildId}` : 'DM';
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return `/${interaction.commandName} (user ${interaction.user.id}, ${where})`;
  }
  if (interaction.isButton()) return `button ${interaction.customId} (user ${interaction.user.id}, ${where})`;
  if (interaction.isStringSelectMenu()) return `menu ${interaction.customId} (user ${interaction.user.id}, ${where})`;
  return `interaction ${interaction.id}`;
}

export function createDispatcher(ctx: BotContext, options: DispatcherOptions = {}): (interaction: Interaction) => Promise<void> {
  const commands = commandsByName(options.commands ?? COMMANDS);
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const { log } = ctx;

  async function chatCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const what = describeInteraction(interaction);
    const command = commands.get(interaction.commandName);
    if (command === undefined) {
      // A command still registered with Discord but gone from the code.
      log.warn(`unknown command ${what}`);
      await respond(interaction, { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, log, what }, renderUnknownCommand);
      return;
    }
    let visibility: Visibility = 'ephemeral';
    try {
      visibility = command.visibility(interaction);
    } catch (error) {
      log.warn(`${what}: could not read visibility, answering privately`, error);
    }
    log.debug(`${what} ${visibility}`);
    await respond(interaction, { visibility, defer: command.defer, deferAfterMs, log, what }, () =>
      command.execute(interaction, ctx),
    );
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    try {
      // Autocomplete cannot be deferred: answer at once, with nothing rather than not at all.
      const choices = command?.autocomplete !== undefined ? await command.autocomplete(interaction, ctx) : [];
      await interaction.respond([...choices]);
    } catch (error) {
      log.error(`${describeInteraction(interaction)} autocomplete failed`, error);
      if (!interaction.responded) await interaction.respond([]).catch((e: unknown) => log.warn('could not send empty choices', e));
    }
  }

  /** Buttons and menus other than the suggestion buttons: votes, Share, /gaps paging and drafts, /topics. */
  async function component(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<boolean> {
    const what = describeInteraction(interaction);
    const parsed = parseCustomId(interaction.customId);
    const privately = { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, log, what } as const;
    const selected = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    switch (parsed.kind) {
      case 'vote':
        await respond(interaction, privately, () => voteReply(interaction, parsed, ctx));
        return true;
      case 'share':
        await respond(interaction, { ...privately, visibility: 'public' }, () => shareReply(interaction));
        return true;
      case 'gaps-page':
      case 'gaps-draft': {
        const refused = refusal(interaction, ctx);
        if (refused !== undefined) {
          await respond(interaction, privately, () => refused);
        } else if (parsed.kind === 'gaps-page') {
          await respond(interaction, { ...privately, update: true }, () =>
            gapsReply(ctx.live.current(), ctx.questions, interaction.guildId!, parsed.page),
          );
        } else {
          await respond(interaction, privately, () => draftReply(ctx.live.current(), ctx.questions, interaction.guildId!, Number(selected ?? -1)));
        }
        return true;
      }
      case 'topics-menu':
        await respond(interaction, { ...privately, update: true }, () => topicReply(ctx.live.current(), Number(selected ?? -1)));
        return true;
      default:
        return false;
    }
  }

  async function button(interaction: ButtonInteraction): Promise<void> {
    if (await component(interaction)) return;
    const what = describeInteraction(interaction);
    const parsed = parseCustomId(interaction.customId);
    let engine: Engine;
    let answer: Answer | undefined;
    try {
      engine = ctx.live.current();
      answer = parsed.kind === 'ask' ? engine.answerEntry(parsed.entryId) : undefined;
    } catch (error) {
      await respond(interaction, { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, log, what }, () => {
        throw error;
      });
      return;
    }
    if (answer === undefined) {
      log.info(`${what}: no such question (any more)`);
      await respond(interaction, { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, log, what }, renderQuestionUnavailable);
      return;
    }
    // Pressing a suggestion is asking that question in the same conversation, so the answer
    // takes the conversation's visibility: private under a private answer, public under a
    // public one, where the channel saw the decline and will see the follow-up. A presser can
    // post no more than typing /ask would, and the answer's title names the question.
    const visibility: Visibility = interaction.message.flags.has(MessageFlags.Ephemeral) ? 'ephemeral' : 'public';
    const found = answer;
    const article = engine.knowledge;
    await respond(interaction, { visibility, defer: 'if-slow', deferAfterMs, log, what }, () =>
      renderAnswer(found, articleInfo(article), { private: visibility === 'ephemeral' }),
    );
  }

  return async (interaction: Interaction): Promise<void> => {
    try {
      if (interaction.isChatInputCommand()) await chatCommand(interaction);
      else if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isButton()) await button(interaction);
      else if (interaction.isStringSelectMenu()) {
        if (!(await component(interaction))) log.debug(`ignored ${describeInteraction(interaction)}`);
      }
      else log.debug(`ignored ${describeInteraction(interaction)}`);
    } catch (error) {
      // Only a bug in this file gets here; keep serving.
      log.error(`dispatching ${interaction.id} failed`, error);
    }
  };
}
