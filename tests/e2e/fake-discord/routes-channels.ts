import type { APIDMChannel, APIMessage } from 'discord.js';
import { applyMessageEdit, botMessage, isObject } from './payloads.ts';
import { echoMessage, isEphemeral, noContent, ok, refuse, type RouteContext, type RouteDefinition, type RouteResult } from './route-kit.ts';
import { dmChannelFor, findUser, guildChannel, type GuildTextChannel } from './world.ts';

interface ChannelInfo {
  channel: GuildTextChannel | APIDMChannel;
  guildId: string | undefined;
}

function channelOf(ctx: RouteContext): ChannelInfo | RouteResult {
  const id = ctx.params.channel_id ?? '';
  const guild = guildChannel(ctx.world, id);
  if (guild) return { channel: guild, guildId: ctx.world.guild.id };
  const dm = ctx.world.dmChannels.get(id);
  if (dm) return { channel: dm, guildId: undefined };
  return refuse(ctx, 404, 10003, 'Unknown Channel', `channel ${id} does not exist`);
}

function isChannel(value: ChannelInfo | RouteResult): value is ChannelInfo {
  return 'channel' in value;
}

function messageIn(ctx: RouteContext, channelId: string): APIMessage | RouteResult {
  const stored = ctx.store.messages.get(ctx.params.message_id ?? '');
  if (!stored || stored.message.channel_id !== channelId || isEphemeral(stored.message)) {
    return refuse(ctx, 404, 10008, 'Unknown Message', `message ${ctx.params.message_id} not found in channel ${channelId}`);
  }
  return stored.message;
}

function getChannel(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  return isChannel(info) ? ok(info.channel) : info;
}

const NONCE_WINDOW_MS = 5 * 60 * 1000;

function createMessage(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  if (!isChannel(info)) return info;
  const body = isObject(ctx.body) ? ctx.body : {};
  // Discord answers a repeated nonce (within a few minutes) with the message it already created.
  const nonceKey =
    body.enforce_nonce === true && (typeof body.nonce === 'string' || typeof body.nonce === 'number')
      ? `${info.channel.id}:${String(body.nonce)}`
      : undefined;
  const earlier = nonceKey === undefined ? undefined : ctx.store.nonces.get(nonceKey);
  if (earlier !== undefined && ctx.receivedAt - earlier.at < NONCE_WINDOW_MS) {
    const existing = ctx.store.messages.get(earlier.messageId);
    if (existing) return ok(existing.message);
  }
  let referenced: APIMessage | null = null;
  const reference = isObject(body.message_reference) ? body.message_reference : undefined;
  if (reference && typeof reference.message_id === 'string') {
    referenced = ctx.store.messages.get(reference.message_id)?.message ?? null;
    if (!referenced && reference.fail_if_not_exists !== false) {
      return refuse(ctx, 400, 50035, 'Invalid Form Body', `reply to unknown message ${reference.message_id}`);
    }
  }
  const message = botMessage(ctx.world, {
    channelId: info.channel.id,
    body,
    type: referenced ? 19 : 0,
    files: ctx.files,
    referencedMessage: referenced,
  });
  if (referenced) {
    const answered = ctx.store.botMessages().find((other) => other.message_reference?.message_id === referenced.id);
    if (answered) ctx.violation(`message ${referenced.id} answered twice (bot messages ${answered.id} and ${message.id})`);
  }
  if (nonceKey !== undefined) ctx.store.nonces.set(nonceKey, { messageId: message.id, at: ctx.receivedAt });
  ctx.store.putMessage(message, info.guildId, true);
  echoMessage(ctx, 'MESSAGE_CREATE', message, info.guildId);
  return ok(message);
}

function getMessage(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  if (!isChannel(info)) return info;
  const message = messageIn(ctx, info.channel.id);
  return 'id' in message ? ok(message) : message;
}

function editMessage(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  if (!isChannel(info)) return info;
  const message = messageIn(ctx, info.channel.id);
  if (!('id' in message)) return message;
  if (message.author.id !== ctx.world.botUser.id) {
    return refuse(ctx, 403, 50005, 'Cannot edit a message authored by another user');
  }
  const edited = applyMessageEdit(message, isObject(ctx.body) ? ctx.body : {}, ctx.files);
  ctx.store.replaceMessage(edited);
  echoMessage(ctx, 'MESSAGE_UPDATE', edited, info.guildId);
  return ok(edited);
}

function deleteMessage(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  if (!isChannel(info)) return info;
  const message = messageIn(ctx, info.channel.id);
  if (!('id' in message)) return message;
  // The bot's role has no Manage Messages, so only its own messages can go.
  if (message.author.id !== ctx.world.botUser.id) return refuse(ctx, 403, 50013, 'Missing Permissions');
  ctx.store.deleteMessage(message.id);
  ctx.gateway.dispatch('MESSAGE_DELETE', () => ({
    id: message.id,
    channel_id: message.channel_id,
    ...(info.guildId ? { guild_id: info.guildId } : {}),
  }));
  return noContent();
}

function addReaction(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  if (!isChannel(info)) return info;
  const message = messageIn(ctx, info.channel.id);
  return 'id' in message ? noContent() : message;
}

function typing(ctx: RouteContext): RouteResult {
  const info = channelOf(ctx);
  return isChannel(info) ? noContent() : info;
}

function createDm(ctx: RouteContext): RouteResult {
  const recipientId = isObject(ctx.body) && typeof ctx.body.recipient_id === 'string' ? ctx.body.recipient_id : '';
  const user = findUser(ctx.world, recipientId);
  if (!user) return refuse(ctx, 400, 50035, 'Invalid Form Body', `DM with unknown user ${recipientId}`);
  return ok(dmChannelFor(ctx.world, user));
}

export const channelRoutes: RouteDefinition[] = [
  { operation: 'get_channel', method: 'GET', path: '/channels/{channel_id}', auth: true, handle: getChannel },
  { operation: 'create_message', method: 'POST', path: '/channels/{channel_id}/messages', auth: true, handle: createMessage },
  { operation: 'get_message', method: 'GET', path: '/channels/{channel_id}/messages/{message_id}', auth: true, handle: getMessage },
  { operation: 'update_message', method: 'PATCH', path: '/channels/{channel_id}/messages/{message_id}', auth: true, handle: editMessage },
  { operation: 'delete_message', method: 'DELETE', path: '/channels/{channel_id}/messages/{message_id}', auth: true, handle: deleteMessage },
  {
    operation: 'add_my_message_reaction',
    method: 'PUT',
    path: '/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me',
    auth: true,
    handle: addReaction,
  },
  { operation: 'trigger_typing_indicator', method: 'POST', path: '/channels/{channel_id}/typing', auth: true, handle: typing },
  { operation: 'create_dm', method: 'POST', path: '/users/@me/channels', auth: true, handle: createDm },
];
