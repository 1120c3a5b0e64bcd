import { describe, expect, it } from 'vitest';
import { roughen, seeded } from '../../../tools/fit/roughen.ts';

describe('chat-style copies of questions', () => {
  it('GIVEN the same seed THEN the same copies', () => {
    const a = seeded(5);
    const b = seeded(5);
    const q = 'When did the Organization of Petroleum Exporting Countries raise prices?';
    expect([roughen(q, a), roughen(q, a)]).toEqual([roughen(q, b), roughen(q, b)]);
  });

  it('GIVEN a well-written question THEN the copy is lowercase with no question mark or comma', () => {
    const rand = seeded(9);
    for (let i = 0; i < 50; i++) {
      const copy = roughen('Who, in 1973, raised the price?', rand);
      expect(copy).toBe(copy.toLowerCase());
      expect(copy).not.toMatch(/,/);
      expect(copy.replace(/ \?+$/, '')).not.toMatch(/\?/);
    }
  });
});
