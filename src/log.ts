import { inspect } from 'node:util';
import type { LogLevel } from './config.ts';

/**
 * A tiny leveled logger. It writes to stderr only, because stdout belongs to the command-line
 * contract (`ask --jsonl` prints nothing else). Secrets given at creation are redacted from every
 * line, whatever path they took into a message (an error from a library, a URL, a debug line).
 */
export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
  isEnabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Values replaced by `[redacted]` wherever they appear. */
  readonly secrets?: readonly (string | undefined)[];
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

const RANK: Readonly<Record<LogLevel, number>> = Object.freeze({ error: 0, warn: 1, info: 2, debug: 3 });

export const REDACTED = '[redacted]';

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return `\n${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'string') return ` ${detail}`;
  return ` ${inspect(detail, { depth: 4, breakLength: Infinity })}`;
}

export function createLogger(options: LoggerOptions): Logger {
  // Short values would redact ordinary words; a real token is long.
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const threshold = RANK[options.level];

  const at =
    (level: LogLevel) =>
    (message: string, detail?: unknown): void => {
      if (RANK[level] > threshold) return;
      const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${describe(detail)}`;
      write(`${redact(line, secrets)}\n`);
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
