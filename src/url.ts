import { z } from 'zod';

/**
 * A URL setting: trimmed, one of `protocols`, and without trailing slashes, since the clients
 * that take these (discord.js appends `/v10`, the REST proxy and Redis add their own paths)
 * would otherwise make `//`. `message` says what is expected, with an example; it never quotes
 * the value, which may hold a password.
 */
export function urlSetting(protocols: readonly string[], message: string) {
  return z
    .string()
    .trim()
    .refine(
      (s) => {
        try {
          return protocols.includes(new URL(s).protocol);
        } catch {
          return false;
        }
      },
      { message },
    )
    .transform((s) => s.replace(/\/+$/, ''));
}
