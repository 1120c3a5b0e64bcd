import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { KNOWLEDGE_DIR, ROOT } from '../support/knowledge.ts';
import { tsx } from '../support/run.ts';

const TIMEOUT = 60_000;

describe('npm run knowledge:derive', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citebot-derive-'));
    await copyFile(join(ROOT, 'tests', 'fixtures', 'articles', 'company-reshuffle.md'), join(dir, 'article.md'));
    await writeFile(join(dir, 'qa.yaml'), 'entries: []\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'prints the derived facts as facts.yaml, marked for review, which loads back as curated facts when pasted in',
    async () => {
      const env = { ...process.env, KNOWLEDGE_DIR: dir };
      const run = await tsx(['src/cli/derive-knowledge.ts'], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^# Derived from .*article\.md/);
      expect(run.stdout).toContain('# derived: review');
      const printed = parse(run.stdout) as { entities: { id: string; name: string }[] };
      expect(printed.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Peter Lindqvist', 'Brightwater Foods', 'Sarah Okoro']));

      await writeFile(join(dir, 'facts.yaml'), run.stdout);
      const loaded = await loadKnowledge(dir);
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.entry}: ${p.message}`).join('\n'));
      const curated = loaded.knowledge.facts.filter((f) => !loaded.knowledge.derivedFactIds.has(f.id));
      expect(curated.map((f) => f.id)).toEqual(printed.entities.map((e) => e.id));
      // Everything derived is now curated, so nothing is derived on top.
      expect(loaded.knowledge.derivedFactIds.size).toBe(0);

      const again = await tsx(['src/cli/derive-knowledge.ts'], { env });
      expect(parse(again.stdout)).toEqual({ entities: [] });
      const all = await tsx(['src/cli/derive-knowledge.ts', '--all'], { env });
      expect(parse(all.stdout)).toEqual(printed);
    },
    TIMEOUT,
  );

  it(
    'says so, with a non-zero exit, when the article cannot be read',
    async () => {
      const run = await tsx(['src/cli/derive-knowledge.ts', join(dir, 'no-such-dir')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/the folder .*no-such-dir.* does not exist/);
      expect(run.stdout).toBe('');
    },
    TIMEOUT,
  );

  it(
    'and knowledge:check still passes on the shipped knowledge, counting derived facts apart',
    async () => {
      const run = await tsx(['src/cli/check-knowledge.ts', KNOWLEDGE_DIR]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/ok, version \w+: .* \d+ facts \(\d+ derived from the article\)/);
    },
    TIMEOUT,
  );
});
