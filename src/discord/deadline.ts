import { DiscordAPIError, HTTPError } from 'discord.js';

/**
 * Deadlines for calls to Discord. A request can hang or fail after Discord processed it; the
 * bot must still acknowledge every interaction within Discord's 3 s, and know a request that
 * "failed" after landing for the success it was.
 */

/** Discord's code for a second response to one interaction: the first one landed. */
export const ALREADY_ACKNOWLEDGED = 40060;

export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer from Discord within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Settles like `promise`, or rejects with DeadlineExceeded after `ms`. The call itself goes on;
 * its late outcome is dropped (the caller has moved on to a fallback that covers both cases).
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), Math.max(0, ms));
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export function isAlreadyAcknowledged(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === ALREADY_ACKNOWLEDGED;
}

/**
 * A failure that says nothing about whether the request landed: no answer in time, a server
 * error (after discord.js's own retries), a dropped connection. A 4xx is Discord's refusal.
 */
export function isInconclusive(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return false;
  if (error instanceof DeadlineExceeded || error instanceof HTTPError) return true;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'AbortError' || name === 'TimeoutError' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}
