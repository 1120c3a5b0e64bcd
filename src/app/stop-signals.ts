import type { Logger } from '../log.ts';

/** The stop (work in flight, then connections) gets this long before the process exits anyway. */
export const EXIT_DEADLINE_MS = 4500;

/**
 * On SIGINT or SIGTERM, runs `stop` once and exits 0; `exit(code)` does the same for other
 * reasons to end. Whatever happens while stopping, the process is gone within EXIT_DEADLINE_MS.
 */
export function exitOnStopSignals(log: Logger, stop: () => Promise<void>, what = 'finishing work in flight, then disconnecting') {
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(code), EXIT_DEADLINE_MS).unref();
    void stop()
      .catch((error: unknown) => log.error('stopping failed', error))
      .finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: the same signal often arrives twice (a supervisor signals the whole
    // process group and a wrapper such as npm passes it on), and a second one must not kill the
    // process before it has finished.
    process.on(signal, () => {
      if (exiting) return;
      log.info(`${signal}: ${what}`);
      exit(0);
    });
  }
  return { exit };
}
