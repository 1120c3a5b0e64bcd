import { Routes, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from '../log.ts';

/**
 * Keeps Discord's registered commands equal to the code's. Registering is rate limited and a
 * global change takes a while to reach every client, so a restart that changes nothing sends
 * nothing: registered and wanted commands are compared in a normal form first.
 */

export type Scope = { readonly kind: 'guild'; readonly guildId: string } | { readonly kind: 'global' };

export type CommandsRest = Pick<REST, 'get' | 'put'>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Loose = Record<string, unknown>;

const asRecord = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const orNull = (v: unknown): Json => (v === undefined || v === null ? null : (v as Json));

/** Localisation maps: Discord returns null for "none", the builders omit them or send {}. */
function localizations(v: unknown): Json {
  const entries = Object.entries(asRecord(v)).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? null : Object.fromEntries(entries as [string, Json][]);
}

function normaliseOption(raw: unknown): Json {
  const o = asRecord(raw);
  return {
    type: orNull(o.type),
    name: orNull(o.name),
    name_localizations: localizations(o.name_localizations),
    description: orNull(o.description),
    description_localizations: localizations(o.description_localizations),
    // Discord leaves out `required` and `autocomplete` when false.
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    min_length: orNull(o.min_length),
    max_length: orNull(o.max_length),
    min_value: orNull(o.min_value),
    max_value: orNull(o.max_value),
    choices: asArray(o.choices).map((c) => {
      const choice = asRecord(c);
      return { name: orNull(choice.name), value: orNull(choice.value), name_localizations: localizations(choice.name_localizations) };
    }),
    channel_types: asArray(o.channel_types)
      .map(Number)
      .sort((a, b) => a - b),
    options: asArray(o.options).map(normaliseOption),
  };
}

/** Absent means Discord's default for a new command, which it then reports explicitly. */
function sortedNumbers(v: unknown, byDefault: readonly number[]): Json {
  return (Array.isArray(v) ? v.map(Number) : [...byDefault]).sort((a, b) => a - b);
}

// Guild, bot DM, private channel; and guild install.
const DEFAULT_CONTEXTS = [0, 1, 2] as const;
const DEFAULT_INTEGRATION_TYPES = [0] as const;

/**
 * Whether a command can be used in DMs. The newer `contexts` (1 = bot DM) supersedes the older
 * `dm_permission`, and Discord answers with whichever it stored, so both read as one fact.
 */
function dmAllowed(c: Loose): boolean {
  if (Array.isArray(c.contexts)) return c.contexts.map(Number).includes(1);
  return c.dm_permission !== false;
}

/** The fields that make two commands behave the same; ids, versions and such are left out. */
export function normaliseCommand(raw: unknown, scope: Scope): Json {
  const c = asRecord(raw);
  return {
    type: orNull(c.type ?? 1),
    name: orNull(c.name),
    name_localizations: localizations(c.name_localizations),
    description: orNull(c.description),
    description_localizations: localizations(c.description_localizations),
    options: asArray(c.options).map(normaliseOption),
    default_member_permissions: c.default_member_permissions === undefined || c.default_member_permissions === null ? null : String(c.default_member_permissions),
    // DMs are irrelevant to commands registered in one server.
    dm_permission: scope.kind === 'guild' ? null : dmAllowed(c),
    contexts: scope.kind === 'guild' ? null : sortedNumbers(c.contexts, DEFAULT_CONTEXTS),
    integration_types: scope.kind === 'guild' ? null : sortedNumbers(c.integration_types, DEFAULT_INTEGRATION_TYPES),
    nsfw: c.nsfw === true,
  };
}

function canonical(list: readonly unknown[], scope: Scope): string {
  const normal = list.map((c) => normaliseCommand(c, scope));
  normal.sort((a, b) => String(asRecord(a).name).localeCompare(String(asRecord(b).name)));
  return JSON.stringify(normal);
}

export function sameCommands(registered: readonly unknown[], wanted: readonly unknown[], scope: Scope): boolean {
  return canonical(registered, scope) === canonical(wanted, scope);
}

export function scopeOf(guildId: string | undefined): Scope {
  return guildId === undefined ? { kind: 'global' } : { kind: 'guild', guildId };
}

export function describeScope(scope: Scope): string {
  return scope.kind === 'guild' ? `server ${scope.guildId}` : 'all servers (global; may take up to an hour to appear)';
}

function route(applicationId: string, scope: Scope) {
  return scope.kind === 'guild'
    ? Routes.applicationGuildCommands(applicationId, scope.guildId)
    : Routes.applicationCommands(applicationId);
}

export type SyncResult = { readonly changed: boolean; readonly count: number };

/** Overwrites the registered commands in one bulk request, and only when they differ. */
export async function syncCommands(
  rest: CommandsRest,
  applicationId: string,
  scope: Scope,
  wanted: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  log: Logger,
  options: { readonly force?: boolean } = {},
): Promise<SyncResult> {
  const at = route(applicationId, scope);
  if (options.force !== true) {
    const registered = await rest.get(at);
    if (Array.isArray(registered) && sameCommands(registered, wanted, scope)) {
      log.info(`slash commands already up to date in ${describeScope(scope)}`);
      return { changed: false, count: wanted.length };
    }
  }
  await rest.put(at, { body: wanted });
  log.info(`registered ${wanted.length} slash commands (${wanted.map((c) => `/${c.name}`).join(', ')}) in ${describeScope(scope)}`);
  return { changed: true, count: wanted.length };
}
