import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildKnowledge, loadKnowledge, type KnowledgeSources } from '../../src/knowledge/loader.ts';
import { deriveOrNothing } from '../../src/knowledge/derive/integrate.ts';
import { formatProblem } from '../../src/app/live.ts';
import type { Article, KnowledgeBase, KnowledgeProblem, LoadResult } from '../../src/knowledge/types.ts';
import { KNOWLEDGE_DIR } from '../support/knowledge.ts';

/*
 * A tiny knowledge base in memory. Its sentences are:
 *   p1.s1 "Alpha Beta met Gamma in Delta in 2001."   p1.s2 "They talked about trade."
 *   p2.s1 "Mr. Epsilon joined them."
 */
const ARTICLE = '---\ntitle: Test article\n---\n\nAlpha Beta met Gamma in Delta in 2001. They talked about trade.\n\nMr. Epsilon joined them.\n';

type Entry = Record<string, unknown>;

const MEETING: Entry = {
  id: 'meeting',
  type: 'date',
  questions: ['When did Alpha Beta meet Gamma?'],
  answer: 'In 2001.',
  cite: ['p1.s1'],
  evidence: ['met Gamma in Delta in 2001'],
};
const TRADE: Entry = {
  id: 'trade',
  type: 'statement',
  questions: ['What did they talk about?'],
  answer: 'Trade.',
  cite: ['p1.s2'],
};
const EPSILON: Entry = {
  id: 'epsilon',
  kind: 'person',
  name: 'Epsilon',
  description: 'Mr. Epsilon joined them.',
  cite: ['p2.s1'],
  evidence: ['Mr. Epsilon joined them.'],
};

function sources(options: { qa?: Entry[]; facts?: Entry[]; article?: string; concepts?: string } = {}): KnowledgeSources {
  return {
    'article.md': options.article ?? ARTICLE,
    'qa.yaml': stringify({ entries: options.qa ?? [MEETING, TRADE] }),
    'facts.yaml': stringify({ entities: options.facts ?? [EPSILON] }),
    ...(options.concepts === undefined ? {} : { 'concepts.yaml': options.concepts }),
  };
}

function ok(result: LoadResult): KnowledgeBase {
  if (!result.ok) throw new Error(`expected knowledge, got problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result.knowledge;
}

/** The errors of a load that failed; warnings (unused concept groups) are tested on their own. */
function problemsOf(result: LoadResult): readonly KnowledgeProblem[] {
  if (result.ok) throw new Error('expected problems, got knowledge');
  return result.problems.filter((p) => p.severity !== 'warning');
}

/** Builds the sources and expects exactly one problem, returned for closer checks. */
function onlyProblem(s: KnowledgeSources): KnowledgeProblem {
  const problems = problemsOf(buildKnowledge(s));
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('loadKnowledge on the real knowledge directory', () => {
  it('loads without problems', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    const kb = ok(result);
    expect(kb.article.paragraphs).toHaveLength(4);
    expect(kb.article.sentences).toHaveLength(9);
    expect(kb.qa.length).toBeGreaterThan(0);
    expect(kb.facts.length).toBeGreaterThan(0);
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('reports a missing directory as problems (the article missing), not a throw', async () => {
    const result = await loadKnowledge(join(tmpdir(), 'citebot-no-such-dir', String(process.pid)));
    expect(problemsOf(result)).toEqual([{ file: 'article.md', message: 'is missing' }]);
  });
});

describe('buildKnowledge', () => {
  it('builds a valid knowledge base from in-memory sources', () => {
    const kb = ok(buildKnowledge(sources()));
    expect(kb.qa.map((e) => e.id)).toEqual(['meeting', 'trade']);
    // Curated facts first, then what the article names that they do not cover (Delta, after "in").
    expect(kb.facts.map((f) => f.id)).toEqual(['epsilon', 'delta']);
    expect([...kb.derivedFactIds]).toEqual(['delta']);
    expect(kb.article.sentences.map((s) => s.id)).toEqual(['p1.s1', 'p1.s2', 'p2.s1']);
    expect(kb.concepts).toEqual({ synonyms: [], speech: [], opposites: [] });
  });

  it('fills in defaults of fact entries', () => {
    const [epsilon] = ok(buildKnowledge(sources())).facts;
    expect(epsilon).toMatchObject({ aliases: [], roleAliases: [], speaks: false });
  });

  it('reports a YAML syntax error, naming the file and the line', () => {
    const p = onlyProblem({ ...sources(), 'qa.yaml': 'entries:\n  - id: meeting\n    questions: [a, b\n' });
    expect(p.file).toBe('qa.yaml');
    expect(p.message).toMatch(/is not valid YAML.*line \d+/);
  });

  it('shows the offending line itself, its number and what is wrong, not a message ending in "at line 3, column 13:"', () => {
    const p = onlyProblem({ ...sources(), 'qa.yaml': 'entries:\n  - id: meeting\n    answer: x: y\n' });
    expect(p.message).toBe('is not valid YAML at line 3, column 13: Nested mappings are not allowed in compact mappings: "answer: x: y"');
  });

  it('reports a key given twice in one entry as invalid YAML', () => {
    const p = onlyProblem({ ...sources(), 'qa.yaml': 'entries:\n  - id: meeting\n    id: other\n' });
    expect(p).toMatchObject({ file: 'qa.yaml', message: expect.stringMatching(/not valid YAML/) });
  });

  it('reports a missing article by name', () => {
    const { 'article.md': _article, ...rest } = sources();
    expect(onlyProblem(rest)).toEqual({ file: 'article.md', message: 'is missing' });
  });

  it('GIVEN only article.md, or empty qa.yaml and concepts.yaml THEN it loads with no curated questions or concepts', () => {
    const article = sources()['article.md']!;
    for (const variant of [
      { 'article.md': article },
      { 'article.md': article, 'qa.yaml': '', 'facts.yaml': '', 'concepts.yaml': '' },
      { 'article.md': article, 'qa.yaml': 'entries:\n', 'concepts.yaml': '# nothing yet\n' },
    ]) {
      const kb = ok(buildKnowledge(variant));
      expect(kb.qa).toEqual([]);
      expect(kb.concepts).toEqual({ synonyms: [], speech: [], opposites: [] });
      expect(kb.article.sentences.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN front matter with an author and a title holding a colon THEN it reads them as meant', () => {
    const body = sources()['article.md']!.replace(/^---[\s\S]*?---\n/, '');
    const kb = ok(buildKnowledge({ ...sources(), 'article.md': `---\ntitle: Budget: what changes\nauthor: Jane Roe\n---\n${body}` }));
    expect(kb.article.meta).toMatchObject({ title: 'Budget: what changes', author: 'Jane Roe' });
  });

  it('GIVEN front matter that is not YAML THEN the problem says how to quote a value', () => {
    const p = onlyProblem({ ...sources(), 'article.md': '---\ntitle: [oops: x\n---\n\nSome text.\n' });
    expect(p).toMatchObject({ file: 'article.md', entry: 'front matter' });
    expect(p.message).toMatch(/needs quotes, e\.g\. title: "Budget: what changes"/);
  });

  it('GIVEN a curated entry citing a passage the article no longer has THEN the problem names it and says what to do', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, cite: ['p9.s1'], evidence: [] }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting' });
    expect(p.message).toMatch(/cites p9\.s1, which is not a sentence of the article \(it has 2 paragraphs\); if article\.md changed/);
    expect(p).toMatchObject({ code: 'missing-cite', entriesInFile: 2 });
  });

  it('GIVEN an entry citing a sentence past the end of a paragraph that exists THEN the problem says how many sentences that paragraph has', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, cite: ['p1.s9'], evidence: [] }, TRADE] }));
    expect(p.message).toMatch(/^cites p1\.s9, which is not a sentence of the article \(paragraph 1 has 2 sentences\)/);
    const one = onlyProblem(sources({ qa: [{ ...MEETING, cite: ['p2.s3'], evidence: [] }, TRADE] }));
    expect(one.message).toMatch(/\(paragraph 2 has 1 sentence\)/);
  });

  it('loads without facts.yaml, or with an empty one: the facts are then those derived from the article', () => {
    const { 'facts.yaml': _facts, ...rest } = sources();
    for (const variant of [rest, { ...rest, 'facts.yaml': '' }, { ...rest, 'facts.yaml': '# nothing curated yet\n' }, { ...rest, 'facts.yaml': 'entities:\n' }]) {
      const kb = ok(buildKnowledge(variant));
      expect(kb.facts.length).toBeGreaterThan(0);
      expect(kb.facts.every((f) => kb.derivedFactIds.has(f.id))).toBe(true);
    }
  });

  it('does not require concepts.yaml', () => {
    const s = sources();
    expect('concepts.yaml' in s).toBe(false);
    expect(buildKnowledge(s).ok).toBe(true);
  });

  it('reports an unknown key in an entry, naming the file, the entry and the key', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, answr: 'typo' }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting' });
    expect(p.message).toMatch(/unrecognized key/i);
    expect(p.message).toContain('answr');
  });

  it('reports a value of the wrong type, naming the file, the entry and the field', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, featured: 'yes' }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting' });
    expect(p.message).toMatch(/^featured: .*boolean/);
  });

  it('reports an answer type that is not one of the known types', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, type: 'opinion' }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting', message: expect.stringMatching(/^type: /) });
  });

  it('reports an empty questions list', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, questions: [] }, TRADE] }));
    expect(p).toEqual({ file: 'qa.yaml', entry: 'meeting', line: 2, message: 'questions: needs at least one question' });
  });

  it('reports a blank question', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, questions: ['   '] }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting', message: expect.stringMatching(/^questions\.0: must not be empty/) });
  });

  it('reports an id of the wrong format, naming the entry by that id', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, id: 'Bad_Id' }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'Bad_Id' });
    expect(p.message).toMatch(/^id: must be 1-40 lowercase letters, digits or dashes/);
  });

  it('names an entry without an id by its position', () => {
    const { id: _id, ...noId } = TRADE;
    const p = onlyProblem(sources({ qa: [MEETING, noId] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: '#2', message: expect.stringMatching(/^id: /) });
  });

  it('reports an id used in both qa.yaml and facts.yaml, naming both files', () => {
    const p = onlyProblem(sources({ facts: [{ ...EPSILON, id: 'meeting' }] }));
    expect(p).toEqual({ file: 'facts.yaml', entry: 'meeting', message: 'id is already used in qa.yaml' });
  });

  it('reports an id used twice in qa.yaml', () => {
    const p = onlyProblem(sources({ qa: [MEETING, { ...TRADE, id: 'meeting' }] }));
    expect(p).toEqual({ file: 'qa.yaml', entry: 'meeting', message: 'id is already used in qa.yaml' });
  });

  it('reports a citation of a passage that does not exist', () => {
    const p = onlyProblem(sources({ qa: [MEETING, { ...TRADE, cite: ['p9.s1'] }] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'trade', message: expect.stringMatching(/^cites p9\.s1, which is not a sentence of the article/) });
  });

  it('reports a citation of a sentence number past the end of its paragraph', () => {
    const p = onlyProblem(sources({ facts: [{ ...EPSILON, cite: ['p2.s2'], evidence: [] }] }));
    expect(p).toMatchObject({ file: 'facts.yaml', entry: 'epsilon', message: expect.stringContaining('p2.s2') });
  });

  it('reports a citation of a whole paragraph instead of a sentence', () => {
    const p = onlyProblem(sources({ qa: [MEETING, { ...TRADE, cite: ['p1'] }] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'trade' });
    expect(p.message).toMatch(/^cite\.0: must be a sentence id such as "p2\.s1"/);
  });

  it('reports evidence that is not word for word in the cited sentence', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, evidence: ['met Gamma in Delta in 2002'] }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting' });
    expect(p.message).toBe('evidence "met Gamma in Delta in 2002" is not word for word in p1.s1');
  });

  it('reports evidence that is in the article but not in the sentence cited', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, evidence: ['They talked about trade.'] }, TRADE] }));
    expect(p).toMatchObject({ file: 'qa.yaml', entry: 'meeting', message: expect.stringContaining('not word for word in p1.s1') });
  });

  it('accepts evidence found in any one of several cited sentences', () => {
    expect(buildKnowledge(sources({ qa: [{ ...MEETING, cite: ['p1.s1', 'p1.s2'], evidence: ['talked about trade'] }, TRADE] })).ok).toBe(true);
  });

  it('reports the same question in two entries, ignoring case and punctuation', () => {
    const p = onlyProblem(sources({ qa: [MEETING, { ...TRADE, questions: ['when did alpha beta meet gamma'] }] }));
    expect(p).toEqual({
      file: 'qa.yaml',
      entry: 'trade',
      message: 'question "when did alpha beta meet gamma" is also a question of meeting',
    });
  });

  it('reports more than 3 citations', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, cite: ['p1.s1', 'p1.s2', 'p2.s1', 'p1.s1'] }, TRADE] }));
    expect(p).toEqual({ file: 'qa.yaml', entry: 'meeting', line: 2, message: 'cite: cites at most 3 passages' });
  });

  it('reports an entry with no citation', () => {
    const p = onlyProblem(sources({ qa: [{ ...MEETING, cite: [], evidence: [] }, TRADE] }));
    expect(p).toEqual({ file: 'qa.yaml', entry: 'meeting', line: 2, message: 'cite: needs at least one citation' });
  });

  it('reports a file without its top-level list, naming the file and the missing key', () => {
    const problems = problemsOf(buildKnowledge({ ...sources(), 'qa.yaml': stringify({ questions: [MEETING] }) }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'qa.yaml' && p.entry === undefined)).toBe(true);
    expect(problems.some((p) => /questions/.test(p.message))).toBe(true);
  });

  it('reports problems in concepts.yaml, naming the file', () => {
    const problems = problemsOf(buildKnowledge(sources({ concepts: 'synonyms:\n  - [lonely]\nspeach: [say]\n' })));
    expect(problems.map((p) => p.file)).toEqual(['concepts.yaml', 'concepts.yaml']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/synonyms\.0: a synonym group needs at least two terms/);
    expect(problems.map((p) => p.message).join('\n')).toContain('speach');
  });

  it('reports an answer that puts words in curly quotes which the article does not have', () => {
    const problem = onlyProblem(sources({ qa: [{ ...MEETING, answer: 'They “met in Delta in 2002”.' }, TRADE] }));
    expect(problem).toMatchObject({ file: 'qa.yaml', entry: 'meeting' });
    expect(problem.message).toBe('quotes “met in Delta in 2002”, which is not word for word in the article');
  });

  it('accepts a quote that starts with a capital where the article has a small letter', () => {
    const kb = ok(buildKnowledge(sources({ qa: [{ ...MEETING, answer: 'It says “They talked about trade.”' }, TRADE] })));
    expect(kb.qa[0]!.answer).toContain('They talked');
    ok(buildKnowledge(sources({ qa: [{ ...MEETING, answer: 'It says “met Gamma in Delta,” in 2001.' }, TRADE] })));
  });

  it('reports a synonym that belongs to two groups, naming both groups', () => {
    const problem = onlyProblem(sources({ concepts: 'synonyms:\n  - [trade, commerce]\n  - [talks, commerce]\n' }));
    expect(problem).toMatchObject({ file: 'concepts.yaml', entry: 'talks' });
    expect(problem.message).toBe('"commerce" is also in the group of "trade"');
  });

  it('GIVEN an entry of qa.yaml or facts.yaml that fails its schema THEN the problem has the line the entry starts on', () => {
    const qa = 'entries:\n  - id: trade\n    type: statement\n    questions: [What did they talk about?]\n    answer: Trade.\n    cite: [p1.s2]\n\n  - id: meeting\n    type: when\n    questions: [When did they meet?]\n    answer: In 2001.\n    cite: [p1.s1]\n';
    const qaProblems = problemsOf(buildKnowledge({ 'article.md': ARTICLE, 'qa.yaml': qa }));
    expect(qaProblems).toMatchObject([{ file: 'qa.yaml', entry: 'meeting', line: 8, message: expect.stringMatching(/^type: /) }]);
    const facts = 'entities:\n  - id: epsilon\n    kind: person\n    name: Epsilon\n    description: Mr. Epsilon joined them.\n    cite: [p2.s1]\n  - id: beta\n    kind: wizard\n    name: Alpha Beta\n    description: He met Gamma.\n    cite: [p1.s1]\n';
    const factProblems = problemsOf(buildKnowledge({ 'article.md': ARTICLE, 'facts.yaml': facts }));
    expect(factProblems[0]).toMatchObject({ file: 'facts.yaml', entry: 'beta', line: 7 });
    expect(formatProblem(factProblems[0]!)).toMatch(/^facts\.yaml:7 \[beta\]: kind: /);
  });

  it('reports every problem at once: two broken entries are both reported', () => {
    const problems = problemsOf(
      buildKnowledge(sources({ qa: [{ ...MEETING, questions: [] }, { ...TRADE, cite: ['p7.s7'] }] })),
    );
    expect(problems).toMatchObject([
      { file: 'qa.yaml', entry: 'meeting', message: 'questions: needs at least one question' },
      { file: 'qa.yaml', entry: 'trade', message: expect.stringMatching(/^cites p7\.s7, which is not a sentence of the article/) },
    ]);
  });

  it('reports problems in different files together', () => {
    const problems = problemsOf(
      buildKnowledge(sources({ qa: [{ ...MEETING, answr: 'x' }, TRADE], facts: [{ ...EPSILON, kind: 'alien' }] })),
    );
    expect(problems.map((p) => [p.file, p.entry])).toEqual([
      ['qa.yaml', 'meeting'],
      ['facts.yaml', 'epsilon'],
    ]);
  });

  it('reports nothing about a valid entry that stands next to a broken one', () => {
    const problems = problemsOf(buildKnowledge(sources({ qa: [MEETING, { ...TRADE, cite: ['p1'] }], facts: [EPSILON] })));
    expect(problems.every((p) => p.entry === 'trade')).toBe(true);
    expect(problems.some((p) => p.entry === 'meeting' || p.entry === 'epsilon')).toBe(false);
  });

  it('reports an article problem next to entry problems', () => {
    const problems = problemsOf(buildKnowledge(sources({ article: '---\ntitle: Only a title\n---\n', qa: [{ ...MEETING, type: 'x' }, TRADE] })));
    expect(problems).toContainEqual({ file: 'article.md', message: 'has no paragraphs' });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'qa.yaml', entry: 'meeting' }));
  });
});

describe('knowledge version', () => {
  it('is the same for the same sources, whenever they are loaded', () => {
    const a = ok(buildKnowledge(sources(), new Date('2024-01-01T00:00:00Z')));
    const b = ok(buildKnowledge(sources(), new Date('2025-06-01T12:00:00Z')));
    expect(a.version).toBe(b.version);
    expect(a.loadedAt).not.toEqual(b.loadedAt);
  });

  it('changes when any one file changes', () => {
    const base = ok(buildKnowledge(sources())).version;
    const changedQa = ok(buildKnowledge(sources({ qa: [MEETING, { ...TRADE, answer: 'Trade, mostly.' }] }))).version;
    const changedArticle = ok(buildKnowledge(sources({ article: `${ARTICLE}\nA third paragraph.\n` }))).version;
    const addedConcepts = ok(buildKnowledge(sources({ concepts: 'synonyms:\n  - [trade, commerce]\n' }))).version;
    expect(new Set([base, changedQa, changedArticle, addedConcepts]).size).toBe(4);
  });
});

describe('every problem of every entry at once', () => {
  it('reports a dangling citation and a misquoted evidence of an entry that also fails its schema', () => {
    const broken = { ...MEETING, type: 'when', cite: ['p1.s1', 'p9.s9'], evidence: ['met Gamma in Omega'] };
    const messages = problemsOf(buildKnowledge(sources({ qa: [broken, TRADE] }))).map((p) => `${p.entry}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^meeting: type: /),
      expect.stringMatching(/^meeting: cites p9\.s9, which is not a sentence of the article/),
      'meeting: evidence "met Gamma in Omega" is not word for word in p1.s1, p9.s9',
    ]);
  });

  it('checks the curly-quoted text of a fact that fails its schema', () => {
    const broken = { ...EPSILON, kind: 'alien', description: 'He said “we came in peace”.' };
    const messages = problemsOf(buildKnowledge(sources({ facts: [broken] }))).map((p) => `${p.entry}: ${p.message}`);
    expect(messages).toEqual([expect.stringMatching(/^epsilon: kind: /), 'epsilon: quotes “we came in peace”, which is not word for word in the article']);
  });
});

describe('loadKnowledge with a deriver of its own', () => {
  it('asks it only once every file passed its checks, and gives the knowledge the default deriver gives', async () => {
    const asked: number[] = [];
    const derive = async (a: Article) => {
      asked.push(a.sentences.length);
      return deriveOrNothing(a);
    };
    const at = new Date(0);
    const own = await loadKnowledge(KNOWLEDGE_DIR, at, { derive });
    expect(asked).toHaveLength(1);
    expect(own).toStrictEqual(await loadKnowledge(KNOWLEDGE_DIR, at));

    const broken = await mkdtemp(join(tmpdir(), 'citebot-loader-'));
    try {
      await writeFile(join(broken, 'article.md'), ARTICLE);
      await writeFile(join(broken, 'qa.yaml'), 'entries: [\n');
      expect((await loadKnowledge(broken, at, { derive })).ok).toBe(false);
      expect(asked).toHaveLength(1);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
