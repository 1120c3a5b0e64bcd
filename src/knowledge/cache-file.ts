import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * What the caches under DATA_DIR share: one layout (a format, the key of what the contents were
 * made from, a checksum of the contents), one reader that trusts only a file that passes all
 * three, and writes no reader sees half of.
 */

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

export interface ChecksummedLayout<T> {
  /** Bumped when the file's layout changes. */
  readonly format: number;
  /** What the contents were made from: another key makes the file stale. */
  readonly key: string;
  /** The property that holds the contents (`derived`, `entries`), so the file reads plainly. */
  readonly field: string;
  /** The contents have the shape their users expect. */
  readonly isValid: (value: unknown) => value is T;
}

/**
 * The contents of `dir/name`, or undefined for a missing, unreadable, corrupt, stale or damaged
 * file: `sum` is the sha256 of the contents' JSON, so a file edited by hand or damaged but still
 * JSON is not trusted.
 */
export async function readChecksummed<T>(dir: string, name: string, layout: ChecksummedLayout<T>): Promise<T | undefined> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(await readFile(join(dir, name), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || parsed.format !== layout.format || parsed.key !== layout.key) return undefined;
  const contents = parsed[layout.field];
  if (!layout.isValid(contents) || parsed.sum !== sha256(JSON.stringify(contents))) return undefined;
  return contents;
}

export async function writeChecksummed<T>(dir: string, name: string, layout: ChecksummedLayout<T>, contents: T): Promise<void> {
  const file = { format: layout.format, key: layout.key, sum: sha256(JSON.stringify(contents)), [layout.field]: contents };
  await writeCacheFile(dir, name, JSON.stringify(file));
}

const versions = new Map<string, string>();

/**
 * `name@version` of an installed package, found from its entry point up to its package.json
 * (a package's `exports` may not expose package.json); `name@unknown` when it cannot be read.
 * A cache keyed on it is made again when the package is upgraded.
 */
export function packageVersion(name: string): string {
  const known = versions.get(name);
  if (known !== undefined) return known;
  let found = `${name}@unknown`;
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) {
          found = `${name}@${pkg.version}`;
          break;
        }
      } catch {
        // No package.json here: look further up.
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  } catch {
    // Not installed: the key says so, and changes once it is.
  }
  versions.set(name, found);
  return found;
}
