import { packageVersion, readChecksummed, sha256, writeChecksummed } from './cache-file.ts';

/**
 * What the knowledge's YAML files parse to, kept in one file under DATA_DIR: parsing qa.yaml
 * is most of the cost of loading the knowledge, and at a start the files are nearly always the
 * ones parsed last time. Entries are keyed by the file's text and the YAML parser's version; a
 * missing, damaged or stale file only means parsing again. Only what parsed without an error,
 * and survives JSON unchanged, is kept: a file that did not parse is reported every time.
 */

export const YAML_CACHE_FILE = 'parsed-knowledge.json';

/** Bumped when the file's layout changes. */
const FORMAT = 2;

export interface YamlCache {
  /** What `source` parsed to last time, as a fresh value, or undefined when it is not known. */
  get(source: string): unknown;
  /** Keeps what `source` parsed to, when JSON holds it as it is. */
  set(source: string, value: unknown): void;
}

const isEntries = (value: unknown): value is Readonly<Record<string, string>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
  // Keyed by the parser: another version of it may parse the same text to something else.
  const layout = { format: FORMAT, key: packageVersion('yaml'), field: 'entries', isValid: isEntries };
  // Missing, damaged or stale: everything is parsed again.
  const stored = (await readChecksummed(dataDir, YAML_CACHE_FILE, layout)) ?? {};
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
      // A read-only DATA_DIR costs parsing again at the next start, nothing more.
      await writeChecksummed(dataDir, YAML_CACHE_FILE, layout, entries);
    },
  };
}
