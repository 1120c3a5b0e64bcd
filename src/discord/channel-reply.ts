import { MessagePayload, Routes, type Message, type MessageReplyOptions } from 'discord.js';
import { isInconclusive } from './deadline.ts';

/**
 * Replies in a channel that are sent once, and never wait long on one request. The nonce is the
 * question's own id with `enforce_nonce`, so Discord turns a repeat (a retry after a server error
 * that had landed, or after a deadline) into the message it already created. Each attempt has
 * its own deadline: discord.js queues a channel's messages one after another, and a request that
 * hangs would hold every later reply in that channel for the REST timeout (15 s, four times).
 */

export const CHANNEL_REPLY_DEADLINE_MS = 4000;
export const CHANNEL_REPLY_ATTEMPTS = 3;

export type ReplyPayload = MessageReplyOptions & { readonly nonce: string; readonly enforceNonce: true };

/** The payload options that make a reply to `questionId` safe to send again. */
export function onceOnly(questionId: string): { readonly nonce: string; readonly enforceNonce: true } {
  // Discord accepts nonces up to 25 characters; a snowflake has at most 20 digits.
  return { nonce: questionId, enforceNonce: true };
}

export interface ChannelReplyOptions {
  readonly deadlineMs?: number;
  readonly attempts?: number;
  readonly onRetry?: (attempt: number, error: unknown) => void;
}

export async function postChannelReply(message: Message, payload: ReplyPayload, options: ChannelReplyOptions = {}): Promise<void> {
  const deadlineMs = options.deadlineMs ?? CHANNEL_REPLY_DEADLINE_MS;
  const attempts = options.attempts ?? CHANNEL_REPLY_ATTEMPTS;
  const { body, files } = await MessagePayload.create(message, payload, {
    reply: { messageReference: message.id, failIfNotExists: payload.failIfNotExists ?? message.client.options.failIfNotExists ?? true },
  })
    .resolveBody()
    .resolveFiles();
  for (let attempt = 1; ; attempt++) {
    const signal = AbortSignal.timeout(deadlineMs);
    try {
      await message.client.rest.post(Routes.channelMessages(message.channelId), { body, files: files ?? [], signal });
      return;
    } catch (error) {
      // The deadline may end the attempt while it still waits in the channel's queue (discord.js
      // then says "Request aborted manually"): that is no answer either, and worth another try.
      if (!(signal.aborted || isInconclusive(error)) || attempt >= attempts) throw error;
      options.onRetry?.(attempt, error);
    }
  }
}
