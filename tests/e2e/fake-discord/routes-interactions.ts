import type { APIMessage } from 'discord.js';
import {
  InteractionKind,
  MessageFlag,
  applyMessageEdit,
  botMessage,
  interactionMetadata,
  isObject,
  type JsonObject,
} from './payloads.ts';
import { discordError, echoMessage, isEphemeral, noContent, ok, refuse, type RouteContext, type RouteDefinition, type RouteResult } from './route-kit.ts';
import type { InteractionRecord } from './store.ts';

const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

// Which callback types Discord accepts for each interaction type.
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionKind.Ping]: [CallbackType.Pong],
  [InteractionKind.ApplicationCommand]: [4, 5, 9, 12],
  [InteractionKind.MessageComponent]: [4, 5, 6, 7, 9, 12],
  [InteractionKind.Autocomplete]: [8],
  [InteractionKind.ModalSubmit]: [4, 5, 6, 7],
};

function guildIdOf(record: InteractionRecord): string | undefined {
  return record.payload.guild_id;
}

function channelIdOf(record: InteractionRecord): string {
  const channelId = record.payload.channel?.id ?? record.payload.channel_id;
  if (!channelId) throw new Error('fake-discord: interaction without channel');
  return channelId;
}

/** Interaction-created messages: chat input responses are type 20, the rest type 0. */
function createInteractionMessage(ctx: RouteContext, record: InteractionRecord, body: JsonObject, flags: number): APIMessage {
  const message = botMessage(ctx.world, {
    channelId: channelIdOf(record),
    body,
    type: record.payload.type === InteractionKind.ApplicationCommand ? 20 : 0,
    files: ctx.files,
    flags,
    interactionMetadata: interactionMetadata(record.payload),
    webhookId: ctx.world.applicationId,
  });
  ctx.store.putMessage(message, guildIdOf(record), true);
  echoMessage(ctx, 'MESSAGE_CREATE', message, guildIdOf(record));
  return message;
}

function createCallback(ctx: RouteContext): RouteResult {
  const record = ctx.store.interactions.get(ctx.params.interaction_id ?? '');
  const body = isObject(ctx.body) ? ctx.body : {};
  const type = typeof body.type === 'number' ? body.type : -1;
  const data = isObject(body.data) ? body.data : undefined;
  if (!record || record.token !== ctx.params.interaction_token) {
    return refuse(ctx, 404, 10062, 'Unknown interaction', 'callback for an interaction the fake never sent');
  }
  const callback = { type, data, at: ctx.receivedAt, accepted: false };
  record.callbacks.push(callback);
  if (record.responseType !== null) {
    if (record.outcomeHidden) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    return refuse(
      ctx,
      400,
      40060,
      'Interaction has already been acknowledged.',
      `interaction ${record.id} acknowledged twice (callback types ${record.responseType} then ${type})`,
    );
  }
  const age = callback.at - record.sentAt;
  if (age > ctx.settings.interactionAckTimeoutMs) {
    return refuse(ctx, 404, 10062, 'Unknown interaction', `interaction ${record.id} acknowledged after ${age} ms (limit ${ctx.settings.interactionAckTimeoutMs} ms)`);
  }
  if (!(ALLOWED_CALLBACKS[record.payload.type] ?? []).includes(type)) {
    return refuse(ctx, 400, 50035, 'Invalid Form Body', `callback type ${type} is not valid for interaction type ${record.payload.type}`);
  }

  callback.accepted = true;
  record.responseType = type;
  const dataFlags = typeof data?.flags === 'number' ? data.flags : 0;
  const componentMessage = record.payload.type === InteractionKind.MessageComponent ? record.payload.message : undefined;
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
      record.original = createInteractionMessage(ctx, record, data ?? {}, dataFlags);
      break;
    case CallbackType.DeferredChannelMessageWithSource:
      record.original = createInteractionMessage(ctx, record, {}, (dataFlags & MessageFlag.Ephemeral) | MessageFlag.Loading);
      break;
    case CallbackType.DeferredUpdateMessage:
      record.original = componentMessage ?? null;
      break;
    case CallbackType.UpdateMessage:
      if (componentMessage) {
        record.original = applyMessageEdit(ctx.store.messages.get(componentMessage.id)?.message ?? componentMessage, data ?? {}, ctx.files);
        ctx.store.replaceMessage(record.original);
        echoMessage(ctx, 'MESSAGE_UPDATE', record.original, guildIdOf(record));
      }
      break;
    case CallbackType.AutocompleteResult:
      record.choices = Array.isArray(data?.choices) ? data.choices.filter(isObject) : [];
      break;
    case CallbackType.Modal:
      record.modal = data ?? {};
      break;
    default:
      break;
  }

  if (ctx.query.get('with_response') !== 'true') return noContent();
  const original = record.original;
  return ok({
    interaction: {
      id: record.id,
      type: record.payload.type,
      ...(original
        ? {
            response_message_id: original.id,
            response_message_loading: ((original.flags ?? 0) & MessageFlag.Loading) !== 0,
            response_message_ephemeral: isEphemeral(original),
          }
        : {}),
    },
    resource: { type, ...(original && type !== CallbackType.DeferredUpdateMessage ? { message: original } : {}) },
  });
}

function webhookRecord(ctx: RouteContext): InteractionRecord | RouteResult {
  const record = ctx.store.interactionByToken(ctx.params.webhook_token ?? '');
  if (!record || ctx.params.webhook_id !== ctx.world.applicationId) {
    return refuse(ctx, 404, 10015, 'Unknown Webhook', 'webhook call with an unknown application id or interaction token');
  }
  return record;
}

function isRecord(value: InteractionRecord | RouteResult): value is InteractionRecord {
  return 'token' in value;
}

/** The message a webhook route addresses: `@original` or a follow-up id. */
function targetMessage(ctx: RouteContext, record: InteractionRecord): APIMessage | RouteResult {
  const id = ctx.params.message_id ?? '@original';
  if (record.responseType === null) {
    return refuse(ctx, 404, 10008, 'Unknown Message', `${id} of interaction ${record.id} used before the interaction was acknowledged`);
  }
  const message = id === '@original' || id === record.original?.id ? record.original : record.followUps.find((followUp) => followUp.id === id);
  if (!message) return refuse(ctx, 404, 10008, 'Unknown Message', `interaction ${record.id} has no message ${id}`);
  return message;
}

function getWebhookMessage(ctx: RouteContext): RouteResult {
  const record = webhookRecord(ctx);
  if (!isRecord(record)) return record;
  const message = targetMessage(ctx, record);
  return 'id' in message ? ok(message) : message;
}

function editWebhookMessage(ctx: RouteContext): RouteResult {
  const record = webhookRecord(ctx);
  if (!isRecord(record)) return record;
  const message = targetMessage(ctx, record);
  if (!('id' in message)) return message;
  const edited = applyMessageEdit(message, isObject(ctx.body) ? ctx.body : {}, ctx.files);
  ctx.store.replaceMessage(edited);
  echoMessage(ctx, 'MESSAGE_UPDATE', edited, guildIdOf(record));
  return ok(edited);
}

function deleteWebhookMessage(ctx: RouteContext): RouteResult {
  const record = webhookRecord(ctx);
  if (!isRecord(record)) return record;
  const message = targetMessage(ctx, record);
  if (!('id' in message)) return message;
  ctx.store.deleteMessage(message.id);
  if (record.original?.id === message.id) record.original = null;
  record.followUps = record.followUps.filter((followUp) => followUp.id !== message.id);
  return noContent();
}

function executeWebhook(ctx: RouteContext): RouteResult {
  const record = webhookRecord(ctx);
  if (!isRecord(record)) return record;
  if (record.responseType === null) {
    return refuse(ctx, 404, 10015, 'Unknown Webhook', `follow-up for interaction ${record.id} before it was acknowledged`);
  }
  if (record.responseType === CallbackType.AutocompleteResult) {
    return refuse(ctx, 400, 50035, 'Invalid Form Body', 'follow-up messages are not possible for autocomplete interactions');
  }
  const body = isObject(ctx.body) ? ctx.body : {};
  const message = createInteractionMessage(ctx, record, body, typeof body.flags === 'number' ? body.flags : 0);
  record.followUps.push(message);
  return ctx.query.get('wait') === 'true' ? ok(message) : noContent();
}

export const interactionRoutes: RouteDefinition[] = [
  { operation: 'create_interaction_response', method: 'POST', path: '/interactions/{interaction_id}/{interaction_token}/callback', auth: false, handle: createCallback },
  { operation: 'get_original_webhook_message', method: 'GET', path: '/webhooks/{webhook_id}/{webhook_token}/messages/@original', auth: false, handle: getWebhookMessage },
  { operation: 'update_original_webhook_message', method: 'PATCH', path: '/webhooks/{webhook_id}/{webhook_token}/messages/@original', auth: false, handle: editWebhookMessage },
  { operation: 'delete_original_webhook_message', method: 'DELETE', path: '/webhooks/{webhook_id}/{webhook_token}/messages/@original', auth: false, handle: deleteWebhookMessage },
  { operation: 'execute_webhook', method: 'POST', path: '/webhooks/{webhook_id}/{webhook_token}', auth: false, handle: executeWebhook },
  { operation: 'get_webhook_message', method: 'GET', path: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}', auth: false, handle: getWebhookMessage },
  { operation: 'update_webhook_message', method: 'PATCH', path: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}', auth: false, handle: editWebhookMessage },
  { operation: 'delete_webhook_message', method: 'DELETE', path: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}', auth: false, handle: deleteWebhookMessage },
];
