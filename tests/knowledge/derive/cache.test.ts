import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DERIVED_CACHE_FILE,
  cachedDerivation,
  codeFingerprint,
  derivedKey,
  deriverFingerprint,
  readDerivedCache,
} from '../../../src/knowledge/derive/cache.ts';
import type { DerivedKnowledge } from '../../../src/knowledge/derive/index.ts';
import { deriveOrNothing } from '../../../src/knowledge/derive/integrate.ts';
import { deriveInChild } from '../../../src/knowledge/derive/off-process.ts';
import type { Article } from '../../../src/knowledge/types.ts';
import { article, derived, shipped } from './support.ts';

const SMALL = article('---\ntitle: Test\n---\n\nAlpha Beta met Gamma Delta in Paris on 3 May 2001.\n\nMr. Epsilon said 40 people came.\n');
const EDITED = article('---\ntitle: Test\n---\n\nAlpha Beta met Gamma Delta in Rome on 3 May 2001.\n\nMr. Epsilon said 40 people came.\n');

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'citebot-derived-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A deriver that counts its calls and derives as the loader would. */
function counting(): { derive: (a: Article) => Promise<DerivedKnowledge>; readonly calls: number } {
  let calls = 0;
  return {
    derive: async (a) => {
      calls++;
      return deriveOrNothing(a);
    },
    get calls() {
      return calls;
    },
  };
}

const cacheFile = () => join(dataDir, DERIVED_CACHE_FILE);

describe('the derived-knowledge cache', () => {
  it('derives once, then gives what deriving gives without deriving again', async () => {
    const deriver = counting();
    const load = cachedDerivation(dataDir, deriver.derive);
    const first = await load(SMALL);
    const second = await cachedDerivation(dataDir, deriver.derive)(SMALL);
    expect(deriver.calls).toBe(1);
    expect(first.facts.length).toBeGreaterThan(0);
    expect(second).toStrictEqual(deriveOrNothing(SMALL));
  });

  it('gives exactly what deriving gives for the shipped article, through the file', async () => {
    const a = shipped();
    await cachedDerivation(dataDir)(a);
    const fromFile = await readDerivedCache(dataDir, derivedKey(a));
    expect(fromFile).toStrictEqual(derived(a));
  });

  it('derives again when a sentence changes, and keeps only the latest', async () => {
    const deriver = counting();
    const load = cachedDerivation(dataDir, deriver.derive);
    await load(SMALL);
    const edited = await load(EDITED);
    expect(deriver.calls).toBe(2);
    expect(edited).toStrictEqual(deriveOrNothing(EDITED));
    expect(edited.facts.map((f) => f.name)).toContain('Rome');
    await load(SMALL);
    expect(deriver.calls).toBe(3);
  });

  it('keys on the sentences, not on the rest of the article', () => {
    const retitled = article('---\ntitle: Another title\n---\n\nAlpha Beta met Gamma Delta in Paris on 3 May 2001.\n\nMr. Epsilon said 40 people came.\n');
    expect(derivedKey(retitled)).toBe(derivedKey(SMALL));
    expect(derivedKey(EDITED)).not.toBe(derivedKey(SMALL));
  });

  it.each([
    ['is not JSON', () => 'not json {'],
    ['is cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    [
      'was edited',
      (text: string) => {
        const file = JSON.parse(text) as { derived: { mentions: { end: number }[] } };
        file.derived.mentions[0]!.end += 1;
        return JSON.stringify(file);
      },
    ],
    ['has no facts list', (text: string) => JSON.stringify({ ...JSON.parse(text), derived: { mentions: [] } })],
    ['is of another format', (text: string) => JSON.stringify({ ...JSON.parse(text), format: 0 })],
    ['is empty', () => ''],
  ])('derives again and rewrites the file when it %s', async (_, damage) => {
    const deriver = counting();
    const load = cachedDerivation(dataDir, deriver.derive);
    await load(SMALL);
    const good = await readFile(cacheFile(), 'utf8');
    expect(damage(good)).not.toBe(good);
    await writeFile(cacheFile(), damage(good));
    expect(await load(SMALL)).toStrictEqual(deriveOrNothing(SMALL));
    expect(deriver.calls).toBe(2);
    expect(await readFile(cacheFile(), 'utf8')).toBe(good);
  });

  it('derives when the folder does not exist yet, and creates it', async () => {
    const nested = join(dataDir, 'not', 'yet');
    expect(await cachedDerivation(nested)(SMALL)).toStrictEqual(deriveOrNothing(SMALL));
    expect(await readDerivedCache(nested, derivedKey(SMALL))).toStrictEqual(deriveOrNothing(SMALL));
  });

  it('still derives when the cache cannot be written', async () => {
    const notADir = join(dataDir, 'a-file');
    await writeFile(notADir, 'x');
    const deriver = counting();
    expect(await cachedDerivation(notADir, deriver.derive)(SMALL)).toStrictEqual(deriveOrNothing(SMALL));
    expect(await cachedDerivation(notADir, deriver.derive)(SMALL)).toStrictEqual(deriveOrNothing(SMALL));
    expect(deriver.calls).toBe(2);
  });
});

describe("the deriver's fingerprint", () => {
  it('is stable within a process', () => {
    expect(deriverFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(deriverFingerprint()).toBe(deriverFingerprint());
  });

  it("changes with any module's content or name, and with the NLP packages", async () => {
    const code = join(dataDir, 'code');
    await mkdir(code);
    await writeFile(join(code, 'a.ts'), 'export const a = 1;\n');
    await writeFile(join(code, 'b.ts'), 'export const b = 2;\n');
    await writeFile(join(code, 'notes.md'), 'not code');
    const before = codeFingerprint(code, '.ts', ['wink-nlp']);
    await writeFile(join(code, 'notes.md'), 'other notes');
    expect(codeFingerprint(code, '.ts', ['wink-nlp'])).toBe(before);
    await writeFile(join(code, 'b.ts'), 'export const b = 3;\n');
    const edited = codeFingerprint(code, '.ts', ['wink-nlp']);
    expect(edited).not.toBe(before);
    await writeFile(join(code, 'c.ts'), '');
    expect(codeFingerprint(code, '.ts', ['wink-nlp'])).not.toBe(edited);
    expect(codeFingerprint(code, '.ts', ['wink-nlp', 'wink-eng-lite-web-model'])).not.toBe(codeFingerprint(code, '.ts', ['wink-nlp']));
  });
});

describe('deriving in a child process', () => {
  it('gives exactly what deriving here gives', async () => {
    const a = shipped();
    expect(await deriveInChild(a)).toStrictEqual(derived(a));
  });

  it('gives nothing, as here, for text the tagger takes nothing from', async () => {
    const quiet = article('---\ntitle: Quiet\n---\n\nit was a quiet day and nothing much happened at all.\n');
    expect(await deriveInChild(quiet)).toStrictEqual(deriveOrNothing(quiet));
  });
});
