import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeSnapshot, type Snapshot } from '../../tools/bench-snapshot.ts';
import { ROOT } from '../support/knowledge.ts';

/**
 * Speed work must not change an answer: the engine's answers to every project question set and
 * their reworded variants (shipped knowledge, and each generalisation article dropped in) are
 * held to tests/fixtures/answer-snapshot.json. When an answer is meant to change, rewrite it with
 * `npx tsx tools/bench-snapshot.ts tests/fixtures/answer-snapshot.json` and review the diff.
 */
describe('answer snapshot', async () => {
  const expected = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'answer-snapshot.json'), 'utf8')) as Snapshot;
  const actual = await takeSnapshot(ROOT);

  it('covers the same sets and questions', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const set of Object.keys(expected)) expect(actual[set]!.map((l) => l.q), set).toEqual(expected[set]!.map((l) => l.q));
  });

  it.each(Object.keys(expected))('%s: every answer as in the snapshot', (set) => {
    const differ = (actual[set] ?? []).filter((line, i) => JSON.stringify(line) !== JSON.stringify(expected[set]![i]));
    expect(differ.slice(0, 5), `${differ.length} answers differ`).toEqual(
      differ.slice(0, 5).map((line) => expected[set]!.find((e) => e.q === line.q)),
    );
  });
});
