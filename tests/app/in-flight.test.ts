import { describe, expect, it } from 'vitest';
import { createInFlight } from '../../src/app/in-flight.ts';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('createInFlight', () => {
  it('closing waits for the work already started, then refuses new work', async () => {
    const inFlight = createInFlight();
    let finished = false;
    expect(inFlight.track(async () => {
      await delay(50);
      finished = true;
    })).toBe(true);
    expect(inFlight.size).toBe(1);
    const closed = inFlight.close(1000);
    let ranLate = false;
    expect(inFlight.track(async () => void (ranLate = true))).toBe(false);
    expect(await closed).toEqual({ finished: true, pending: 0 });
    expect(finished).toBe(true);
    expect(ranLate).toBe(false);
  });

  it('gives up waiting after the timeout and says how much is still running', async () => {
    const inFlight = createInFlight();
    inFlight.track(() => delay(500));
    const started = Date.now();
    expect(await inFlight.close(30)).toEqual({ finished: false, pending: 1 });
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('a failing piece of work ends quietly and does not hold the close', async () => {
    const inFlight = createInFlight();
    inFlight.track(async () => {
      throw new Error('boom');
    });
    expect(await inFlight.close(1000)).toEqual({ finished: true, pending: 0 });
  });
});
