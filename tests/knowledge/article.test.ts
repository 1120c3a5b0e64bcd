import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleResult } from '../../src/knowledge/article.ts';
import type { Article, KnowledgeProblem } from '../../src/knowledge/types.ts';

function article(result: ArticleResult): Article {
  if (!result.ok) throw new Error(`expected an article, got problems: ${JSON.stringify(result.problems)}`);
  return result.article;
}

function problems(result: ArticleResult): readonly KnowledgeProblem[] {
  if (result.ok) throw new Error('expected problems, got an article');
  return result.problems;
}

const BODY = 'First paragraph. It has two sentences.\n\nSecond paragraph.\n';

describe('parseArticle', () => {
  it('parses the front matter into the article meta', () => {
    const a = article(
      parseArticle(`---\ntitle: A title\nsource: A source\nlanguage: en\nurl: https://example.com/a\n---\n\n${BODY}`),
    );
    expect(a.meta).toEqual({ title: 'A title', source: 'A source', language: 'en', url: 'https://example.com/a' });
    expect(a.paragraphs.map((p) => p.text)).toEqual(['First paragraph. It has two sentences.', 'Second paragraph.']);
  });

  it('accepts an article with no front matter, with empty meta', () => {
    const a = article(parseArticle(BODY));
    expect(a.meta).toEqual({});
    expect(a.paragraphs).toHaveLength(2);
  });

  it('reports an unknown front matter key as a problem naming the file and the key', () => {
    const found = problems(parseArticle(`---\ntitel: Typo\n---\n\n${BODY}`, 'my-article.md'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'my-article.md', entry: 'front matter' });
    expect(found[0]!.message).toContain('titel');
  });

  it('reports front matter that is not valid YAML, naming the file', () => {
    const found = problems(parseArticle(`---\ntitle: [unclosed\n---\n\n${BODY}`, 'my-article.md'));
    expect(found).toEqual([expect.objectContaining({ file: 'my-article.md', entry: 'front matter', message: expect.stringMatching(/not valid YAML/) })]);
  });

  it('reports a front matter value of the wrong form, naming the field', () => {
    const found = problems(parseArticle(`---\nurl: not a url\n---\n\n${BODY}`, 'my-article.md'));
    expect(found).toEqual([expect.objectContaining({ file: 'my-article.md', message: expect.stringMatching(/^url: /) })]);
  });

  it('splits paragraphs at blank lines and joins the lines of one paragraph with a space', () => {
    const a = article(parseArticle('Line one\nline two.\n   \nAnother paragraph.\r\n\r\nThird.'));
    expect(a.paragraphs.map((p) => p.text)).toEqual(['Line one line two.', 'Another paragraph.', 'Third.']);
  });

  it('numbers paragraphs p1.. and sentences pN.sM, and finds both by id', () => {
    const a = article(parseArticle(BODY));
    expect(a.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(a.sentences.map((s) => [s.id, s.paragraph, s.sentence, s.text])).toEqual([
      ['p1.s1', 1, 1, 'First paragraph.'],
      ['p1.s2', 1, 2, 'It has two sentences.'],
      ['p2.s1', 2, 1, 'Second paragraph.'],
    ]);
    expect(a.passages.get('p1')?.text).toBe('First paragraph. It has two sentences.');
    expect(a.passages.get('p1.s2')?.text).toBe('It has two sentences.');
    expect(a.passages.get('p3')).toBeUndefined();
  });

  it('ignores a byte order mark before the front matter', () => {
    const a = article(parseArticle(`\uFEFF---\ntitle: T\n---\n${BODY}`));
    expect(a.meta.title).toBe('T');
    expect(a.paragraphs[0]!.text).toBe('First paragraph. It has two sentences.');
  });

  it('reports an empty article as a problem naming the file', () => {
    expect(problems(parseArticle('', 'empty.md'))).toEqual([{ file: 'empty.md', message: 'has no paragraphs' }]);
    expect(problems(parseArticle('  \n\n \n', 'blank.md'))).toEqual([{ file: 'blank.md', message: 'has no paragraphs' }]);
  });

  it('reports an article with front matter but no body as a problem', () => {
    expect(problems(parseArticle('---\ntitle: Only a title\n---\n', 'a.md'))).toEqual([{ file: 'a.md', message: 'has no paragraphs' }]);
  });
});
