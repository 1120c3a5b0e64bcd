// Flag enums have no zero member; `0 as XFlags` spells "no flags set".
import type {
  APIDMChannel,
  ApplicationFlags,
  ChannelFlags,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  RoleFlags,
  UserFlags,
  APIGuild,
  APIGuildMember,
  APIGuildTextChannel,
  APIRole,
  APIUser,
  ChannelType,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  Locale,
} from 'discord.js';
import { nextSnowflake } from './snowflake.ts';

export const Permission = {
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

const ALL_PERMISSIONS = (1n << 51n) - 1n;

const EVERYONE_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.AddReactions |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

// What a bot may do in a DM channel; Discord reports it as app_permissions there.
export const DM_APP_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.AddReactions |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis;

export type GuildTextChannel = APIGuildTextChannel<ChannelType.GuildText>;

export interface FakeGuild {
  id: string;
  name: string;
  generalChannelId: string;
  askChannelId: string;
  roles: { everyone: string; moderator: string; bot: string };
}

export interface SampleUsers {
  /** Has a role with Manage Server. */
  moderator: APIUser;
  /** Plain member without special permissions. */
  member: APIUser;
  /** Another bot in the guild, for "ignore bots" checks. */
  otherBot: APIUser;
}

export interface World {
  applicationId: string;
  botUser: APIUser;
  guild: FakeGuild;
  users: SampleUsers;
  roles: APIRole[];
  channels: GuildTextChannel[];
  members: Map<string, APIGuildMember>;
  /** DM channels by channel id. */
  dmChannels: Map<string, APIDMChannel>;
  joinedAt: string;
}

export interface WorldOptions {
  botUsername?: string;
  guildName?: string;
}

export function makeUser(username: string, extra: Partial<APIUser> = {}): APIUser {
  return {
    id: nextSnowflake(),
    username,
    discriminator: '0',
    global_name: extra.bot ? null : username[0]!.toUpperCase() + username.slice(1),
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
    ...extra,
  };
}

function makeRole(id: string, name: string, position: number, permissions: bigint, extra: Partial<APIRole> = {}): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

function makeTextChannel(guildId: string, name: string, position: number): GuildTextChannel {
  return {
    id: nextSnowflake(),
    type: 0,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0 as ChannelFlags,
  };
}

export function makeMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function createWorld(options: WorldOptions = {}): World {
  const joinedAt = new Date(Date.now() - 86_400_000).toISOString();
  const applicationId = nextSnowflake();
  // A bot user's id equals its application's id.
  const botUser = makeUser(options.botUsername ?? 'citebot', {
    id: applicationId,
    bot: true,
    discriminator: '4821',
    verified: true,
    mfa_enabled: false,
  });
  const guildId = nextSnowflake();
  const moderatorRoleId = nextSnowflake();
  const botRoleId = nextSnowflake();
  const roles = [
    // The @everyone role shares the guild's id; discord.js relies on that.
    makeRole(guildId, '@everyone', 0, EVERYONE_PERMISSIONS),
    makeRole(moderatorRoleId, 'Moderator', 1, Permission.ManageGuild | Permission.ManageMessages, { hoist: true }),
    makeRole(botRoleId, botUser.username, 2, EVERYONE_PERMISSIONS, { managed: true, tags: { bot_id: botUser.id } }),
  ];
  const general = makeTextChannel(guildId, 'general', 0);
  const ask = makeTextChannel(guildId, 'ask', 1);
  const users: SampleUsers = {
    moderator: makeUser('mod_maria'),
    member: makeUser('member_max'),
    otherBot: makeUser('otherbot', { bot: true, discriminator: '1337' }),
  };
  const members = new Map<string, APIGuildMember>([
    [botUser.id, makeMember(botUser, [botRoleId], joinedAt)],
    [users.moderator.id, makeMember(users.moderator, [moderatorRoleId], joinedAt)],
    [users.member.id, makeMember(users.member, [], joinedAt)],
    [users.otherBot.id, makeMember(users.otherBot, [], joinedAt)],
  ]);
  return {
    applicationId,
    botUser,
    guild: {
      id: guildId,
      name: options.guildName ?? 'Citebot Test Guild',
      generalChannelId: general.id,
      askChannelId: ask.id,
      roles: { everyone: guildId, moderator: moderatorRoleId, bot: botRoleId },
    },
    users,
    roles,
    channels: [general, ask],
    members,
    dmChannels: new Map(),
    joinedAt,
  };
}

export function ensureMember(world: World, user: APIUser): APIGuildMember {
  let member = world.members.get(user.id);
  if (!member) {
    member = makeMember(user, [], new Date().toISOString());
    world.members.set(user.id, member);
  }
  return member;
}

/** Guild-level permissions; channels carry no overwrites in this fake. */
export function memberPermissions(world: World, userId: string): bigint {
  const member = world.members.get(userId);
  const roleIds = new Set([world.guild.id, ...(member?.roles ?? [])]);
  let permissions = 0n;
  for (const role of world.roles) if (roleIds.has(role.id)) permissions |= BigInt(role.permissions);
  return permissions & Permission.Administrator ? ALL_PERMISSIONS : permissions;
}

export function findUser(world: World, userId: string): APIUser | undefined {
  if (userId === world.botUser.id) return world.botUser;
  return world.members.get(userId)?.user;
}

export function guildChannel(world: World, channelId: string): GuildTextChannel | undefined {
  return world.channels.find((channel) => channel.id === channelId);
}

export function dmChannelFor(world: World, user: APIUser): APIDMChannel {
  for (const channel of world.dmChannels.values()) {
    if (channel.recipients?.some((recipient) => recipient.id === user.id)) return channel;
  }
  const channel: APIDMChannel = {
    id: nextSnowflake(),
    type: 1,
    name: null,
    last_message_id: null,
    flags: 0 as ChannelFlags,
    recipients: [user],
  };
  world.dmChannels.set(channel.id, channel);
  return channel;
}

export function guildObject(world: World): APIGuild {
  return {
    id: world.guild.id,
    name: world.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.users.moderator.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: world.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.guild.generalChannelId,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US' as Locale,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
  };
}

export function guildCreatePayload(world: World): GatewayGuildCreateDispatchData {
  return {
    ...guildObject(world),
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: world.members.size,
    voice_states: [],
    members: [...world.members.values()],
    channels: world.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function readyPayload(world: World, sessionId: string, resumeGatewayUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: world.botUser,
    guilds: [{ id: world.guild.id, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeGatewayUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}
