import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';
import { YAML_CACHE_FILE, openYamlCache, type YamlCache } from '../../src/knowledge/yaml-cache.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'knowledge');
const LOADED_AT = new Date('2026-01-01T00:00:00Z');

let dataDir: string;
let knowledgeDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'citebot-yaml-cache-'));
  knowledgeDir = await mkdtemp(join(tmpdir(), 'citebot-yaml-knowledge-'));
  await cp(SHIPPED, knowledgeDir, { recursive: true });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(knowledgeDir, { recursive: true, force: true });
});

/** A cache that counts the texts it knew and the texts it was given. */
function counted(cache: YamlCache): YamlCache & { hits: number; sets: number } {
  const out = {
    hits: 0,
    sets: 0,
    get(source: string) {
      const value = cache.get(source);
      if (value !== undefined) out.hits++;
      return value;
    },
    set(source: string, value: unknown) {
      out.sets++;
      cache.set(source, value);
    },
  };
  return out;
}

async function loadWith(cache: YamlCache): Promise<KnowledgeBase> {
  const result = await loadKnowledge(knowledgeDir, LOADED_AT, { yamlCache: cache });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return result.knowledge;
}

describe('the parsed-YAML cache', () => {
  it('gives the next start exactly the knowledge that parsing gives, without parsing the files again', async () => {
    const writer = await openYamlCache(dataDir);
    const first = counted(writer);
    const parsed = await loadWith(first);
    expect(first.hits).toBe(0);
    expect(first.sets).toBe(3);
    await writer.save();

    const second = counted(await openYamlCache(dataDir));
    const cached = await loadWith(second);
    expect(second.hits).toBe(3);
    expect(second.sets).toBe(0);
    expect(cached).toStrictEqual(parsed);
    expect(await loadWith({ get: () => undefined, set: () => undefined })).toStrictEqual(parsed);
  });

  it('parses an edited file again and keeps only what the files now hold', async () => {
    const writer = await openYamlCache(dataDir);
    await loadWith(writer);
    await writer.save();
    const qa = join(knowledgeDir, 'qa.yaml');
    await writeFile(qa, (await readFile(qa, 'utf8')).replace(/answer: "?/, (m) => `${m}Edited. `));

    const edited = await openYamlCache(dataDir);
    const watch = counted(edited);
    const kb = await loadWith(watch);
    expect(watch.hits).toBe(2);
    expect(watch.sets).toBe(1);
    expect(kb.qa.some((e) => e.answer.startsWith('Edited. '))).toBe(true);
    await edited.save();
    const file = JSON.parse(await readFile(join(dataDir, YAML_CACHE_FILE), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(file.entries)).toHaveLength(3);
  });

  it('never keeps a file that does not parse: its problem is reported at every load', async () => {
    await writeFile(join(knowledgeDir, 'facts.yaml'), 'entities:\n  - id: a\n    id: b\n');
    for (let i = 0; i < 2; i++) {
      const cache = await openYamlCache(dataDir);
      const result = await loadKnowledge(knowledgeDir, LOADED_AT, { yamlCache: cache });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.some((p) => p.file === 'facts.yaml' && /not valid YAML/.test(p.message))).toBe(true);
      await cache.save();
    }
  });

  it('does not keep what JSON would change, such as an infinite number', async () => {
    const cache = await openYamlCache(dataDir);
    cache.set('x: .inf\n', { x: Infinity });
    cache.set('y: 1\n', { y: 1 });
    expect(cache.get('x: .inf\n')).toBeUndefined();
    await cache.save();
    const again = await openYamlCache(dataDir);
    expect(again.get('x: .inf\n')).toBeUndefined();
    expect(again.get('y: 1\n')).toStrictEqual({ y: 1 });
  });

  it('trusts no damaged, edited or foreign file, and parses instead', async () => {
    const writer = await openYamlCache(dataDir);
    await loadWith(writer);
    await writer.save();
    const path = join(dataDir, YAML_CACHE_FILE);
    const good = await readFile(path, 'utf8');
    const tampered = good.replace(/\\"answer\\":\\"/, '\\"answer\\":\\"Forged. ');
    expect(tampered).not.toBe(good);
    for (const text of [tampered, good.slice(0, good.length / 2), '[]', 'null', JSON.stringify({ ...JSON.parse(good), format: 0 })]) {
      await writeFile(path, text);
      const cache = counted(await openYamlCache(dataDir));
      const kb = await loadWith(cache);
      expect(cache.hits).toBe(0);
      expect(kb.qa.some((e) => e.answer.startsWith('Forged.'))).toBe(false);
    }
  });

  it('loads as usual when DATA_DIR cannot be written', async () => {
    // A folder under a plain file can be created by no one, root included.
    const blocked = join(dataDir, 'plain-file');
    await writeFile(blocked, '');
    const cache = await openYamlCache(join(blocked, 'data'));
    await loadWith(cache);
    await expect(cache.save()).resolves.toBeUndefined();
  });
});

describe('the cache files under DATA_DIR', () => {
  it('are keyed on package versions read one way, which say when a package is not installed', async () => {
    const { packageVersion } = await import('../../src/knowledge/cache-file.ts');
    expect(packageVersion('yaml')).toMatch(/^yaml@\d+\.\d+\.\d+$/);
    expect(packageVersion('no-such-package-here')).toBe('no-such-package-here@unknown');
  });
});
