import { describe, expect, it } from 'vitest';
import { stdinLines } from '../../src/cli/lines.ts';

async function collect(chunks: readonly (string | Buffer)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of stdinLines((async function* () { yield* chunks; })())) out.push(line);
  return out;
}

describe('stdinLines', () => {
  it('ends a line at "\\n" only, dropping a "\\r" before it but keeping a lone one', async () => {
    expect(await collect(['who\rheads roscosmos\r\nwho is lavrov\n'])).toEqual(['who\rheads roscosmos', 'who is lavrov']);
  });

  it('keeps empty lines and a last line without a newline', async () => {
    expect(await collect(['a\n\nb'])).toEqual(['a', '', 'b']);
  });

  it('joins a character split across chunks', async () => {
    const bytes = Buffer.from('푸틴\n', 'utf8');
    expect(await collect([bytes.subarray(0, 2), bytes.subarray(2)])).toEqual(['푸틴']);
  });
});
