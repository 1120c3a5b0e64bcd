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
import { isAlreadyAcknowledged, isInconclusive, within } from './deadline.ts';
import { editOriginal } from './edit-original.ts';
import { COMMANDS, commandsByName } from './registry.ts';
import { draftReply, gapsReply, refusal } from './commands/gaps.ts';
import { topicReply } from './commands/topics.ts';
import { shareReply, voteReply } from './feedback.ts';

/**
 * The one place that talks back to Discord for interactions. It applies the shared policy:
 * acknowledge within Discord's 3 s, fix visibility at the first response, and turn any failure
 * into a logged error plus a private "something went wrong", so the process keeps serving.
 */

/** Past this, an answer not yet ready is deferred. */
export const DEFER_AFTER_MS = 1500;
/**
 * Every interaction is acknowledged by then (a reply, or a deferral when the reply is slow or
 * stuck): Discord's 3 s, less a margin for the network on the way in and out.
 */
export const ACK_WITHIN_MS = 2700;
/** What is kept of ACK_WITHIN_MS for a deferral when a reply gets no answer. */
const DEFER_RESERVE_MS = 900;
/** The token of a deferred interaction lives 15 minutes: an edit has time to try again. */
const EDIT_DEADLINE_MS = 5000;
/** A reply that could not have this long before the reserve is not tried: defer at once. */
const MIN_REPLY_MS = 250;

export interface DispatcherOptions {
  readonly commands?: readonly Command[];
  readonly deferAfterMs?: number;
  readonly ackWithinMs?: number;
}

type Repliable = ChatInputCommandInteraction | MessageComponentInteraction;

interface RespondOptions {
  readonly visibility: Visibility;
  /** Replace the message the component sits on (paging) instead of answering with a new one. */
  readonly update?: boolean;
  readonly defer: 'now' | 'if-slow';
  readonly deferAfterMs: number;
  readonly ackWithinMs?: number;
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

/** Past this, an interaction's id says it is older than it can be: a clock is off. Trust our own. */
const MAX_TRUSTED_AGE_MS = 2000;

/**
 * Discord's 3 s run from when it created the interaction (its id says when), not from when the
 * bot got to it: time spent waiting on a busy event loop counts too.
 */
function createdAt(interaction: Repliable): number {
  const now = Date.now();
  const created = (interaction as { createdTimestamp?: unknown }).createdTimestamp;
  if (typeof created !== 'number' || !Number.isFinite(created)) return now;
  return Math.min(now, Math.max(created, now - MAX_TRUSTED_AGE_MS));
}

/** How an acknowledgement ended: deferred (edit next), or the reply itself had landed. */
type Acknowledged = 'deferred' | 'answered';

/**
 * Runs `work` and sends its reply: directly when it is quick, or after a deferral when it is
 * known to be slow (`now`) or turns out slow (`if-slow`). A reply that gets no answer in time
 * (hung, or a server error that may have landed) is followed by a deferral, which Discord
 * refuses with 40060 exactly when the reply had landed; either way the user sees one answer.
 * Never throws.
 */
export async function respond(interaction: Repliable, options: RespondOptions, work: () => Reply | Promise<Reply>): Promise<void> {
  const started = createdAt(interaction);
  const ackBy = started + (options.ackWithinMs ?? ACK_WITHIN_MS);
  const { log, what } = options;
  /** A reply was sent whose fate is unknown: a 40060 now means it landed. */
  let replyMayHaveLanded = false;
  const updating = options.update === true && interaction.isMessageComponent();

  async function deferOnce(): Promise<Acknowledged> {
    const flags = options.visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral as const } : {};
    for (let attempt = 1; ; attempt++) {
      try {
        const acknowledging = updating && interaction.isMessageComponent() ? interaction.deferUpdate() : interaction.deferReply(flags);
        await within(acknowledging, Math.max(ackBy - Date.now(), MIN_REPLY_MS));
        return 'deferred';
      } catch (error) {
        if (isAlreadyAcknowledged(error)) {
          if (replyMayHaveLanded) return 'answered';
          // A deferral retried after it had landed: the interaction is deferred.
          (interaction as { deferred: boolean }).deferred = true;
          return 'deferred';
        }
        if (!isInconclusive(error) || attempt === 2) throw error;
        log.warn(`${what}: deferral got no answer (${(error as Error).message}); trying once more`);
      }
    }
  }

  let deferring: Promise<Acknowledged> | undefined;
  const defer = () => (deferring ??= deferOnce());
  let timer: NodeJS.Timeout | undefined;
  try {
    if (options.defer === 'now') await defer();
    // The rejection, if any, is seen where `deferring` is awaited below.
    else timer = setTimeout(() => void defer().catch(() => undefined), options.deferAfterMs);
    const reply = await work();
    clearTimeout(timer);
    if (deferring === undefined) {
      const budget = ackBy - DEFER_RESERVE_MS - Date.now();
      if (budget >= MIN_REPLY_MS) {
        try {
          const replying =
            updating && interaction.isMessageComponent() ? interaction.update(reply) : interaction.reply(withFlags(reply, options.visibility));
          await within(replying, budget);
          return;
        } catch (error) {
          // A reply retried after a server error that had landed.
          if (isAlreadyAcknowledged(error)) return;
          if (!isInconclusive(error)) throw error;
          log.warn(`${what}: reply got no answer in ${budget} ms (${(error as Error).message}); deferring, then editing`);
          replyMayHaveLanded = true;
        }
      }
    }
    if ((await defer()) === 'answered') return;
    // An edit may be repeated: it sets the message to the same content.
    for (let attempt = 1; ; attempt++) {
      try {
        await editOriginal(interaction, reply, EDIT_DEADLINE_MS);
        break;
      } catch (error) {
        if (!isInconclusive(error) || attempt === 3) throw error;
        log.warn(`${what}: edit got no answer (${(error as Error).message}); sending it again`);
      }
    }
  } catch (error) {
    clearTimeout(timer);
    // A deferral still in flight decides which call can carry the error message.
    if (deferring !== undefined) await deferring.catch(() => undefined);
    log.error(`${what} failed`, error);
    await tellFailure(interaction, log);
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
  const ackWithinMs = options.ackWithinMs ?? ACK_WITHIN_MS;
  const { log } = ctx;

  async function chatCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const what = describeInteraction(interaction);
    const command = commands.get(interaction.commandName);
    if (command === undefined) {
      // A command still registered with Discord but gone from the code.
      log.warn(`unknown command ${what}`);
      await respond(interaction, { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, ackWithinMs, log, what }, renderUnknownCommand);
      return;
    }
    let visibility: Visibility = 'ephemeral';
    try {
      visibility = command.visibility(interaction);
    } catch (error) {
      log.warn(`${what}: could not read visibility, answering privately`, error);
    }
    log.debug(`${what} ${visibility}`);
    await respond(interaction, { visibility, defer: command.defer, deferAfterMs, ackWithinMs, log, what }, () =>
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
      // Choices retried after a server error that had landed.
      if (isAlreadyAcknowledged(error)) return;
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

  /** A command that owns its buttons gets those whose id starts with its name. */
  function buttonOwner(customId: string): Command | undefined {
    const colon = customId.indexOf(':');
    if (colon < 1) return undefined;
    const owner = commands.get(customId.slice(0, colon));
    return owner?.button !== undefined ? owner : undefined;
  }

  async function button(interaction: ButtonInteraction): Promise<void> {
    const owner = buttonOwner(interaction.customId);
    if (owner !== undefined) {
      const what = describeInteraction(interaction);
      await respond(interaction, { visibility: 'ephemeral', update: true, defer: 'if-slow', deferAfterMs, ackWithinMs, log, what }, () =>
        owner.button!(interaction, ctx),
      );
      return;
    }
    if (await component(interaction)) return;
    const what = describeInteraction(interaction);
    const parsed = parseCustomId(interaction.customId);
    let engine: Engine;
    let answer: Answer | undefined;
    try {
      engine = ctx.live.current();
      answer = parsed.kind === 'ask' ? engine.answerEntry(parsed.entryId) : undefined;
    } catch (error) {
      await respond(interaction, { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, ackWithinMs, log, what }, () => {
        throw error;
      });
      return;
    }
    if (answer === undefined) {
      log.info(`${what}: no such question (any more)`);
      await respond(interaction, { visibility: 'ephemeral', defer: 'if-slow', deferAfterMs, ackWithinMs, log, what }, renderQuestionUnavailable);
      return;
    }
    // Pressing a suggestion is asking that question in the same conversation, so the answer
    // takes the conversation's visibility: private under a private answer, public under a
    // public one, where the channel saw the decline and will see the follow-up. A presser can
    // post no more than typing /ask would, and the answer's title names the question.
    const visibility: Visibility = interaction.message.flags.has(MessageFlags.Ephemeral) ? 'ephemeral' : 'public';
    const found = answer;
    const article = engine.knowledge;
    await respond(interaction, { visibility, defer: 'if-slow', deferAfterMs, ackWithinMs, log, what }, () =>
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
