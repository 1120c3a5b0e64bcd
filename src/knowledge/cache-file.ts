import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the caches under DATA_DIR share: a checksum of their contents, and writes no reader sees half of. */

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Writes `text` to a file of its own beside `dir/name`, then renames it over the old one: a
 * reader (another shard starting at the same time) sees the old file or the new one, never half
 * of one. A cache that cannot be written costs the work again next time, so a failure is not
 * an error.
 */
export async function writeCacheFile(dir: string, name: string, text: string): Promise<void> {
  const target = join(dir, name);
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
