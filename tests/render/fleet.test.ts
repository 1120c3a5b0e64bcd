import { describe, expect, it } from 'vitest';
import type { RefreshReport } from '../../src/engine/live-engine.ts';
import { renderFleetRefreshReport, shardLines } from '../../src/render/fleet.ts';
import type { ShardRefresh } from '../../src/engine/live-engine.ts';
import { fakeKnowledge } from '../support/fake-engine.ts';

const at = new Date(0);
const ok = (from: string, to: string): RefreshReport => ({
  ok: true,
  before: { version: from, loadedAt: at },
  after: { version: to, loadedAt: at },
  added: ['qa:new'],
  changed: [],
  removed: [],
});

describe('the fleet refresh report', () => {
  const results: ShardRefresh[] = [
    { shards: [0], ok: true, version: 'bbb', problems: 0 },
    { shards: [1], ok: true, version: 'bbb', problems: 0 },
    { shards: [2], ok: false, version: 'aaa', problems: 1 },
    { shards: [4], ok: true, version: 'bbb', problems: 0 },
  ];

  it('groups shards with the same result, lists failures first, and names silent shards', () => {
    expect(shardLines({ results, missing: [3, 5, 6] })).toEqual([
      '⚠️ shards 3, 5–6: no answer, not refreshed',
      '❌ shard 2: refresh failed (1 problem), still serving `aaa`',
      '✅ shards 0–1, 4: version `bbb`',
    ]);
  });

  it('adds the shards to the refresh report of the shard that was asked', () => {
    const reply = renderFleetRefreshReport({ local: ok('aaa', 'bbb'), results, missing: [3] });
    const field = reply.embeds[0]!.fields![0]!;
    expect(field.name).toBe('Shards: 3 of 5 refreshed');
    expect(field.value).toContain('❌ shard 2');
    expect(reply.embeds[0]!.description).toContain('bbb');
  });

  it('GIVEN the knowledge before and after THEN a whole new article is one line, as /refresh says it on one process', () => {
    const kb = fakeKnowledge();
    const sentences = [{ id: 'p1.s1', paragraph: 1, sentence: 1, text: 'A new first sentence.' }];
    const paragraphs = [{ id: 'p1', paragraph: 1, text: 'A new first sentence.' }];
    const fresh = { ...kb, article: { ...kb.article, paragraphs, sentences, passages: new Map([...paragraphs, ...sentences].map((p) => [p.id, p])) } };
    const local: RefreshReport = { ok: true, before: { version: 'aaa', loadedAt: at }, after: { version: 'bbb', loadedAt: at }, added: ['passage:p1.s1'], changed: [], removed: [] };
    const reply = renderFleetRefreshReport({ local, results, missing: [] }, { before: kb, after: fresh });
    expect(reply.embeds[0]!.fields).toContainEqual({ name: 'Changed (1)', value: '• a new article: 1 paragraph, 1 sentence' });
  });

  it('stays within Discord limits with a thousand shards', () => {
    const many = Array.from({ length: 1000 }, (_, id): ShardRefresh => ({ shards: [id], ok: id % 7 !== 0, version: 'v', problems: 1 }));
    const reply = renderFleetRefreshReport({ local: ok('a', 'b'), results: many, missing: [] });
    expect(reply.embeds[0]!.fields![0]!.value.length).toBeLessThanOrEqual(1024);
  });
});
