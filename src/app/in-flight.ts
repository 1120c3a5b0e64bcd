/**
 * Work in flight (an interaction being answered, a chat reply being sent), so a stop can refuse
 * new work and still finish what was started: a member who asked before the stop gets an answer.
 */
export interface InFlight {
  /** Starts `work` and returns true, or returns false without starting it once closing. */
  track(work: () => Promise<unknown>): boolean;
  readonly size: number;
  readonly closing: boolean;
  /** Refuses new work and settles when the work in flight is done or `timeoutMs` has passed. */
  close(timeoutMs: number): Promise<{ readonly finished: boolean; readonly pending: number }>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  let closing = false;
  return {
    track(work) {
      if (closing) return false;
      // A failure is the work's own to report; here it only ends the work.
      const done: Promise<unknown> = Promise.resolve()
        .then(work)
        .catch(() => undefined)
        .finally(() => running.delete(done));
      running.add(done);
      return true;
    },
    get size() {
      return running.size;
    },
    get closing() {
      return closing;
    },
    async close(timeoutMs) {
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const finished = await Promise.race([Promise.all([...running]).then(() => true), timedOut]);
      clearTimeout(timer);
      return { finished, pending: running.size };
    },
  };
}
