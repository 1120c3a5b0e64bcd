import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
} from 'discord.js';
import type { Logger } from '../log.ts';
import {
  renderQuestionUnavailable,
  renderSomethingWentWrong,
  renderUnknownCommand,
  type Reply,
} from '../render/discord.ts';
import type { BotContext, Command, ComponentInteraction, Visibility } from './command.ts';
import { isAlreadyAcknowledged, isInconclusive, within } from './deadline.ts';
import { editOriginal } from './edit-original.ts';
import { COMMANDS, commandsByName, componentFor, componentsByPrefix } from './registry.ts';

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
  const components = componentsByPrefix(options.commands ?? COMMANDS);
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const ackWithinMs = options.ackWithinMs ?? ACK_WITHIN_MS;
  const { log } = ctx;
  /** The one policy every reply follows, whatever it answers: the same deadlines, the same log. */
  const policy = (visibility: Visibility, what: string, defer: Command['defer'] = 'if-slow'): RespondOptions => ({
    visibility,
    defer,
    deferAfterMs,
    ackWithinMs,
    log,
    what,
  });

  async function chatCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const what = describeInteraction(interaction);
    const command = commands.get(interaction.commandName);
    if (command === undefined) {
      // A command still registered with Discord but gone from the code.
      log.warn(`unknown command ${what}`);
      await respond(interaction, policy('ephemeral', what), renderUnknownCommand);
      return;
    }
    let visibility: Visibility = 'ephemeral';
    try {
      visibility = command.visibility(interaction);
    } catch (error) {
      log.warn(`${what}: could not read visibility, answering privately`, error);
    }
    log.debug(`${what} ${visibility}`);
    await respond(interaction, policy(visibility, what, command.defer), () => command.execute(interaction, ctx));
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

  /**
   * A button or menu, routed to the command that owns its custom id's prefix. One it does not
   * know, or no longer can answer (a suggestion whose entry is gone), is answered as such when
   * it is a button; a stray menu is ignored.
   */
  async function component(interaction: ComponentInteraction): Promise<void> {
    const what = describeInteraction(interaction);
    const handler = componentFor(components, interaction.customId);
    let value: unknown;
    try {
      value = handler?.parse(interaction, ctx);
    } catch (error) {
      await respond(interaction, policy('ephemeral', what), () => {
        throw error;
      });
      return;
    }
    if (handler === undefined || value === undefined) {
      if (!interaction.isButton()) {
        log.debug(`ignored ${what}`);
        return;
      }
      log.info(`${what}: no such question (any more)`);
      await respond(interaction, policy('ephemeral', what), renderQuestionUnavailable);
      return;
    }
    const { visibility, update } = handler.response(value, interaction);
    await respond(interaction, { ...policy(visibility, what), ...(update === true && { update }) }, () => handler.run(value, interaction, ctx));
  }

  return async (interaction: Interaction): Promise<void> => {
    try {
      if (interaction.isChatInputCommand()) await chatCommand(interaction);
      else if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isButton() || interaction.isStringSelectMenu()) await component(interaction);
      else log.debug(`ignored ${describeInteraction(interaction)}`);
    } catch (error) {
      // Only a bug in this file gets here; keep serving.
      log.error(`dispatching ${interaction.id} failed`, error);
    }
  };
}
