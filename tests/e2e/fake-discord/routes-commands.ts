import type { APIApplicationCommand, APIApplicationCommandOption, LocalizationMap } from 'discord.js';
import { isObject, type JsonObject } from './payloads.ts';
import { noContent, ok, refuse, type RouteContext, type RouteDefinition, type RouteResult } from './route-kit.ts';
import { nextSnowflake } from './snowflake.ts';

const GLOBAL = '/applications/{application_id}/commands';
const GUILD = '/applications/{application_id}/guilds/{guild_id}/commands';

interface Scope {
  guildId: string | undefined;
}

function scopeOf(ctx: RouteContext): Scope | RouteResult {
  if (ctx.params.application_id !== ctx.world.applicationId) {
    return refuse(ctx, 403, 50001, 'Missing Access', `commands of application ${ctx.params.application_id}, not the bot's ${ctx.world.applicationId}`);
  }
  const guildId = ctx.params.guild_id;
  if (guildId !== undefined && guildId !== ctx.world.guild.id) {
    return refuse(ctx, 403, 50001, 'Missing Access', `guild commands for guild ${guildId} the bot is not in`);
  }
  return { guildId };
}

function isScope(value: Scope | RouteResult): value is Scope {
  return !('status' in value);
}

function localizations(value: unknown): LocalizationMap | null {
  return isObject(value) ? (value as LocalizationMap) : null;
}

/** The command as Discord stores and returns it. */
function storedCommand(ctx: RouteContext, body: JsonObject, guildId: string | undefined, existing?: APIApplicationCommand): APIApplicationCommand {
  const type = typeof body.type === 'number' ? body.type : (existing?.type ?? 1);
  const permissions = 'default_member_permissions' in body ? body.default_member_permissions : existing?.default_member_permissions;
  const command = {
    id: existing?.id ?? nextSnowflake(),
    application_id: ctx.world.applicationId,
    ...(guildId ? { guild_id: guildId } : {}),
    name: typeof body.name === 'string' ? body.name : (existing?.name ?? ''),
    name_localizations: 'name_localizations' in body ? localizations(body.name_localizations) : (existing?.name_localizations ?? null),
    description: typeof body.description === 'string' ? body.description : (existing?.description ?? ''),
    description_localizations:
      'description_localizations' in body ? localizations(body.description_localizations) : (existing?.description_localizations ?? null),
    ...(Array.isArray(body.options) ? { options: body.options as APIApplicationCommandOption[] } : existing?.options ? { options: existing.options } : {}),
    // Discord answers with the bitfield as a string, whatever the request used.
    default_member_permissions: permissions === null || permissions === undefined ? null : String(permissions),
    ...(guildId ? {} : { dm_permission: typeof body.dm_permission === 'boolean' ? body.dm_permission : (existing?.dm_permission ?? true) }),
    nsfw: typeof body.nsfw === 'boolean' ? body.nsfw : (existing?.nsfw ?? false),
    type,
    version: nextSnowflake(),
    integration_types: Array.isArray(body.integration_types) ? body.integration_types : (existing?.integration_types ?? [0]),
    contexts: Array.isArray(body.contexts) ? body.contexts : (existing?.contexts ?? null),
  };
  return command as APIApplicationCommand;
}

function sameCommand(command: APIApplicationCommand, body: JsonObject): boolean {
  return command.name === body.name && (command.type ?? 1) === (typeof body.type === 'number' ? body.type : 1);
}

function listCommands(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  return isScope(scope) ? ok(ctx.store.commandsFor(scope.guildId)) : scope;
}

function bulkSetCommands(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  if (!isScope(scope)) return scope;
  if (!Array.isArray(ctx.body)) return refuse(ctx, 400, 50035, 'Invalid Form Body', 'bulk overwrite body must be an array');
  const previous = ctx.store.commandsFor(scope.guildId);
  // Overwriting keeps the ids of commands that still exist, like Discord.
  const commands = ctx.body
    .filter(isObject)
    .map((body) => storedCommand(ctx, body, scope.guildId, previous.find((command) => sameCommand(command, body))));
  ctx.store.setCommands(scope.guildId, commands);
  return ok(commands);
}

function createCommand(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  if (!isScope(scope)) return scope;
  const body = isObject(ctx.body) ? ctx.body : {};
  const commands = ctx.store.commandsFor(scope.guildId);
  const existing = commands.find((command) => sameCommand(command, body));
  const command = storedCommand(ctx, body, scope.guildId, existing);
  ctx.store.setCommands(scope.guildId, [...commands.filter((candidate) => candidate !== existing), command]);
  // 201 for a new command, 200 when it replaced one with the same name.
  return { status: existing ? 200 : 201, body: command };
}

function findCommand(ctx: RouteContext, scope: Scope): APIApplicationCommand | RouteResult {
  const command = ctx.store.commandsFor(scope.guildId).find((candidate) => candidate.id === ctx.params.command_id);
  return command ?? refuse(ctx, 404, 10063, 'Unknown application command', `command ${ctx.params.command_id} does not exist`);
}

function getCommand(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  if (!isScope(scope)) return scope;
  const command = findCommand(ctx, scope);
  return 'status' in command ? command : ok(command);
}

function updateCommand(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  if (!isScope(scope)) return scope;
  const command = findCommand(ctx, scope);
  if ('status' in command) return command;
  const updated = storedCommand(ctx, isObject(ctx.body) ? ctx.body : {}, scope.guildId, command);
  ctx.store.setCommands(
    scope.guildId,
    ctx.store.commandsFor(scope.guildId).map((candidate) => (candidate === command ? updated : candidate)),
  );
  return ok(updated);
}

function deleteCommand(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  if (!isScope(scope)) return scope;
  const command = findCommand(ctx, scope);
  if ('status' in command) return command;
  ctx.store.setCommands(
    scope.guildId,
    ctx.store.commandsFor(scope.guildId).filter((candidate) => candidate !== command),
  );
  return noContent();
}

export const commandRoutes: RouteDefinition[] = [
  { operation: 'list_application_commands', method: 'GET', path: GLOBAL, auth: true, handle: listCommands },
  { operation: 'bulk_set_application_commands', method: 'PUT', path: GLOBAL, auth: true, handle: bulkSetCommands },
  { operation: 'create_application_command', method: 'POST', path: GLOBAL, auth: true, handle: createCommand },
  { operation: 'get_application_command', method: 'GET', path: `${GLOBAL}/{command_id}`, auth: true, handle: getCommand },
  { operation: 'update_application_command', method: 'PATCH', path: `${GLOBAL}/{command_id}`, auth: true, handle: updateCommand },
  { operation: 'delete_application_command', method: 'DELETE', path: `${GLOBAL}/{command_id}`, auth: true, handle: deleteCommand },
  { operation: 'list_guild_application_commands', method: 'GET', path: GUILD, auth: true, handle: listCommands },
  { operation: 'bulk_set_guild_application_commands', method: 'PUT', path: GUILD, auth: true, handle: bulkSetCommands },
  { operation: 'create_guild_application_command', method: 'POST', path: GUILD, auth: true, handle: createCommand },
  { operation: 'get_guild_application_command', method: 'GET', path: `${GUILD}/{command_id}`, auth: true, handle: getCommand },
  { operation: 'update_guild_application_command', method: 'PATCH', path: `${GUILD}/{command_id}`, auth: true, handle: updateCommand },
  { operation: 'delete_guild_application_command', method: 'DELETE', path: `${GUILD}/{command_id}`, auth: true, handle: deleteCommand },
];
