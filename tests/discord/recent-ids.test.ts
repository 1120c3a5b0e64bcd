import { describe, expect, it } from 'vitest';
import { createRecentIds } from '../../src/discord/recent-ids.ts';

describe('recent ids', () => {
  it('says an id is new once, and a repeat within the window is not', () => {
    const ids = createRecentIds({ capacity: 10, ttlMs: 1000, now: () => 0 });
    expect(ids.firstSight('111111111111111111')).toBe(true);
    expect(ids.firstSight('111111111111111111')).toBe(false);
    expect(ids.firstSight('222222222222222222')).toBe(true);
  });

  it('forgets an id once its time is up', () => {
    let t = 0;
    const ids = createRecentIds({ capacity: 10, ttlMs: 1000, now: () => t });
    ids.firstSight('a');
    t = 999;
    expect(ids.firstSight('a')).toBe(false);
    t = 1000;
    expect(ids.firstSight('a')).toBe(true);
  });

  it('holds at most its capacity, dropping the oldest first', () => {
    const ids = createRecentIds({ capacity: 3, ttlMs: 60_000, now: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) ids.firstSight(id);
    expect(ids.size).toBe(3);
    expect(ids.firstSight('d')).toBe(false);
    expect(ids.firstSight('a')).toBe(true);
  });

  it('stays bounded under a long stream of ids', () => {
    let t = 0;
    const ids = createRecentIds({ capacity: 1000, ttlMs: 100, now: () => t });
    for (let i = 0; i < 100_000; i++) {
      t = i;
      ids.firstSight(String(i));
    }
    expect(ids.size).toBeLessThanOrEqual(100);
  });
});
