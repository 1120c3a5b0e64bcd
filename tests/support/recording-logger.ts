import type { Logger } from '../../src/log.ts';

export interface LogLine {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly message: string;
  readonly detail?: unknown;
}

export function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, detail?: unknown) => void lines.push({ level, message, detail });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), isEnabled: () => true };
}
