import type { GatewayMessageCreateDispatchData } from 'discord.js';

// Discord, not discord.js, decides which events a session receives. A bot that
// forgets an intent works against a naive fake and fails in production, so the
// fake applies the same filtering the real gateway does.
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

export const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

// Bits 0..25 are defined by the v10 gateway; anything else closes with 4013.
export const KNOWN_INTENT_BITS = (1 << 26) - 1;

export function hasIntent(intents: number, intent: number): boolean {
  return (intents & intent) === intent;
}

/**
 * The MESSAGE_CREATE payload a session with `intents` receives, or null when
 * Discord would not deliver it at all.
 */
export function messageForIntents(
  intents: number,
  message: GatewayMessageCreateDispatchData,
  botUserId: string,
): GatewayMessageCreateDispatchData | null {
  const isDm = message.guild_id === undefined;
  if (isDm ? !hasIntent(intents, Intent.DirectMessages) : !hasIntent(intents, Intent.GuildMessages)) return null;
  if (hasIntent(intents, Intent.MessageContent)) return message;

  const contentVisible =
    isDm || message.author.id === botUserId || message.mentions.some((user) => user.id === botUserId);
  if (contentVisible) return message;

  const stripped: GatewayMessageCreateDispatchData = {
    ...message,
    content: '',
    embeds: [],
    attachments: [],
    components: [],
  };
  delete stripped.poll;
  return stripped;
}
