import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createLiveEngine, KnowledgeLoadError } from '../../src/app/live.ts';
import type { LiveEngine, RefreshReport } from '../../src/engine/live-engine.ts';
import type { CheckResponse } from '../../src/app/off-thread.ts';
import { DERIVED_CACHE_FILE, derivedKey } from '../../src/knowledge/derive/cache.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { copyKnowledge } from '../support/knowledge.ts';

const ZEBRA_PARAGRAPH = 'The Pyongyang zoo opened a zebra exhibition this spring, with twelve zebras brought from Africa.';
const ZEBRA_QUESTION = 'tell me about the zebra exhibition at the pyongyang zoo';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await copyKnowledge());
});

afterEach(async () => {
  await remove();
});

function okReport(report: RefreshReport): Extract<RefreshReport, { ok: true }> {
  if (!report.ok) throw new Error(`refresh failed: ${JSON.stringify(report.problems)}`);
  return report;
}

/** Replaces the first occurrence of `from` in a knowledge file, failing if it is not there. */
async function edit(file: string, from: string, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, text.replace(from, to));
}

describe('createLiveEngine', () => {
  it('serves the knowledge of the directory it was given', async () => {
    const live = await createLiveEngine(dir);
    const a = live.current().ask('who heads roscosmos');
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.passageId)).toContain('p4.s2');
  });

  it('throws KnowledgeLoadError listing every problem when the directory is broken', async () => {
    await edit('qa.yaml', 'cite: [p4.s2]', 'cite: [p4.s9]');
    await writeFile(join(dir, 'facts.yaml'), 'entities: [\n');
    const error = await createLiveEngine(dir).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    const problems = (error as KnowledgeLoadError).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'qa.yaml', message: expect.stringContaining('p4.s9') }));
    expect(problems.find((p) => p.file === 'qa.yaml')?.entry).toMatch(/^[a-z0-9-]+$/);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'facts.yaml', message: expect.stringMatching(/not valid YAML/) }));
    expect((error as Error).message).toContain('qa.yaml');
    expect((error as Error).message).toContain('facts.yaml');
  });

  it('throws KnowledgeLoadError for a directory that does not exist', async () => {
    await expect(createLiveEngine(join(dir, 'missing'))).rejects.toBeInstanceOf(KnowledgeLoadError);
  });
});

/** The worker's work done in this thread: the same checks, without a thread's start-up time. */
async function checkHere(d: string): Promise<CheckResponse> {
  const started = performance.now();
  const result = await loadKnowledge(d);
  return { result, checkMs: performance.now() - started };
}

describe('refresh', () => {
  let live: LiveEngine;

  beforeEach(async () => {
    live = await createLiveEngine(dir, { check: checkHere });
  });

  it('reports no changes, and keeps the version, when nothing changed', async () => {
    const before = live.current();
    const report = okReport(await live.refresh());
    expect(report.before.version).toBe(report.after.version);
    expect(report.added).toEqual([]);
    expect(report.changed).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(live.current().knowledge.version).toBe(before.knowledge.version);
  });

  it('picks up a paragraph appended to article.md: passage p5.s1 added, new version', async () => {
    const oldVersion = live.current().knowledge.version;
    await appendFile(join(dir, 'article.md'), `\n\n${ZEBRA_PARAGRAPH}\n`);
    const report = okReport(await live.refresh());
    expect(report.added).toContain('passage:p5.s1');
    expect(report.removed).toEqual([]);
    expect(report.before.version).toBe(oldVersion);
    expect(report.after.version).not.toBe(oldVersion);
    expect(live.current().knowledge.version).toBe(report.after.version);
  });

  it('answers a question about the new paragraph by quoting it', async () => {
    expect(live.current().ask(ZEBRA_QUESTION).found).toBe(false);
    await appendFile(join(dir, 'article.md'), `\n\n${ZEBRA_PARAGRAPH}\n`);
    okReport(await live.refresh());
    const a = live.current().ask(ZEBRA_QUESTION);
    expect(a.found).toBe(true);
    expect(a.citations).toEqual([{ quote: ZEBRA_PARAGRAPH, passageId: 'p5.s1', paragraph: 5, sentence: 1 }]);
  });

  it('keeps the old engine answering when a refresh finds qa.yaml broken, and names the file and entry', async () => {
    const before = live.current();
    const qa = await readFile(join(dir, 'qa.yaml'), 'utf8');
    const id = /- id: ([a-z0-9-]+)\n(?:(?!\s+- id:)[\s\S])*?cite: \[p4\.s2\]/.exec(qa)?.[1];
    expect(id).toBeDefined();
    await edit('qa.yaml', `- id: ${id}\n`, `- id: ${id}\n    colour: red\n`);

    const report = await live.refresh();
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems).toContainEqual({ file: 'qa.yaml', entry: id, line: expect.any(Number), message: expect.stringContaining('colour') });
    expect(report.current.version).toBe(before.knowledge.version);

    expect(live.current()).toBe(before);
    const a = live.current().ask('who heads roscosmos');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Borisov');
  });

  it('goes live again once the broken file is fixed', async () => {
    const good = await readFile(join(dir, 'qa.yaml'), 'utf8');
    await writeFile(join(dir, 'qa.yaml'), `${good}\n  - id: [broken\n`);
    expect((await live.refresh()).ok).toBe(false);
    await writeFile(join(dir, 'qa.yaml'), good);
    await appendFile(join(dir, 'article.md'), `\n\n${ZEBRA_PARAGRAPH}\n`);
    expect(okReport(await live.refresh()).added).toEqual(['passage:p5.s1']);
  });

  it('shares one result among concurrent refresh() calls', async () => {
    await appendFile(join(dir, 'article.md'), `\n\n${ZEBRA_PARAGRAPH}\n`);
    const first = live.refresh();
    const second = live.refresh();
    expect(second).toBe(first);
    const [a, b] = await Promise.all([first, second]);
    expect(b).toBe(a);
    expect(okReport(a).added).toContain('passage:p5.s1');
    // Once it has settled, a new refresh loads again (and finds nothing new).
    const third = live.refresh();
    expect(third).not.toBe(first);
    expect(okReport(await third).added).toEqual([]);
  });
});

describe('refresh off the main thread', () => {
  /** The longest the event loop went without running a 5 ms timer while `work` ran. */
  async function longestStall(work: () => Promise<unknown>): Promise<number> {
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
    return Math.max(longest, performance.now() - last);
  }

  it('checks big broken knowledge in a worker: the old engine answers, the event loop keeps running', async () => {
    const live = await createLiveEngine(dir);
    const before = live.current();
    // About 0.8 MB of Q&A (a second or so to parse and check in this thread), with a dangling citation.
    const { entries } = parse(await readFile(join(dir, 'qa.yaml'), 'utf8')) as { entries: { id: string; questions: string[]; cite: string[] }[] };
    const copies = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) =>
      entries.map((e) => ({ ...e, id: `${e.id.slice(0, 30)}-c${k}`, questions: e.questions.map((q) => `${q} copy ${k}`), featured: false })),
    );
    const all = [...entries, ...copies];
    all[0] = { ...all[0]!, cite: ['p4.s9'] };
    await writeFile(join(dir, 'qa.yaml'), stringify({ entries: all }, { aliasDuplicateObjects: false }));
    let report: RefreshReport | undefined;
    const stall = await longestStall(async () => {
      report = await live.refresh();
    });
    expect(report?.ok === false && report.problems).toContainEqual(expect.objectContaining({ file: 'qa.yaml', message: expect.stringContaining('p4.s9') }));
    expect(live.current()).toBe(before);
    expect(stall).toBeLessThan(250);
  }, 60_000);

  it('runs one refresh at a time: one asked for during another reads the files after it was asked', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const live = await createLiveEngine(dir, {
      check: async (d) => {
        calls += 1;
        const checked = await checkHere(d);
        if (calls === 1) await gate;
        return checked;
      },
    });
    const first = live.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await appendFile(join(dir, 'article.md'), `\n\n${ZEBRA_PARAGRAPH}\n`);
    const second = live.refresh();
    const third = live.refresh();
    expect(third).toBe(second);
    expect(calls).toBe(1);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(okReport(a).added).toEqual([]);
    expect(okReport(b).added).toContain('passage:p5.s1');
    expect(calls).toBe(2);
  });

  it('reports a check that fails (the worker died, ran out of time or memory) as a problem, changing nothing', async () => {
    const live = await createLiveEngine(dir, {
      check: () => Promise.reject(new Error('checking the knowledge took longer than 60 s')),
    });
    const before = live.current();
    const report = await live.refresh();
    expect(report).toMatchObject({ ok: false, problems: [{ message: 'could not be checked: checking the knowledge took longer than 60 s' }] });
    expect(live.current()).toBe(before);
  });
});

describe('the build on the main thread', () => {
  it('refuses knowledge whose trial build took longer than a refresh may hold up answering', async () => {
    const live = await createLiveEngine(dir, {
      maxBuildMs: 2500,
      check: async (d) => ({ ...(await checkHere(d)), buildMs: 4000 }),
    });
    const before = live.current();
    const report = await live.refresh();
    expect(report).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/^building its index took 4000 ms, more than the 2500 ms a refresh may hold up answering/) }],
    });
    expect(live.current()).toBe(before);
  });

  it('reports how long the check and the main-thread build took', async () => {
    const live = await createLiveEngine(dir, { check: checkHere });
    const report = okReport(await live.refresh());
    expect(report.timings?.checkMs).toBeGreaterThanOrEqual(0);
    expect(report.timings?.mainThreadMs).toBeGreaterThan(0);
  });
});

describe('with a cache of derived knowledge (DATA_DIR)', () => {
  const cacheDir = () => join(dir, '..', 'data');

  it('starts with the same knowledge as without, and a second start reads it from the cache', async () => {
    const plain = (await createLiveEngine(dir)).current().knowledge;
    const first = (await createLiveEngine(dir, { derivedCacheDir: cacheDir() })).current().knowledge;
    const cached = JSON.parse(await readFile(join(cacheDir(), DERIVED_CACHE_FILE), 'utf8')) as { key: string };
    const second = (await createLiveEngine(dir, { derivedCacheDir: cacheDir() })).current().knowledge;
    for (const k of [first, second]) {
      expect(k.facts).toStrictEqual(plain.facts);
      expect(k.mentions).toStrictEqual(plain.mentions);
      expect(k.derivedFactIds).toStrictEqual(plain.derivedFactIds);
      expect(k.version).toBe(plain.version);
    }
    expect(cached.key).toBe(derivedKey(first.article));
  });

  it('a refresh that changes the article derives it again, and the next start finds it cached', async () => {
    const live = await createLiveEngine(dir, { derivedCacheDir: cacheDir() });
    await appendFile(join(dir, 'article.md'), `\n\n${ZEBRA_PARAGRAPH}\n`);
    const report = okReport(await live.refresh());
    expect(report.added).toContain('passage:p5.s1');
    const file = JSON.parse(await readFile(join(cacheDir(), DERIVED_CACHE_FILE), 'utf8')) as { key: string };
    expect(file.key).toBe(derivedKey(live.current().knowledge.article));
    expect(live.current().knowledge.mentions).toStrictEqual((await createLiveEngine(dir)).current().knowledge.mentions);
  });

  it('a refresh that finds article.md broken keeps the old knowledge and the old cache', async () => {
    const live = await createLiveEngine(dir, { derivedCacheDir: cacheDir() });
    const before = await readFile(join(cacheDir(), DERIVED_CACHE_FILE), 'utf8');
    await writeFile(join(dir, 'article.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const report = await live.refresh();
    expect(report.ok).toBe(false);
    expect(live.current().ask('who heads roscosmos').found).toBe(true);
    expect(await readFile(join(cacheDir(), DERIVED_CACHE_FILE), 'utf8')).toBe(before);
  });
});
