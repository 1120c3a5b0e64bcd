import type { APIMessage } from 'discord.js';
import type { Gateway } from './gateway.ts';
import { messageForIntents } from './intents.ts';
import { MessageFlag, type UploadedFile } from './payloads.ts';
import type { FakeStore } from './store.ts';
import type { World } from './world.ts';

export interface RouteSettings {
  interactionAckTimeoutMs: number;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  world: World;
  store: FakeStore;
  gateway: Gateway;
  settings: RouteSettings;
  /** When the request arrived (before body validation, which can take a while on first use). */
  receivedAt: number;
  /** Records a violation of Discord's rules for this request. */
  violation(message: string): void;
}

/** `body: undefined` answers without a body and without a content type. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Operation ids (as in Discord's OpenAPI document) of the routes the fake implements. */
export type RouteName =
  | 'get_bot_gateway'
  | 'get_gateway'
  | 'get_my_user'
  | 'get_user'
  | 'get_my_application'
  | 'get_guild'
  | 'get_guild_member'
  | 'list_guild_channels'
  | 'list_guild_roles'
  | 'list_application_commands'
  | 'bulk_set_application_commands'
  | 'create_application_command'
  | 'get_application_command'
  | 'update_application_command'
  | 'delete_application_command'
  | 'list_guild_application_commands'
  | 'bulk_set_guild_application_commands'
  | 'create_guild_application_command'
  | 'get_guild_application_command'
  | 'update_guild_application_command'
  | 'delete_guild_application_command'
  | 'create_interaction_response'
  | 'get_original_webhook_message'
  | 'update_original_webhook_message'
  | 'delete_original_webhook_message'
  | 'execute_webhook'
  | 'get_webhook_message'
  | 'update_webhook_message'
  | 'delete_webhook_message'
  | 'get_channel'
  | 'create_message'
  | 'get_message'
  | 'update_message'
  | 'delete_message'
  | 'add_my_message_reaction'
  | 'trigger_typing_indicator'
  | 'create_dm';

export interface RouteDefinition {
  /** The spec's operationId; also the name `requestsTo()` accepts. */
  operation: RouteName;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template in OpenAPI spelling, relative to /api/v10. */
  path: string;
  /** Interaction callbacks and webhooks are called without the bot token. */
  auth: boolean;
  handle(ctx: RouteContext): RouteResult;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const noContent = (): RouteResult => ({ status: 204 });

/** Discord's JSON error envelope; see https://discord.com/developers/docs/topics/opcodes-and-status-codes */
export function discordError(status: number, code: number, message: string): RouteResult {
  return { status, body: { message, code } };
}

/** A request Discord would refuse: recorded as a violation and answered with Discord's error. */
export function refuse(ctx: RouteContext, status: number, code: number, message: string, why = message): RouteResult {
  ctx.violation(why);
  return discordError(status, code, message);
}

export function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
}

/**
 * Discord echoes the bot's own messages back over the gateway (subject to
 * intents); a bot that does not ignore its own messages loops in production.
 */
export function echoMessage(ctx: RouteContext, t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage, guildId: string | undefined): void {
  if (isEphemeral(message)) return;
  const botMember = guildId === undefined ? undefined : ctx.world.members.get(ctx.world.botUser.id);
  let payload = { ...message, mentions: message.mentions };
  if (guildId !== undefined && botMember) {
    const { user: _user, ...member } = botMember;
    payload = { ...payload, guild_id: guildId, member } as typeof payload;
  }
  ctx.gateway.dispatch(t, (session) => messageForIntents(session.intents, payload, ctx.world.botUser.id));
}
