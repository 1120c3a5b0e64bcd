import { ok, refuse, type RouteContext, type RouteDefinition, type RouteResult } from './route-kit.ts';
import { findUser, guildObject } from './world.ts';

function botGateway(ctx: RouteContext): RouteResult {
  return ok({
    url: ctx.gateway.url,
    shards: ctx.gateway.options.shardCount,
    // max_concurrency 1 and a full budget: discord.js never waits on it.
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
  });
}

function application(ctx: RouteContext): RouteResult {
  const { world } = ctx;
  return ok({
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot: world.botUser,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: { ...world.users.moderator, flags: 0 },
    team: null,
    redirect_uris: [],
    interactions_endpoint_url: null,
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    integration_types_config: { '0': {} },
    tags: [],
  });
}

function guildScope(ctx: RouteContext): RouteResult | null {
  if (ctx.params.guild_id === ctx.world.guild.id) return null;
  return refuse(ctx, 404, 10004, 'Unknown Guild', `guild ${ctx.params.guild_id} does not exist`);
}

function getGuild(ctx: RouteContext): RouteResult {
  return (
    guildScope(ctx) ??
    ok({
      ...guildObject(ctx.world),
      ...(ctx.query.get('with_counts') === 'true'
        ? { approximate_member_count: ctx.world.members.size, approximate_presence_count: 0 }
        : {}),
    })
  );
}

function getGuildMember(ctx: RouteContext): RouteResult {
  const refused = guildScope(ctx);
  if (refused) return refused;
  const member = ctx.world.members.get(ctx.params.user_id ?? '');
  return member ? ok(member) : refuse(ctx, 404, 10007, 'Unknown Member', `member ${ctx.params.user_id} not in guild`);
}

export const basicRoutes: RouteDefinition[] = [
  { operation: 'get_bot_gateway', method: 'GET', path: '/gateway/bot', auth: true, handle: botGateway },
  { operation: 'get_gateway', method: 'GET', path: '/gateway', auth: false, handle: (ctx) => ok({ url: ctx.gateway.url }) },
  { operation: 'get_my_user', method: 'GET', path: '/users/@me', auth: true, handle: (ctx) => ok(ctx.world.botUser) },
  {
    operation: 'get_user',
    method: 'GET',
    path: '/users/{user_id}',
    auth: true,
    handle: (ctx) => {
      const user = findUser(ctx.world, ctx.params.user_id ?? '');
      return user ? ok(user) : refuse(ctx, 404, 10013, 'Unknown User', `user ${ctx.params.user_id} does not exist`);
    },
  },
  { operation: 'get_my_application', method: 'GET', path: '/applications/@me', auth: true, handle: application },
  { operation: 'get_guild', method: 'GET', path: '/guilds/{guild_id}', auth: true, handle: getGuild },
  { operation: 'get_guild_member', method: 'GET', path: '/guilds/{guild_id}/members/{user_id}', auth: true, handle: getGuildMember },
  {
    operation: 'list_guild_channels',
    method: 'GET',
    path: '/guilds/{guild_id}/channels',
    auth: true,
    handle: (ctx) => guildScope(ctx) ?? ok(ctx.world.channels),
  },
  {
    operation: 'list_guild_roles',
    method: 'GET',
    path: '/guilds/{guild_id}/roles',
    auth: true,
    handle: (ctx) => guildScope(ctx) ?? ok(ctx.world.roles),
  },
];
