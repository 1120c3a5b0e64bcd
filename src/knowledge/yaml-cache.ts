import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { sha256, writeCacheFile } from './cache-file.ts';

/**
 * What the knowledge's YAML files parse to, kept in one file under DATA_DIR: parsing qa.yaml
 * is most of the cost of loading the knowledge, and at a start the files are nearly always the
 * ones parsed last time. Entries are keyed by the file's text and the YAML parser's version; a
 * missing, damaged or stale file only means parsing again. Only what parsed without an error,
 * and survives JSON unchanged, is kept: a file that did not parse is reported every time.
 */

export const YAML_CACHE_FILE = 'parsed-knowledge.json';

/** Bumped when the file's layout changes. */
const FORMAT = 1;

interface CacheFile {
  readonly format: number;
  readonly parser: string;
  /** sha256 of JSON.stringify(entries): a file edited or damaged but still JSON is not trusted. */
  readonly sum: string;
  /** sha256 of a YAML text -> what it parses to, as JSON. */
  readonly entries: Readonly<Record<string, string>>;
}

export interface YamlCache {
  /** What `source` parsed to last time, as a fresh value, or undefined when it is not known. */
  get(source: string): unknown;
  /** Keeps what `source` parsed to, when JSON holds it as it is. */
  set(source: string, value: unknown): void;
}

let parserVersion: string | undefined;
function yamlVersion(): string {
  if (parserVersion === undefined) {
    const require = createRequire(import.meta.url);
    try {
      parserVersion = `yaml@${(require('yaml/package.json') as { version: string }).version}`;
    } catch {
      parserVersion = 'yaml@unknown';
    }
  }
  return parserVersion;
}

/** Plain data only: what JSON.parse(JSON.stringify(value)) gives back unchanged. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value as Record<string, unknown>).every(([key, v]) => key !== '__proto__' && jsonSafe(v));
}

/** A cache that remembers nothing: for loads without DATA_DIR. */
export const NO_YAML_CACHE: YamlCache = Object.freeze({ get: () => undefined, set: () => undefined });

export interface StoredYamlCache extends YamlCache {
  /** Writes what this load parsed, and only that, when it differs from the file read. */
  save(): Promise<void>;
}

/** The cache kept in `dataDir`; an unreadable file starts it empty. */
export async function openYamlCache(dataDir: string): Promise<StoredYamlCache> {
  const parser = yamlVersion();
  let stored: Readonly<Record<string, string>> = {};
  try {
    const file = JSON.parse(await readFile(join(dataDir, YAML_CACHE_FILE), 'utf8')) as CacheFile;
    if (
      typeof file === 'object' && file !== null && file.format === FORMAT && file.parser === parser &&
      typeof file.entries === 'object' && file.entries !== null && file.sum === sha256(JSON.stringify(file.entries))
    )
      stored = file.entries;
  } catch {
    // Missing or not JSON: everything is parsed again.
  }
  const used: Record<string, string> = {};
  return {
    get(source) {
      const key = sha256(source);
      const json = stored[key];
      if (typeof json !== 'string') return undefined;
      try {
        const value: unknown = JSON.parse(json);
        used[key] = json;
        return value;
      } catch {
        return undefined;
      }
    },
    set(source, value) {
      if (jsonSafe(value)) used[sha256(source)] = JSON.stringify(value);
    },
    async save() {
      const keys = Object.keys(used).sort();
      if (keys.length === Object.keys(stored).length && keys.every((k) => stored[k] === used[k])) return;
      const entries = Object.fromEntries(keys.map((k) => [k, used[k]!]));
      const file: CacheFile = { format: FORMAT, parser, sum: sha256(JSON.stringify(entries)), entries };
      // A read-only DATA_DIR costs parsing again at the next start, nothing more.
      await writeCacheFile(dataDir, YAML_CACHE_FILE, JSON.stringify(file));
    },
  };
}
