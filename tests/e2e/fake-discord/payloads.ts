import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIAttachment,
  APIEmbed,
  APIInteraction,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
  GatewayMessageCreateDispatchData,
  Locale,
} from 'discord.js';
import { nextSnowflake } from './snowflake.ts';
import {
  DM_APP_PERMISSIONS,
  dmChannelFor,
  ensureMember,
  findUser,
  guildChannel,
  memberPermissions,
  type World,
} from './world.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const MessageFlag = {
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
} as const;

export const InteractionKind = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

// ---------------------------------------------------------------- interactions

export interface InteractionContext {
  user: APIUser;
  /** True for a DM with the bot; otherwise a guild channel. */
  dm: boolean;
  /** Guild channel the interaction happens in. */
  channelId: string;
  /** Overrides the computed member permissions (guild only), e.g. "0". */
  permissions?: string | undefined;
  locale: string;
}

export type OptionValue = string | number | boolean;
export type CommandOptionsInput = Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[];

function interactionToken(): string {
  // Real tokens are long opaque url-safe strings used as path segments.
  return `aW50ZXJhY3Rpb24${randomBytes(96).toString('base64url')}`;
}

function envelope(world: World, ctx: InteractionContext) {
  const id = nextSnowflake();
  const common = {
    id,
    application_id: world.applicationId,
    token: interactionToken(),
    version: 1 as const,
    locale: ctx.locale as Locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (ctx.dm) {
    const channel = dmChannelFor(world, ctx.user);
    return {
      ...common,
      user: ctx.user,
      channel: { ...channel, recipients: [ctx.user] },
      channel_id: channel.id,
      app_permissions: DM_APP_PERMISSIONS.toString(),
      // Guild-installed app used in the bot's DM: Discord reports the key with "0".
      authorizing_integration_owners: { '0': '0' },
      context: 1 as const,
    };
  }
  const channel = guildChannel(world, ctx.channelId);
  if (!channel) throw new Error(`fake-discord: unknown guild channel ${ctx.channelId}`);
  const member: APIInteractionGuildMember = {
    ...ensureMember(world, ctx.user),
    user: ctx.user,
    permissions: ctx.permissions ?? memberPermissions(world, ctx.user.id).toString(),
  };
  return {
    ...common,
    guild_id: world.guild.id,
    guild: { id: world.guild.id, locale: 'en-US' as Locale, features: [] },
    guild_locale: 'en-US' as Locale,
    member,
    channel,
    channel_id: channel.id,
    app_permissions: memberPermissions(world, world.botUser.id).toString(),
    authorizing_integration_owners: { '0': world.guild.id },
    context: 0 as const,
  };
}

function inferOptionType(value: OptionValue): 3 | 4 | 5 | 10 {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

interface BuiltOptions {
  options: APIApplicationCommandInteractionDataOption[];
  resolved: APIInteractionDataResolved | undefined;
}

function buildLeafOptions(
  world: World,
  values: Record<string, OptionValue>,
  definitions: APIApplicationCommandOption[] | undefined,
  focused: string | undefined,
  inGuild: boolean,
): BuiltOptions {
  const users: Record<string, APIUser> = {};
  const members: NonNullable<APIInteractionDataResolved['members']> = {};
  const options = Object.entries(values).map(([name, value]) => {
    const definition = definitions?.find((option) => option.name === name);
    const type = definition?.type ?? inferOptionType(value);
    if (name === focused) {
      // Autocomplete sends whatever the user typed so far, always as text.
      return { name, type, value: String(value), focused: true };
    }
    if (type === 6 && typeof value === 'string') {
      const user = findUser(world, value);
      if (user) {
        users[user.id] = user;
        const member = world.members.get(user.id);
        if (inGuild && member) {
          const { user: _omitted, deaf: _deaf, mute: _mute, ...partial } = member;
          members[user.id] = { ...partial, permissions: memberPermissions(world, user.id).toString() };
        }
      }
    }
    return { name, type, value };
  }) as APIApplicationCommandInteractionDataOption[];
  const resolved: APIInteractionDataResolved | undefined =
    Object.keys(users).length > 0 ? { users, ...(inGuild ? { members } : {}) } : undefined;
  return { options, resolved };
}

/**
 * "config set" addresses subcommand `set` of `config`; three words address a
 * subcommand inside a group, mirroring how Discord nests them.
 */
function buildCommandOptions(
  world: World,
  path: string[],
  input: CommandOptionsInput,
  registered: APIApplicationCommand | undefined,
  focused: string | undefined,
  inGuild: boolean,
): BuiltOptions {
  let definitions = registered?.options;
  const nesting: { name: string; type: 1 | 2 }[] = [];
  for (const [index, name] of path.entries()) {
    const type = index === path.length - 1 ? 1 : 2;
    nesting.push({ name, type });
    const next = definitions?.find((option) => option.name === name);
    definitions = next && 'options' in next ? (next.options as APIApplicationCommandOption[] | undefined) : undefined;
  }
  const leaf = Array.isArray(input)
    ? { options: input, resolved: undefined }
    : buildLeafOptions(world, input, definitions, focused, inGuild);
  let options = leaf.options;
  for (const level of nesting.reverse()) {
    options = [{ name: level.name, type: level.type, options } as APIApplicationCommandInteractionDataOption];
  }
  return { options, resolved: leaf.resolved };
}

export interface CommandInteractionInput {
  name: string;
  options: CommandOptionsInput;
  registered: APIApplicationCommand | undefined;
  /** Set for autocomplete: the option being typed. */
  focused?: string;
}

export function commandInteraction(world: World, ctx: InteractionContext, input: CommandInteractionInput): APIInteraction {
  const [commandName, ...path] = input.name.trim().split(/\s+/);
  if (!commandName) throw new Error('fake-discord: empty command name');
  const { options, resolved } = buildCommandOptions(world, path, input.options, input.registered, input.focused, !ctx.dm);
  const data = {
    id: input.registered?.id ?? nextSnowflake(),
    name: commandName,
    type: 1,
    ...(input.registered?.guild_id ? { guild_id: input.registered.guild_id } : {}),
    options,
    ...(resolved ? { resolved } : {}),
  };
  const type = input.focused === undefined ? InteractionKind.ApplicationCommand : InteractionKind.Autocomplete;
  return { ...envelope(world, ctx), type, data } as APIInteraction;
}

export function buttonInteraction(world: World, ctx: InteractionContext, customId: string, message: APIMessage): APIInteraction {
  return {
    ...envelope(world, ctx),
    type: InteractionKind.MessageComponent,
    data: { custom_id: customId, component_type: 2 },
    message,
  } as APIInteraction;
}

// --------------------------------------------------------------------- messages

export interface UserMessageInput {
  content: string;
  author: APIUser;
  /** Guild channel; ignored for DMs. */
  channelId: string;
  dm: boolean;
  mentionsBot: boolean;
}

export function userMessage(world: World, input: UserMessageInput): GatewayMessageCreateDispatchData {
  const botMention = `<@${world.botUser.id}>`;
  const content =
    input.mentionsBot && !input.content.includes(botMention) ? `${botMention} ${input.content}` : input.content;
  const base = {
    id: nextSnowflake(),
    author: input.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0 as const,
    flags: 0,
    nonce: nextSnowflake(),
  };
  if (input.dm) {
    const channel = dmChannelFor(world, input.author);
    return {
      ...base,
      channel_id: channel.id,
      channel_type: 1,
      mentions: input.mentionsBot ? [world.botUser] : [],
    };
  }
  const member = ensureMember(world, input.author);
  const botMember = world.members.get(world.botUser.id);
  const { user: _author, ...authorMember } = member;
  const mentions = [];
  if (input.mentionsBot) {
    const { user: _bot, ...botMemberNoUser } = botMember ?? member;
    mentions.push({ ...world.botUser, member: botMemberNoUser });
  }
  return {
    ...base,
    channel_id: input.channelId,
    channel_type: 0,
    guild_id: world.guild.id,
    member: authorMember,
    mentions,
  };
}

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

export interface BotMessageInput {
  channelId: string;
  body: JsonObject;
  /** 0 default, 19 reply, 20 chat input command response. */
  type: 0 | 19 | 20;
  files?: UploadedFile[];
  flags?: number;
  referencedMessage?: APIMessage | null;
  interactionMetadata?: APIMessageInteractionMetadata;
  webhookId?: string;
}

function attachmentsFrom(channelId: string, body: JsonObject, files: UploadedFile[]): APIAttachment[] {
  const declared = Array.isArray(body.attachments) ? body.attachments.filter(isObject) : [];
  return files.map((file, index) => {
    const id = nextSnowflake();
    const meta = declared.find((attachment) => String(attachment.id) === String(index));
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: file.filename,
      size: file.size,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: file.contentType,
      ...(typeof meta?.description === 'string' ? { description: meta.description } : {}),
    };
  });
}

export function botMessage(world: World, input: BotMessageInput): APIMessage {
  const { body } = input;
  const embeds = Array.isArray(body.embeds)
    ? body.embeds.filter(isObject).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed)
    : [];
  const components = Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [];
  const message: APIMessage = {
    id: nextSnowflake(),
    channel_id: input.channelId,
    author: world.botUser,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsFrom(input.channelId, body, input.files ?? []),
    embeds,
    components,
    pinned: false,
    type: input.type,
    flags: input.flags ?? (typeof body.flags === 'number' ? body.flags : 0),
  };
  if (typeof body.nonce === 'string' || typeof body.nonce === 'number') message.nonce = body.nonce;
  if (isObject(body.message_reference) && typeof body.message_reference.message_id === 'string') {
    message.message_reference = {
      type: 0,
      message_id: body.message_reference.message_id,
      channel_id: input.channelId,
      ...(input.referencedMessage && 'guild_id' in input.referencedMessage
        ? { guild_id: String(input.referencedMessage.guild_id) }
        : {}),
    };
    message.referenced_message = input.referencedMessage ?? null;
  }
  if (input.interactionMetadata) {
    message.interaction_metadata = input.interactionMetadata;
    message.application_id = world.applicationId;
  }
  if (input.webhookId) message.webhook_id = input.webhookId;
  return message;
}

/** Applies an edit body the way Discord does: only fields present change. */
export function applyMessageEdit(message: APIMessage, body: JsonObject, files: UploadedFile[] = []): APIMessage {
  const wasLoading = ((message.flags ?? 0) & MessageFlag.Loading) !== 0;
  const edited: APIMessage = { ...message };
  if ('content' in body) edited.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) {
    edited.embeds = Array.isArray(body.embeds)
      ? body.embeds.filter(isObject).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed)
      : [];
  }
  if ('components' in body) {
    edited.components = Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [];
  }
  if ('attachments' in body || files.length > 0) {
    const kept = Array.isArray(body.attachments)
      ? message.attachments.filter((existing) =>
          (body.attachments as unknown[]).some((entry) => isObject(entry) && entry.id === existing.id),
        )
      : message.attachments;
    edited.attachments = [...kept, ...attachmentsFrom(message.channel_id, body, files)];
  }
  // Only display flags survive an edit; a deferred response stops loading.
  const flags = (message.flags ?? 0) & ~MessageFlag.Loading;
  edited.flags = typeof body.flags === 'number' ? flags | (body.flags & ~MessageFlag.Loading) : flags;
  // The first edit of a deferred response is its real content, not an edit.
  edited.edited_timestamp = wasLoading ? null : new Date().toISOString();
  return edited;
}

export function interactionMetadata(interaction: APIInteraction): APIMessageInteractionMetadata {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) throw new Error('fake-discord: interaction without user');
  const owners = interaction.authorizing_integration_owners;
  if (interaction.type === InteractionKind.MessageComponent) {
    return { id: interaction.id, type: 3, user, authorizing_integration_owners: owners, interacted_message_id: interaction.message.id };
  }
  return { id: interaction.id, type: 2, user, authorizing_integration_owners: owners } as APIMessageInteractionMetadata;
}

/** A bot-authored message carrying one button, for clicking buttons the test did not see rendered. */
export function syntheticButtonMessage(world: World, channelId: string, customId: string): APIMessage {
  return botMessage(world, {
    channelId,
    type: 0,
    body: {
      content: '',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: customId.slice(0, 80), custom_id: customId }] }],
    },
  });
}
