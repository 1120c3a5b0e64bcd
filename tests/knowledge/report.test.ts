import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/loader.ts';
import { capLines, missingCitationSummary, plural, problemReportLines, problemSummary, unusedConceptWarnings } from '../../src/knowledge/report.ts';
import type { KnowledgeBase, KnowledgeProblem } from '../../src/knowledge/types.ts';

const ARTICLE = '---\ntitle: Test article\n---\n\nAlpha Beta met Gamma in Delta in 2001. They talked about trade sanctions.\n\nMr. Epsilon joined them.\n';

function missing(file: string, entry: string, entriesInFile: number): KnowledgeProblem {
  return { file, entry, code: 'missing-cite', entriesInFile, message: 'cites p9.s1, which is not a sentence of the article (it has 2 paragraphs)' };
}

describe('plural', () => {
  it('says "1 paragraph" and "2 paragraphs", and takes an irregular plural', () => {
    expect(plural(1, 'paragraph')).toBe('1 paragraph');
    expect(plural(2, 'paragraph')).toBe('2 paragraphs');
    expect(plural(0, 'sentence')).toBe('0 sentences');
    expect(plural(1, 'Q&A entry', 'Q&A entries')).toBe('1 Q&A entry');
    expect(plural(3, 'Q&A entry', 'Q&A entries')).toBe('3 Q&A entries');
  });
});

describe('the summary line', () => {
  it('GIVEN every curated entry citing sentences the article lacks THEN it says so with counts and says to empty the curated files', () => {
    const problems = [
      ...Array.from({ length: 58 }, (_, i) => missing('qa.yaml', `q${i}`, 58)),
      // An entry citing two missing sentences counts once.
      missing('qa.yaml', 'q0', 58),
      ...Array.from({ length: 28 }, (_, i) => missing('facts.yaml', `f${i}`, 28)),
    ];
    expect(missingCitationSummary(problems)).toBe(
      '58 of 58 Q&A entries and 28 of 28 facts cite sentences the new article does not have; if you replaced the article, empty qa.yaml, facts.yaml and concepts.yaml',
    );
  });

  it('GIVEN a few entries citing missing sentences THEN it says to point them at the right sentence', () => {
    expect(missingCitationSummary([missing('qa.yaml', 'q1', 20)])).toBe(
      '1 of 20 Q&A entries cites a sentence the article does not have; point each at the sentence that says it now, or remove it',
    );
  });

  it('GIVEN other problems THEN it counts them by file, and counts warnings apart', () => {
    const problems: KnowledgeProblem[] = [
      { file: 'qa.yaml', entry: 'a', message: 'answer: must not be empty' },
      { file: 'qa.yaml', entry: 'b', message: 'answer: must not be empty' },
      { file: 'concepts.yaml', entry: 'x', severity: 'warning', message: 'unused' },
    ];
    expect(problemSummary(problems)).toBe('2 problems in qa.yaml (and 1 warning)');
    expect(problemSummary([problems[0]!])).toBe('1 problem in qa.yaml');
  });
});

describe('capped details', () => {
  it('keeps the first 10 lines, then "and N more"', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `line ${i}`);
    expect(capLines(lines)).toEqual([...lines.slice(0, 10), 'and 15 more']);
    expect(capLines(lines.slice(0, 10))).toEqual(lines.slice(0, 10));
  });

  it('puts errors before warnings, and the summary first or, for a terminal, last', () => {
    const problems: KnowledgeProblem[] = [
      { file: 'concepts.yaml', entry: 'x', severity: 'warning', message: 'unused' },
      { file: 'qa.yaml', entry: 'a', message: 'bad' },
    ];
    const format = (p: KnowledgeProblem) => `${p.file} [${p.entry}]: ${p.message}`;
    expect(problemReportLines(problems, format)).toEqual(['1 problem in qa.yaml (and 1 warning)', '  qa.yaml [a]: bad', '  warning: concepts.yaml [x]: unused']);
    expect(problemReportLines(problems, format, { summaryLast: true }).at(-1)).toBe('1 problem in qa.yaml (and 1 warning)');
  });
});

describe('unused concept groups', () => {
  function kb(concepts: string): KnowledgeBase {
    const result = buildKnowledge({ 'article.md': ARTICLE, 'concepts.yaml': concepts });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.knowledge;
  }

  it('GIVEN a synonym group none of whose words the article uses THEN it is a warning naming the group; a group with one used word is not', () => {
    const k = kb('synonyms:\n  - [space agency, roscosmos]\n  - [sanction, restriction]\n  - [talks, talked]\nopposites:\n  - [first, last]\n');
    const warnings = unusedConceptWarnings(k.concepts, k.article);
    expect(warnings.map((w) => [w.entry, w.severity])).toEqual([
      ['space agency', 'warning'],
      ['first', 'warning'],
    ]);
    expect(warnings[0]!.message).toMatch(/no word of the synonym group \(space agency, roscosmos\) is in the article/);
  });

  it('GIVEN a broken qa.yaml and an unused group THEN the load fails for the error, and the group is listed as a warning', () => {
    const result = buildKnowledge({ 'article.md': ARTICLE, 'qa.yaml': 'entries:\n  - id: x\n', 'concepts.yaml': 'synonyms:\n  - [space agency, roscosmos]\n' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((p) => p.severity === 'warning' && p.entry === 'space agency')).toBe(true);
    expect(result.problems.some((p) => p.severity === undefined)).toBe(true);
  });

  it('GIVEN only unused groups THEN the knowledge still loads', () => {
    expect(buildKnowledge({ 'article.md': ARTICLE, 'concepts.yaml': 'synonyms:\n  - [space agency, roscosmos]\n' }).ok).toBe(true);
  });
});
