import { pino, stdSerializers } from 'pino';
import type { LogLevel } from './config.ts';
import { formatLine } from './log-format.ts';

/**
 * A leveled logger writing JSON lines (pino) to stderr only, because stdout belongs to the
 * command-line contract (`ask --jsonl` prints nothing else). In a terminal the lines are shown
 * readable instead. Secrets given at creation are redacted from every finished line, whatever
 * path they took into it (an error from a library, a URL, a debug line), and so is each part of a
 * dotted token on its own: discord.js prints the first two parts of the token at debug level.
 */
export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
  isEnabled(level: LogLevel): boolean;
}

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Values replaced by `[redacted]` wherever they appear. */
  readonly secrets?: readonly (string | undefined)[];
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
  /** Default: readable when stderr is a terminal and `write` is not given, JSON otherwise. */
  readonly format?: LogFormat;
  /** Fields on every line, such as the shard. */
  readonly bindings?: Readonly<Record<string, string | number>>;
}

const RANK: Readonly<Record<LogLevel, number>> = Object.freeze({ error: 0, warn: 1, info: 2, debug: 3 });

export const REDACTED = '[redacted]';

/** Short values would redact ordinary words; a real token and each of its parts are longer. */
const MIN_SECRET = 8;
const MIN_SEGMENT = 5;

/** The secrets themselves and, for dotted ones such as a bot token, each part on its own. */
export function secretPatterns(secrets: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET) continue;
    out.add(secret);
    for (const part of secret.split('.')) if (part.length >= MIN_SEGMENT) out.add(part);
  }
  // Longest first, so a whole token is replaced once rather than part by part.
  return [...out].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

function fields(detail: unknown): Record<string, unknown> {
  if (detail === undefined) return {};
  if (detail instanceof Error) return { err: stdSerializers.err(detail) };
  return { detail };
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = secretPatterns(options.secrets ?? []);
  const format = options.format ?? (options.write === undefined && process.stderr.isTTY ? 'pretty' : 'json');
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const threshold = RANK[options.level];

  const destination = {
    write(line: string) {
      const safe = redact(line, secrets);
      write(format === 'pretty' ? formatLine(safe) : safe);
    },
  };
  const logger = pino(
    {
      level: options.level,
      base: options.bindings ?? null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );

  const at =
    (level: LogLevel) =>
    (message: string, detail?: unknown): void => {
      if (RANK[level] > threshold) return;
      if (typeof detail === 'string') logger[level](`${message} ${detail}`);
      else logger[level](fields(detail), message);
    };

  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    isEnabled: (level) => RANK[level] <= threshold,
  };
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = Object.freeze({
  error() {},
  warn() {},
  info() {},
  debug() {},
  isEnabled: () => false,
});
