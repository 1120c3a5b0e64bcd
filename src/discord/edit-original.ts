import { MessagePayload, Routes, type ChatInputCommandInteraction, type MessageComponentInteraction, type REST } from 'discord.js';
import type { Reply } from '../render/discord.ts';
import { DeadlineExceeded, within } from './deadline.ts';

/**
 * Edits an interaction's first response with a deadline that ends the request itself.
 * discord.js sends one interaction's webhook requests one after another, so an edit left
 * hanging (the REST timeout is 15 s, retried three times) would hold up the next attempt;
 * aborting it frees the queue for the retry.
 */
export async function editOriginal(interaction: ChatInputCommandInteraction | MessageComponentInteraction, reply: Reply, deadlineMs: number): Promise<void> {
  const rest = (interaction.client as { rest?: REST } | undefined)?.rest;
  const webhook = (interaction as { webhook?: unknown }).webhook;
  // Without its own REST client and webhook (a stand-in), the interaction edits itself.
  if (rest === undefined || webhook === undefined) {
    await within(interaction.editReply(reply), deadlineMs);
    return;
  }
  const { body, files } = await MessagePayload.create(interaction.webhook, reply).resolveBody().resolveFiles();
  const signal = AbortSignal.timeout(deadlineMs);
  try {
    await rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'), {
      body,
      files: files ?? [],
      auth: false,
      signal,
    });
  } catch (error) {
    // Ended by the deadline, in flight or still queued ("Request aborted manually"): no answer.
    if (signal.aborted) throw new DeadlineExceeded(deadlineMs);
    throw error;
  }
  (interaction as { replied: boolean }).replied = true;
}
