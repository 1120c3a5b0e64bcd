import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../src/log.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz';

function capture(level: 'error' | 'warn' | 'info' | 'debug', secrets: string[] = []) {
  const lines: string[] = [];
  const log = createLogger({ level, secrets, write: (l) => void lines.push(l), now: () => new Date(0) });
  return { log, lines };
}

describe('createLogger', () => {
  it('writes one timestamped line per message with its level', () => {
    const { log, lines } = capture('info');
    log.info('logged in');
    expect(lines).toEqual(['1970-01-01T00:00:00.000Z INFO  logged in\n']);
  });

  it('drops messages below the configured level', () => {
    const { log, lines } = capture('warn');
    log.info('chatty');
    log.debug('chattier');
    log.warn('careful');
    log.error('broken');
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['WARN', 'ERROR']);
    expect(log.isEnabled('debug')).toBe(false);
    expect(log.isEnabled('error')).toBe(true);
  });

  it('redacts the token from messages and from error details', () => {
    const { log, lines } = capture('debug', [TOKEN]);
    log.error(`request with Bot ${TOKEN} failed`, new Error(`bad token ${TOKEN}`));
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    expect(out.split(REDACTED)).toHaveLength(3);
  });

  it('ignores an absent or too short secret instead of redacting ordinary words', () => {
    const { log, lines } = capture('info', [undefined as unknown as string, 'a']);
    log.info('a cat');
    expect(lines[0]).toContain('a cat');
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
});
