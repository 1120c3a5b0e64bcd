import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MAX_QUESTION_CHARS } from '../../src/engine/normalise.ts';
import { KNOWLEDGE_LIMITS, QUESTION_MAX_CHARS } from '../../src/knowledge/limits.ts';
import { buildKnowledge, loadKnowledge, type KnowledgeSources } from '../../src/knowledge/loader.ts';
import type { KnowledgeProblem, LoadResult } from '../../src/knowledge/types.ts';
import { realSources } from '../support/knowledge.ts';

/** Knowledge past a limit is refused with a problem that names the file and the limit. */

const ARTICLE = '---\ntitle: Test article\n---\n\nAlpha Beta met Gamma in Delta in 2001. They talked about trade.\n\nMr. Epsilon joined them.\n';
const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'statement',
  questions: [`What about ${id}?`],
  answer: 'Trade.',
  cite: ['p1.s2'],
  ...extra,
});
const FACT = { id: 'epsilon', kind: 'person', name: 'Epsilon', description: 'Mr. Epsilon joined them.', cite: ['p2.s1'] };

function sources(o: { qa?: unknown[]; facts?: unknown[]; article?: string; concepts?: string } = {}): KnowledgeSources {
  return {
    'article.md': o.article ?? ARTICLE,
    'qa.yaml': stringify({ entries: o.qa ?? [entry('trade')] }),
    'facts.yaml': stringify({ entities: o.facts ?? [FACT] }),
    ...(o.concepts === undefined ? {} : { 'concepts.yaml': o.concepts }),
  };
}

function problemsOf(result: LoadResult): readonly KnowledgeProblem[] {
  if (result.ok) throw new Error('expected problems, got knowledge');
  return result.problems;
}

describe('the longest question', () => {
  it('is the length the engine cuts a question to, so /ask, the log and phrasings agree with it', () => {
    expect(QUESTION_MAX_CHARS).toBe(MAX_QUESTION_CHARS);
    expect(KNOWLEDGE_LIMITS.questionChars).toBe(QUESTION_MAX_CHARS);
  });
});

describe('knowledge limits', () => {
  it('the shipped knowledge is well within every limit', async () => {
    const real = await realSources();
    const result = buildKnowledge(real);
    expect(result.ok).toBe(true);
    for (const text of Object.values(real)) expect(Buffer.byteLength(text)).toBeLessThan(KNOWLEDGE_LIMITS.fileBytes / 4);
  });

  it('refuses a file over the size limit before parsing it, naming the file and the limit', () => {
    const big = `${ARTICLE}\n${'Filler words about nothing at all. '.repeat(40_000)}\n`;
    const problems = problemsOf(buildKnowledge(sources({ article: big })));
    expect(problems).toEqual([{ file: 'article.md', message: expect.stringMatching(/is 1\.3 MiB; the limit is 1\.0 MiB \(1048576 bytes\)/) }]);
  });

  it('refuses an article over the character limit', () => {
    const long = `${ARTICLE}\n${'Filler. '.repeat(KNOWLEDGE_LIMITS.articleChars / 8 + 10)}\n`;
    const problems = problemsOf(buildKnowledge(sources({ article: long })));
    expect(problems).toEqual([{ file: 'article.md', message: expect.stringMatching(/characters; the limit is 200000$/) }]);
  });

  it('refuses more Q&A entries than the limit, without checking them one by one', () => {
    const many = Array.from({ length: KNOWLEDGE_LIMITS.qaEntries + 1 }, (_, i) => ({ id: `e${i}` }));
    const problems = problemsOf(buildKnowledge(sources({ qa: many })));
    expect(problems).toEqual([{ file: 'qa.yaml', message: `has ${KNOWLEDGE_LIMITS.qaEntries + 1} entries; the limit is ${KNOWLEDGE_LIMITS.qaEntries}` }]);
  });

  it('refuses more facts than the limit', () => {
    const many = Array.from({ length: KNOWLEDGE_LIMITS.factEntries + 1 }, (_, i) => ({ ...FACT, id: `f${i}`, cite: [...FACT.cite] }));
    const problems = problemsOf(buildKnowledge(sources({ facts: many })));
    expect(problems).toEqual([{ file: 'facts.yaml', message: expect.stringMatching(/entities; the limit is 2000$/) }]);
  });

  it('refuses too many phrasings in one entry, and a phrasing longer than /ask accepts', () => {
    const questions = Array.from({ length: KNOWLEDGE_LIMITS.questionsPerEntry + 1 }, (_, i) => `What about trade number ${i}?`);
    const long = `What about ${'very '.repeat(110)}long trade?`;
    const problems = problemsOf(buildKnowledge(sources({ qa: [entry('many', { questions }), entry('long', { questions: ['Short?', long] })] })));
    expect(problems).toEqual([
      { file: 'qa.yaml', entry: 'many', message: `has ${questions.length} questions; the limit is ${KNOWLEDGE_LIMITS.questionsPerEntry} per entry` },
      { file: 'qa.yaml', entry: 'long', message: `questions.1 has ${long.length} characters; /ask takes at most 500` },
    ]);
  });

  it('refuses too many aliases of one fact', () => {
    const aliases = Array.from({ length: KNOWLEDGE_LIMITS.aliasesPerEntry + 1 }, (_, i) => `Eps ${i}`);
    const problems = problemsOf(buildKnowledge(sources({ facts: [{ ...FACT, aliases }] })));
    expect(problems).toEqual([
      { file: 'facts.yaml', entry: 'epsilon', message: `has ${aliases.length} aliases; the limit is ${KNOWLEDGE_LIMITS.aliasesPerEntry} per entry` },
    ]);
  });

  it('refuses too many synonym groups', () => {
    const synonyms = Array.from({ length: KNOWLEDGE_LIMITS.synonymGroups + 1 }, (_, i) => [`a${i}`, `b${i}`]);
    const problems = problemsOf(buildKnowledge(sources({ concepts: stringify({ synonyms }) })));
    expect(problems).toEqual([{ file: 'concepts.yaml', message: expect.stringMatching(/synonym groups; the limit is 2000$/) }]);
  });
});

describe('reading knowledge files from disk', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  async function write(files: Record<string, string | Buffer>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'citebot-limits-'));
    const all = { ...sources(), ...files };
    for (const [name, content] of Object.entries(all)) if (content !== undefined) await writeFile(join(dir, name), content);
    return dir;
  }

  it('refuses a file over the size limit from its byte count', async () => {
    const at = await write({ 'qa.yaml': Buffer.alloc(KNOWLEDGE_LIMITS.fileBytes + 1, 0x20) });
    expect(problemsOf(await loadKnowledge(at))).toEqual([{ file: 'qa.yaml', message: expect.stringMatching(/the limit is 1\.0 MiB/) }]);
  });

  it('refuses bytes that are not UTF-8 with the file, line and byte offset', async () => {
    // "Café" saved as Latin-1 on the second line of the article.
    const latin1 = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n\nText.\n')]);
    const at = await write({ 'article.md': latin1 });
    expect(problemsOf(await loadKnowledge(at))).toEqual([
      { file: 'article.md', message: 'is not UTF-8: line 2, byte 11 of that line (byte 14 of the file) is 0xE9; save the file as UTF-8' },
    ]);
  });
});

describe('the phrasings limit', () => {
  it('counts Q&A phrasings and fact aliases together', () => {
    const perEntry = 80;
    const count = Math.ceil(KNOWLEDGE_LIMITS.phrasings / perEntry) + 1;
    const qa = Array.from({ length: count }, (_, i) =>
      entry(`e${i}`, { questions: Array.from({ length: perEntry }, (_, k) => `What about trade ${i} ${k}?`) }),
    );
    const problems = problemsOf(buildKnowledge(sources({ qa })));
    expect(problems).toEqual([
      { file: 'qa.yaml and facts.yaml', message: `${count * perEntry + 1} phrasings and aliases in all; the limit is ${KNOWLEDGE_LIMITS.phrasings}` },
    ]);
  });
});
