import type { APIEmbed, APIEmbedField } from 'discord.js';
import { parse } from 'yaml';
import type { FakeDiscord, RecordedRequest, SentInteraction, SentMessage } from '../fake-discord/index.ts';
import { stripMarkdown } from '../../../src/render/highlight.ts';
import type { KnowledgeCopy } from './bot-process.ts';

/**
 * Reading what the bot sent, from the request bodies the fake recorded (not from the bot's
 * logs, and not from the fake's derived message state).
 */

export type Body = Record<string, unknown>;

export const EPHEMERAL = 1 << 6;

/** The article as the bot first loaded it. */
export function articleOf(knowledge: KnowledgeCopy): string {
  return knowledge.original('article.md');
}

/** The `title:` of the article's front matter. */
export function articleTitleOf(knowledge: KnowledgeCopy): string {
  const title = /^title:\s*(.+)$/m.exec(articleOf(knowledge))?.[1]?.trim();
  if (title === undefined) throw new Error('article.md has no title');
  return title;
}

export interface QaEntry {
  id: string;
  questions: string[];
  cite: string[];
  featured?: boolean;
}

export function qaOf(knowledge: KnowledgeCopy): QaEntry[] {
  return (parse(knowledge.original('qa.yaml')) as { entries: QaEntry[] }).entries;
}

export interface InteractionReply {
  /** The first accepted callback: `{ type, data }` (4 reply, 5 deferred, 8 choices). */
  readonly first: Body;
  /** The message body that carries the visible reply: the callback's data, or the edit of @original. */
  readonly body: Body;
  /** Every recorded request about this interaction, callbacks and webhooks. */
  readonly requests: RecordedRequest[];
}

export function requestsOf(fake: FakeDiscord, sent: SentInteraction): RecordedRequest[] {
  return fake.requests.filter(
    (r) =>
      (r.route === 'create_interaction_response' && r.params.interaction_id === sent.id) ||
      r.params.webhook_token === sent.token,
  );
}

const isBody = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Waits for the visible reply to an interaction and returns the bodies that made it. */
export async function interactionReply(fake: FakeDiscord, sent: SentInteraction, timeoutMs = 5000): Promise<InteractionReply> {
  await sent.waitForReply(undefined, timeoutMs);
  const requests = requestsOf(fake, sent);
  const callback = requests.find((r) => r.route === 'create_interaction_response' && r.status < 300);
  if (!callback || !isBody(callback.body)) throw new Error(`no accepted callback for interaction ${sent.id}`);
  const first = callback.body;
  if (first.type === 4) {
    if (!isBody(first.data)) throw new Error('a type 4 callback without data');
    return { first, body: first.data, requests };
  }
  const edit = requests.filter((r) => r.route === 'update_original_webhook_message' && r.status < 300).at(-1);
  if (!edit || !isBody(edit.body)) throw new Error(`interaction ${sent.id} was deferred but @original was never edited`);
  return { first, body: edit.body, requests };
}

/** The flags the visibility is decided by: those of the first response. */
export function firstFlags(reply: InteractionReply): number {
  const data = reply.first.data;
  return isBody(data) && typeof data.flags === 'number' ? data.flags : 0;
}

/** The recorded POST that created the bot's reply to a user message. */
export async function messageReply(
  fake: FakeDiscord,
  sent: SentMessage,
  timeoutMs = 5000,
): Promise<{ body: Body; request: RecordedRequest }> {
  const message = await sent.waitForReply(timeoutMs);
  const request = fake.requests.find(
    (r) => r.route === 'create_message' && r.status < 300 && isBody(r.response) && r.response.id === message.id,
  );
  if (!request || !isBody(request.body)) throw new Error(`no recorded request created message ${message.id}`);
  return { body: request.body, request };
}

export function embedsOf(body: Body): APIEmbed[] {
  return Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
}

export function onlyEmbed(body: Body): APIEmbed {
  const embeds = embedsOf(body);
  if (embeds.length !== 1) throw new Error(`expected one embed, got ${embeds.length}: ${JSON.stringify(body)}`);
  return embeds[0]!;
}

export interface Quote {
  readonly label: string;
  readonly text: string;
}

/** Fields that quote the article: a block quote (`> `) of one sentence, as a reader sees it (markdown removed). */
export function quotes(embed: APIEmbed): Quote[] {
  return (embed.fields ?? [])
    .filter((f: APIEmbedField) => f.value.startsWith('> '))
    .map((f: APIEmbedField) => ({ label: f.name, text: stripMarkdown(f.value.slice(2)) }));
}

/** Passage id `p4.s2` -> the label the bot gives it. */
export function passageLabel(id: string): RegExp {
  const [, paragraph, sentence] = /^p(\d+)\.s(\d+)$/.exec(id) ?? [];
  return new RegExp(`paragraph ${paragraph}\\b.*sentence ${sentence}\\b`, 'i');
}

export interface ButtonInfo {
  readonly custom_id: string;
  readonly label: string;
}

export function buttonsOf(body: Body): ButtonInfo[] {
  const rows = Array.isArray(body.components) ? (body.components as Body[]) : [];
  return rows.flatMap((row) => (Array.isArray(row.components) ? (row.components as Body[]) : [])).map((c) => ({
    custom_id: String(c.custom_id),
    label: String(c.label ?? (c.emoji as Body | undefined)?.name ?? ''),
  }));
}

/** Messages the bot posted in `channelId` since `since` (ms). */
export function postedIn(fake: FakeDiscord, channelId: string, since: number): RecordedRequest[] {
  return fake.requests.filter((r) => r.route === 'create_message' && r.params.channel_id === channelId && r.time >= since);
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
