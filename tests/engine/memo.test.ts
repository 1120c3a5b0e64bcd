import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/engine/memo.ts';

describe('memoize', () => {
  it('computes each key once and gives the same result after', () => {
    const calls: string[] = [];
    const upper = memoize(10, (key) => {
      calls.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('remembers undefined results too', () => {
    let calls = 0;
    const nothing = memoize(10, () => {
      calls++;
      return undefined;
    });
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });

  it('keeps at most its limit, then starts again empty', () => {
    const calls: string[] = [];
    const same = memoize(2, (key) => {
      calls.push(key);
      return key;
    });
    for (const key of ['a', 'b', 'c', 'a']) same(key);
    // 'c' found the memory full and emptied it, so 'a' is computed again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
