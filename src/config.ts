import { config as loadDotenvFile } from 'dotenv';
import { z } from 'zod';
import { urlSetting } from './url.ts';

/**
 * Environment -> validated, typed, frozen configuration. Every problem is reported at once,
 * one line each and prefixed with the variable's name, so an operator fixes them in one pass.
 * A secret's value never appears in a problem.
 */

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Absent: no bot; `npm start` offers the terminal chat instead. */
  readonly discordToken?: string;
  /** The application id, so deploy-commands can register before the bot ever logs in. */
  readonly clientId?: string;
  /** Register commands in this one server (updates are instant) instead of globally. */
  readonly guildId?: string;
  readonly knowledgeDir: string;
  /** Channels where every message is a question. Needs the privileged Message Content intent. */
  readonly askChannelIds: readonly string[];
  /** Roles allowed to run /refresh besides members with Manage Server. */
  readonly moderatorRoleIds: readonly string[];
  readonly logLevel: LogLevel;
  /** REST base of a Discord-compatible server; absent means discord.js's default. */
  readonly discordApiUrl?: string;
  // The three below are always set by loadConfig; a config built by hand (tests) may leave them
  // out, and then DEFAULTS apply and no user id is kept.
  /** Folder for the question log and votes (SQLite). */
  readonly dataDir?: string;
  /** Keep who asked or voted next to each question; off by default for members' privacy. */
  readonly logUserIds?: boolean;
  /** Unanswered questions not seen for this many days are forgotten. */
  readonly retentionDays?: number;
  /**
   * Hosts `/article` and `knowledge:import` may fetch from even when they resolve to a private,
   * loopback or other non-public address (a test server, an intranet CMS). Absent: none.
   */
  readonly importAllowHosts?: readonly string[];
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: readonly string[] };

export const DEFAULTS = Object.freeze({
  knowledgeDir: 'knowledge',
  logLevel: 'info' as LogLevel,
  dataDir: 'data',
  retentionDays: 90,
});

const SNOWFLAKE = /^\d{17,20}$/;
const SNOWFLAKE_HINT = 'must be a Discord id of 17 to 20 digits (Developer Mode on, then right-click > Copy ID)';

/** `.env` leaves unused variables as empty strings; an empty value means "not set". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const snowflake = z.string().trim().regex(SNOWFLAKE, SNOWFLAKE_HINT);

/** "a, b,,c" -> ["a", "b", "c"]: a comma-separated variable as the list it means. */
const commaList = (value: unknown): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : value;

const snowflakeList = z.preprocess(commaList, z.array(z.string().regex(SNOWFLAKE, SNOWFLAKE_HINT)).default([]));

// Checks on the token must never quote it: messages here are fixed strings.
const token = z
  .string()
  .trim()
  .refine((t) => !/^(Bot|Bearer)\s/i.test(t), { message: 'remove the "Bot " prefix; paste the token alone' })
  .refine((t) => /^(Bot|Bearer)\s/i.test(t) || !/\s/.test(t), { message: 'must not contain spaces or line breaks' })
  // A bot token is three base64url parts joined by dots (the bot's id, a timestamp, a
  // signature); anything else would only be refused by Discord after connecting.
  .refine((t) => /^(Bot|Bearer)\s/i.test(t) || /\s/.test(t) || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(t), {
    message:
      'is not shaped like a bot token (three parts of letters, digits, - and _ joined by dots); copy it again from the Developer Portal (your app > Bot > Reset Token)',
  });

const httpUrl = urlSetting(['http:', 'https:'], 'must be an http(s) URL such as http://127.0.0.1:8080/api');

/**
 * A folder variable may be left out (the default applies) but not left empty: `KNOWLEDGE_DIR=`
 * would otherwise quietly mean a folder other than the one the operator meant to name.
 */
const folder = (fallback: string) =>
  z
    .string()
    .refine((s) => s.trim() !== '', { message: `is empty: name a folder, or remove the line to use ${fallback}` })
    .transform((s) => s.trim())
    .default(fallback);

/** Host names or IP addresses, as written in a URL, without scheme, port or path. */
const hostList = z.preprocess(
  commaList,
  z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]*|[\w.-]+)$/i, 'must be a host name or IP address, such as 127.0.0.1 (no scheme, port or path)')).default([]),
);

const flag = z.preprocess(
  (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toLowerCase()) : v),
  z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
);

const schema = z.object({
  DISCORD_TOKEN: optional(token),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  KNOWLEDGE_DIR: folder(DEFAULTS.knowledgeDir),
  DATA_DIR: folder(DEFAULTS.dataDir),
  LOG_USER_IDS: flag,
  QUESTION_LOG_DAYS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a whole number of days' })
      .int({ message: 'must be a whole number of days' })
      .min(1, { message: 'must be at least 1' })
      .max(3650, { message: 'must be at most 3650' })
      .default(DEFAULTS.retentionDays),
  ),
  ASK_CHANNEL_IDS: snowflakeList,
  MODERATOR_ROLE_IDS: snowflakeList,
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toLowerCase()) : v),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default(DEFAULTS.logLevel),
  ),
  DISCORD_API_URL: optional(httpUrl),
  IMPORT_ALLOW_HOSTS: hostList,
});

const SECRETS: ReadonlySet<string> = new Set(['DISCORD_TOKEN']);

/** Echoes the offending value (short, and never a secret's) so the operator sees what was read. */
function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const [variable, index] = issue.path;
  const name = String(variable);
  const where = typeof index === 'number' ? `${name} (item ${index + 1})` : name;
  const raw = env[name];
  let got = '';
  if (!SECRETS.has(name) && typeof raw === 'string') {
    const value = typeof index === 'number' ? raw.split(',').map((s) => s.trim()).filter((s) => s !== '')[index] : raw.trim();
    if (value !== undefined && value.length <= 60) got = `; got ${JSON.stringify(value)}`;
  }
  return `${where}: ${issue.message}${got}`;
}

/** Reads the variables this program knows; other variables in the environment are ignored. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, env)) };
  const e = parsed.data;
  const config: Config = {
    ...(e.DISCORD_TOKEN !== undefined && { discordToken: e.DISCORD_TOKEN }),
    ...(e.DISCORD_CLIENT_ID !== undefined && { clientId: e.DISCORD_CLIENT_ID }),
    ...(e.DISCORD_GUILD_ID !== undefined && { guildId: e.DISCORD_GUILD_ID }),
    knowledgeDir: e.KNOWLEDGE_DIR,
    askChannelIds: Object.freeze([...e.ASK_CHANNEL_IDS]),
    moderatorRoleIds: Object.freeze([...e.MODERATOR_ROLE_IDS]),
    logLevel: e.LOG_LEVEL,
    ...(e.DISCORD_API_URL !== undefined && { discordApiUrl: e.DISCORD_API_URL }),
    dataDir: e.DATA_DIR,
    logUserIds: e.LOG_USER_IDS,
    retentionDays: e.QUESTION_LOG_DAYS,
    importAllowHosts: Object.freeze([...e.IMPORT_ALLOW_HOSTS]),
  };
  return { ok: true, config: Object.freeze(config) };
}

/**
 * Adds the variables of `./.env` to `process.env` (real environment variables win).
 * Quiet, because stdout belongs to the command-line contract.
 */
export function loadDotenv(path?: string): void {
  loadDotenvFile({ quiet: true, ...(path !== undefined && { path }) });
}
