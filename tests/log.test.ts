import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, secretPatterns } from '../src/log.ts';
import { formatLine } from '../src/log-format.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz';

function capture(level: 'error' | 'warn' | 'info' | 'debug', secrets: string[] = []) {
  const lines: string[] = [];
  const log = createLogger({ level, secrets, write: (l) => void lines.push(l), now: () => new Date(0) });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, lines, records };
}

describe('createLogger', () => {
  it('writes one JSON line per message with its time, level and message', () => {
    const { log, lines, records } = capture('info');
    log.info('logged in');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(records()).toEqual([{ level: 'info', time: '1970-01-01T00:00:00.000Z', msg: 'logged in' }]);
  });

  it('drops messages below the configured level', () => {
    const { log, records } = capture('warn');
    log.info('chatty');
    log.debug('chattier');
    log.warn('careful');
    log.error('broken');
    expect(records().map((r) => r.level)).toEqual(['warn', 'error']);
    expect(log.isEnabled('debug')).toBe(false);
    expect(log.isEnabled('error')).toBe(true);
  });

  it('keeps an error as a field with its message and stack, and other details as a field', () => {
    const { log, records } = capture('debug');
    log.error('failed', new Error('boom'));
    log.warn('odd', { status: 500 });
    log.info('plain', 'more words');
    const [error, warn, info] = records();
    expect((error!.err as { message: string; stack: string }).message).toBe('boom');
    expect((error!.err as { stack: string }).stack).toContain('Error: boom');
    expect(warn!.detail).toEqual({ status: 500 });
    expect(info!.msg).toBe('plain more words');
  });

  it('redacts the token from messages and from error details', () => {
    const { log, lines } = capture('debug', [TOKEN]);
    log.error(`request with Bot ${TOKEN} failed`, new Error(`bad token ${TOKEN}`));
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    // The message, the error's message and its stack.
    expect(out.split(REDACTED).length).toBeGreaterThanOrEqual(4);
  });

  it("redacts each part of the token, as discord.js's censored debug line shows two of them", () => {
    const { log, lines } = capture('debug', [TOKEN]);
    const [id, stamp] = TOKEN.split('.');
    log.debug(`Provided token: ${id}.${stamp}.**************************`);
    const out = lines.join('');
    for (const part of TOKEN.split('.')) expect(out).not.toContain(part);
    expect(out).toContain(`${REDACTED}.${REDACTED}.`);
  });

  it('ignores an absent or too short secret instead of redacting ordinary words', () => {
    const { log, lines } = capture('info', [undefined as unknown as string, 'a']);
    log.info('a cat');
    expect(lines[0]).toContain('a cat');
    expect(secretPatterns(['short', 'abcdefgh.xy.abcdefgh'])).toEqual(['abcdefgh.xy.abcdefgh', 'abcdefgh']);
  });

  it('writes to stderr by default, never stdout', () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    const stdout = process.stdout.write.bind(process.stdout);
    let stdoutUsed = false;
    process.stderr.write = ((chunk: string) => (written.push(chunk), true)) as unknown as typeof process.stderr.write;
    process.stdout.write = (() => {
      stdoutUsed = true;
      return true;
    }) as unknown as typeof process.stdout.write;
    try {
      createLogger({ level: 'info' }).info('to stderr');
    } finally {
      process.stderr.write = original;
      process.stdout.write = stdout;
    }
    expect(written.join('')).toContain('to stderr');
    expect(stdoutUsed).toBe(false);
  });

  it('shows lines readable in a terminal when asked, still redacted', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', format: 'pretty', secrets: [TOKEN], write: (l) => void lines.push(l), now: () => new Date(0) });
    log.warn(`shard 0: ${TOKEN}`, new Error('lost'));
    expect(lines[0]).toMatch(/^1970-01-01T00:00:00.000Z WARN  shard 0: \[redacted\]\nError: lost\n/);
  });
});

describe('formatLine', () => {
  it('puts the fields other than time, level and message after the message', () => {
    expect(formatLine('{"level":"info","time":"T","msg":"hi","shard":2}\n')).toBe("T INFO  hi { shard: 2 }\n");
  });

  it('passes a line that is not JSON through', () => {
    expect(formatLine('plain')).toBe('plain\n');
  });
});
