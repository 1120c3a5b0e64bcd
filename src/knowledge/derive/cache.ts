import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion, readChecksummed, sha256, writeChecksummed } from '../cache-file.ts';
import type { Article } from '../types.ts';
import type { DerivedKnowledge } from './index.ts';
import { deriveOrNothing } from './integrate.ts';

/**
 * What the article gives (`deriveOrNothing`), kept in one file under DATA_DIR, so a start with
 * an unchanged article does not load the NLP model at all. The file is keyed by the sentences
 * derived from and by the deriver itself (its code and the NLP packages' versions): a change
 * to either derives again. A missing, unreadable, corrupt or stale file is derived again and
 * rewritten; one that cannot be written only means deriving again next time.
 */

export const DERIVED_CACHE_FILE = 'derived-knowledge.json';

/** Bumped when the file's layout changes. */
const FORMAT = 1;

let fingerprint: string | undefined;

/**
 * The deriver's identity: every module of this folder (as run: .ts from source, .js built) and
 * the NLP packages it tags with. Any edit to the deriver gives another key.
 */
export function deriverFingerprint(): string {
  const own = fileURLToPath(import.meta.url);
  fingerprint ??= codeFingerprint(dirname(own), extname(own), ['wink-nlp', 'wink-eng-lite-web-model']);
  return fingerprint;
}

/** A hash of the name and content of every `ext` file in `dir`, and of the versions of `packages`. */
export function codeFingerprint(dir: string, ext: string, packages: readonly string[]): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  for (const name of readdirSync(dir).filter((f) => extname(f) === ext).sort())
    hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
  for (const name of packages) hash.update(`${packageVersion(name)}\0`);
  return hash.digest('hex');
}

/** The deriver's input is the article's sentences: their ids, paragraphs and text. */
export function derivedKey(article: Pick<Article, 'sentences'>): string {
  const sentences = article.sentences.map((s) => [s.id, s.paragraph, s.text]);
  return sha256(`${deriverFingerprint()}\0${JSON.stringify(sentences)}`);
}

function isDerived(value: unknown): value is DerivedKnowledge {
  const v = value as DerivedKnowledge | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.facts) && Array.isArray(v.mentions);
}

const layout = (key: string) => ({ format: FORMAT, key, field: 'derived', isValid: isDerived });

/** The cached knowledge for `key`, or undefined for a missing, unreadable, corrupt or stale file. */
export function readDerivedCache(dataDir: string, key: string): Promise<DerivedKnowledge | undefined> {
  return readChecksummed(dataDir, DERIVED_CACHE_FILE, layout(key));
}

/** A read-only DATA_DIR costs deriving again at the next start, nothing more. */
export function writeDerivedCache(dataDir: string, key: string, derived: DerivedKnowledge): Promise<void> {
  return writeChecksummed(dataDir, DERIVED_CACHE_FILE, layout(key), derived);
}

/**
 * A `LoadOptions.derive` that takes the cached knowledge when the key matches and otherwise
 * derives with `derive` (by default here, at once) and caches what it gave.
 */
export function cachedDerivation(
  dataDir: string,
  derive: (article: Article) => Promise<DerivedKnowledge> = async (article) => deriveOrNothing(article),
): (article: Article) => Promise<DerivedKnowledge> {
  return async (article) => {
    const key = derivedKey(article);
    const cached = await readDerivedCache(dataDir, key);
    if (cached !== undefined) return cached;
    const derived = await derive(article);
    await writeDerivedCache(dataDir, key, derived);
    return derived;
  };
}
