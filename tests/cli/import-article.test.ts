import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { KNOWLEDGE_DIR, ROOT } from '../support/knowledge.ts';
import { html, startPageServer, type PageServer } from '../support/page-server.ts';
import { tsx } from '../support/run.ts';

const TIMEOUT = 60_000;
const PAGE = join(ROOT, 'tests', 'fixtures', 'pages', 'herald-sun-1', 'source.html');
const TITLE = 'Angry media won’t buckle over new surveillance laws';

let server: PageServer;
let dir: string;
const shipped = () => readFile(join(KNOWLEDGE_DIR, 'article.md'), 'utf8');

beforeAll(async () => {
  server = await startPageServer();
  server.route('/story', html(await readFile(PAGE)));
});
afterAll(() => server.close());

beforeEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(join(tmpdir(), 'citebot-import-'));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  // As README > Using another article says: the curated files belong to the old article.
  for (const file of ['qa.yaml', 'facts.yaml', 'concepts.yaml']) await rm(join(dir, file));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  tsx(['src/cli/import-article.ts', ...args], { env: { ...process.env, KNOWLEDGE_DIR: dir, IMPORT_ALLOW_HOSTS: '127.0.0.1', ...env } });

describe('npm run knowledge:import', () => {
  it(
    'with --yes writes an article.md the loader accepts, with the title and paragraphs, and keeps the previous one',
    async () => {
      const result = await run([server.url('/story'), '--yes']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Title:          ${TITLE}`);
      expect(result.stdout).toMatch(/Length: +\d+ words in \d+ paragraphs/);
      expect(result.stdout).toMatch(/Wrote .*article\.md; the previous one is .*article\.previous\.md/);

      const loaded = await loadKnowledge(dir);
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
      const { article } = loaded.knowledge;
      expect(article.meta.title).toBe(TITLE);
      expect(article.meta.url).toBe(server.url('/story'));
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(10);
      expect(article.paragraphs[0]!.text).toMatch(/^A HIGH-powered federal government team has been doing the rounds/);
      expect(await readFile(join(dir, 'article.previous.md'), 'utf8')).toBe(await shipped());

      const undo = await run(['--undo']);
      expect(undo.code, undo.stderr).toBe(0);
      expect(await readFile(join(dir, 'article.md'), 'utf8')).toBe(await shipped());
    },
    TIMEOUT,
  );

  it(
    'without --yes only shows what it found and how to write it',
    async () => {
      const result = await run([server.url('/story')]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('First paragraph:');
      expect(result.stdout).toMatch(/People: +.*\w/);
      expect(result.stdout).toContain('Nothing written.');
      expect(result.stdout).toContain(`npm run knowledge:import -- "${server.url('/story')}" --yes`);
      expect(await readFile(join(dir, 'article.md'), 'utf8')).toBe(await shipped());
      await expect(stat(join(dir, 'article.previous.md'))).rejects.toThrow();
    },
    TIMEOUT,
  );

  it(
    'refuses a loopback address that IMPORT_ALLOW_HOSTS does not list, in one line, and writes nothing',
    async () => {
      const result = await run([server.url('/story'), '--yes'], { IMPORT_ALLOW_HOSTS: '' });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`knowledge:import: refused: ${server.url('/story')} is a loopback address\n`);
      expect(await readFile(join(dir, 'article.md'), 'utf8')).toBe(await shipped());
    },
    TIMEOUT,
  );

  it(
    'reads a saved page the same way as a fetched one',
    async () => {
      const result = await run([PAGE, '--yes']);
      expect(result.code, result.stderr).toBe(0);
      const loaded = await loadKnowledge(dir);
      expect(loaded.ok && loaded.knowledge.article.meta.title).toBe(TITLE);
    },
    TIMEOUT,
  );
});
