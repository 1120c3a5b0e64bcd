import { inspect } from 'node:util';

/**
 * One JSON log line -> one readable line for a terminal: time, level, message, the other fields,
 * and an error's stack below. A line that is not JSON is passed through as it is.
 */
export function formatLine(jsonLine: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const { time, level, msg, err, ...rest } = record;
  const head = `${String(time ?? '')} ${String(level ?? '').toUpperCase().padEnd(5)} ${String(msg ?? '')}`;
  const extra = Object.keys(rest).length > 0 ? ` ${inspect(rest, { depth: 4, breakLength: Infinity })}` : '';
  const stack = (err as { stack?: unknown } | undefined)?.stack;
  return `${head}${extra}${typeof stack === 'string' ? `\n${stack}` : ''}\n`;
}
