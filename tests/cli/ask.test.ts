import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyKnowledge } from '../support/knowledge.ts';
import { tsx, type Run } from '../support/run.ts';

/** The CLI as a user runs it, without a KNOWLEDGE_DIR from the environment. */
function cli(args: readonly string[], input = ''): Promise<Run> {
  const env = { ...process.env };
  delete env.KNOWLEDGE_DIR;
  return tsx(args, { input, env });
}

const TIMEOUT = 60_000;

describe('ask --jsonl', () => {
  it(
    'answers every stdin line with exactly one JSON line, in order, and prints nothing else',
    async () => {
      const questions = ['who heads roscosmos', '', '\u200B\u200B\u200B', 'is shoigu in the delegation', 'when did putin last go to north korea'];
      const run = await cli(['src/cli/ask.ts', '--jsonl'], `${questions.join('\n')}\n`);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      const lines = run.stdout.slice(0, -1).split('\n');
      expect(lines).toHaveLength(5);
      const replies = lines.map((line) => JSON.parse(line) as Record<string, unknown>);

      for (const [i, reply] of replies.entries()) {
        expect(Object.keys(reply).sort(), `line ${i + 1}`).toEqual(
          expect.arrayContaining(['answer', 'citations', 'confidence', 'found', 'question', 'suggestions']),
        );
        expect(Object.keys(reply).every((k) => ['question', 'found', 'answer', 'confidence', 'citations', 'suggestions', 'notice'].includes(k))).toBe(true);
        expect(typeof reply.question).toBe('string');
        expect(typeof reply.found).toBe('boolean');
        expect(typeof reply.answer).toBe('string');
        expect((reply.answer as string).length).toBeGreaterThan(0);
        expect(reply.confidence).toBeGreaterThanOrEqual(0);
        expect(reply.confidence).toBeLessThanOrEqual(1);
        expect(Array.isArray(reply.citations)).toBe(true);
        for (const c of reply.citations as unknown[]) {
          expect(Object.keys(c as object).sort()).toEqual(['paragraph', 'quote', 'sentence']);
          expect(c).toEqual({ quote: expect.any(String), paragraph: expect.any(Number), sentence: expect.any(Number) });
        }
        expect(Array.isArray(reply.suggestions)).toBe(true);
        for (const s of reply.suggestions as unknown[]) expect(typeof s).toBe('string');
      }

      // In order: each reply belongs to its line.
      expect(replies[0]).toMatchObject({ question: 'who heads roscosmos', found: true });
      expect(replies[0]!.answer).toContain('Borisov');
      expect(replies[0]!.citations).toContainEqual(expect.objectContaining({ paragraph: 4, sentence: 2 }));
      expect(replies[1]).toMatchObject({ found: false, citations: [] });
      expect((replies[1]!.suggestions as string[]).length).toBeGreaterThan(0);
      expect(replies[2]).toMatchObject({ found: false, citations: [] });
      expect(replies[3]).toMatchObject({ question: 'is shoigu in the delegation', found: false, citations: [] });
      expect(replies[4]).toMatchObject({ question: 'when did putin last go to north korea', found: true });
      expect(replies[4]!.citations).toContainEqual(expect.objectContaining({ quote: 'Putin had last visited North Korea in 2000.', paragraph: 1, sentence: 5 }));
    },
    TIMEOUT,
  );

  it(
    'answers a last line that has no newline at the end',
    async () => {
      const run = await cli(['src/cli/ask.ts', '--jsonl'], 'who heads roscosmos\nwho is lavrov');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim().split('\n')).toHaveLength(2);
    },
    TIMEOUT,
  );

  it(
    'reads only \\n (or \\r\\n) as the end of a line: a stray carriage return inside a line does not add a reply',
    async () => {
      const run = await cli(['src/cli/ask.ts', '--jsonl'], 'who\rheads roscosmos\r\nwho is lavrov\n');
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect((JSON.parse(lines[1]!) as { question: string }).question).toBe('who is lavrov');
    },
    TIMEOUT,
  );
});

describe('ask "question"', () => {
  it(
    'prints the answer and the quote with where it stands in the article',
    async () => {
      const run = await cli(['src/cli/ask.ts', 'who runs roscosmos']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Borisov');
      expect(run.stdout).toContain('“The Kremlin reported that it includes Foreign Minister Sergey Lavrov');
      expect(run.stdout).toContain('(paragraph 4, sentence 2)');
      expect(run.stdout).not.toContain('\u001b['); // not a terminal: no colour codes
    },
    TIMEOUT,
  );

  it(
    'exits 2 with usage when there is no question',
    async () => {
      const run = await cli(['src/cli/ask.ts']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage');
      expect(run.stdout).toBe('');
    },
    TIMEOUT,
  );
});

describe('check-knowledge', () => {
  it(
    'exits 0 on the real knowledge directory, with a one-line summary',
    async () => {
      const run = await cli(['src/cli/check-knowledge.ts', 'knowledge']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^knowledge: ok, version [0-9a-f]{12}: 4 paragraphs, 9 sentences, /);
    },
    TIMEOUT,
  );

  it(
    'exits 1 on a broken copy, naming the file, the entry and what is wrong',
    async () => {
      const { dir, remove } = await copyKnowledge();
      try {
        const qaPath = join(dir, 'qa.yaml');
        const qa = await readFile(qaPath, 'utf8');
        expect(qa).toContain('- id: which-newspaper\n');
        await writeFile(qaPath, qa.replace('- id: which-newspaper\n', '- id: which-newspaper\n    colour: red\n'));
        const run = await cli(['src/cli/check-knowledge.ts', dir]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`knowledge:check: ${dir} does not load:\n`);
        expect(run.stderr).toMatch(/qa\.yaml:\d+ \[which-newspaper\]: .*colour/);
        expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('1 problem in qa.yaml');
        expect(run.stdout).toBe('');
      } finally {
        await remove();
      }
    },
    TIMEOUT,
  );

  it(
    'GIVEN a new article with the old curated files THEN it lists the first 10 problems and ends with one line saying what to do',
    async () => {
      const { dir, remove } = await copyKnowledge();
      try {
        await writeFile(join(dir, 'article.md'), '---\ntitle: Council\n---\n\nThe city council met on Monday. It approved the budget.\n\nThe mayor said it was a good day.\n');
        const run = await cli(['src/cli/check-knowledge.ts', dir]);
        expect(run.code).toBe(1);
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines[0]).toBe(`knowledge:check: ${dir} does not load:`);
        expect(lines).toHaveLength(13);
        expect(lines[11]).toMatch(/^ {2}and \d+ more$/);
        expect(lines[12]).toMatch(
          /^\d+ of \d+ Q&A entries and \d+ of \d+ facts cite sentences the new article does not have; if you replaced the article, empty qa\.yaml, facts\.yaml and concepts\.yaml \(and \d+ warnings\)$/,
        );
      } finally {
        await remove();
      }
    },
    TIMEOUT,
  );
});
