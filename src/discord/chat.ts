import { ChannelType, type Message } from 'discord.js';
import { renderMentionHowTo, renderSomethingWentWrong, type Reply } from '../render/discord.ts';
import { readableMentions, NO_NAMES, type MentionNames } from '../render/mentions.ts';
import type { Asked, WayIn } from '../store/question-log.ts';
import { onceOnly, postChannelReply, type ReplyPayload } from './channel-reply.ts';
import { askReply, cachedNames } from './commands/ask.ts';
import type { BotContext } from './command.ts';

/**
 * Plain messages as questions: a message that mentions the bot, any DM, and any message in an
 * ask channel. Deciding is a pure function of a few facts about the message; only the handler
 * at the bottom touches Discord.
 */

export interface MessageFacts {
  readonly content: string;
  readonly authorIsBot: boolean;
  readonly system: boolean;
  readonly isDm: boolean;
  readonly channelId: string;
  /** For a thread, its parent channel: a thread in an ask channel is part of it. */
  readonly parentChannelId?: string | null;
}

export type ChatDecision =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'how-to' }
  | { readonly kind: 'ask'; readonly question: string };

/** Removes every mention of the bot (`<@id>` or the older `<@!id>`) and tidies the spacing. */
export function stripMention(content: string, botUserId: string): { readonly text: string; readonly mentioned: boolean } {
  const mention = new RegExp(`<@!?${botUserId}>`, 'g');
  const mentioned = mention.test(content);
  const text = content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
  // "@citebot, who leads Roscosmos?" leaves a leading comma or colon.
  return { text: mentioned ? text.replace(/^[,:;\-–—]\s*/, '') : text, mentioned };
}

export function decideChat(facts: MessageFacts, botUserId: string, askChannelIds: readonly string[]): ChatDecision {
  // Bots (this one included) never get answers: two bots could otherwise talk forever.
  if (facts.authorIsBot || facts.system) return { kind: 'ignore' };
  const { text, mentioned } = stripMention(facts.content, botUserId);
  const inAskChannel =
    askChannelIds.includes(facts.channelId) ||
    (facts.parentChannelId !== undefined && facts.parentChannelId !== null && askChannelIds.includes(facts.parentChannelId));
  if (!mentioned && !facts.isDm && !inAskChannel) return { kind: 'ignore' };
  if (text !== '') return { kind: 'ask', question: text };
  // An empty ask-channel message is an image or a sticker, not a question for the bot.
  return mentioned || facts.isDm ? { kind: 'how-to' } : { kind: 'ignore' };
}

export function messageFacts(message: Message): MessageFacts {
  const channel = message.channel;
  return {
    content: message.content,
    authorIsBot: message.author.bot || message.webhookId !== null,
    system: message.system,
    isDm: !message.inGuild() || channel.type === ChannelType.DM,
    channelId: message.channelId,
    parentChannelId: channel.isThread() ? channel.parentId : null,
  };
}

export function chatReply(
  decision: ChatDecision,
  ctx: BotContext,
  botUserId: string,
  asked?: Asked,
  names: MentionNames = NO_NAMES,
): Reply | undefined {
  switch (decision.kind) {
    case 'ignore':
      return undefined;
    case 'how-to':
      return renderMentionHowTo(botUserId, ctx.live.current().complete('', 1)[0]?.question);
    case 'ask':
      return askReply(ctx.live.current(), decision.question, {
        view: { title: readableMentions(decision.question, names) },
        ...(ctx.questions !== undefined && asked !== undefined && { questions: ctx.questions, asked }),
      });
  }
}

/** How a message reached the bot, for the question log. */
export function wayIn(facts: MessageFacts, botUserId: string): WayIn {
  if (facts.isDm) return 'dm';
  return stripMention(facts.content, botUserId).mentioned ? 'mention' : 'ask-channel';
}

/** Names for the mentions in a message: Discord resolves them in the message itself. */
function messageNames(message: Message): MentionNames {
  const cached = cachedNames(message.client, message.guild);
  return {
    user: (id) => message.mentions.members?.get(id)?.displayName ?? message.mentions.users.get(id)?.username ?? cached.user(id),
    role: (id) => message.mentions.roles.get(id)?.name ?? cached.role(id),
    channel: (id) => cached.channel(id),
  };
}

export interface ChatHandlerOptions {
  /** How a reply reaches Discord; tests replace it. */
  readonly send?: (message: Message, payload: ReplyPayload) => Promise<void>;
}

export function createChatHandler(ctx: BotContext, options: ChatHandlerOptions = {}): (message: Message) => Promise<void> {
  const { log } = ctx;
  const send =
    options.send ??
    ((message: Message, payload: ReplyPayload) =>
      postChannelReply(message, payload, {
        onRetry: (attempt, error) =>
          log.warn(`reply to message ${message.id}: attempt ${attempt} got no answer (${(error as Error).message}); sending again`),
      }));
  return async (message: Message): Promise<void> => {
    const botUserId = message.client.user.id;
    let reply: Reply | undefined;
    try {
      const facts = messageFacts(message);
      const decision = decideChat(facts, botUserId, ctx.config.askChannelIds);
      if (decision.kind === 'ignore') return;
      log.debug(`message ${message.id} from user ${message.author.id}: ${decision.kind}`);
      const asked: Asked = { guildId: message.guildId, via: wayIn(facts, botUserId), userId: message.author.id };
      reply = chatReply(decision, ctx, botUserId, asked, messageNames(message));
    } catch (error) {
      log.error(`answering message ${message.id} failed`, error);
      reply = renderSomethingWentWrong();
    }
    if (reply === undefined) return;
    try {
      // A reply threads the answer under the question without pinging its author.
      await send(message, { ...reply, allowedMentions: { parse: [], repliedUser: false }, ...onceOnly(message.id) });
    } catch (error) {
      log.warn(`could not reply to message ${message.id} in channel ${message.channelId}`, error);
    }
  };
}
