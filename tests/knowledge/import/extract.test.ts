import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, extractArticle, extractText, type DomNode } from '../../../src/knowledge/import/extract.ts';
import { extractFromUrl } from '../../../src/knowledge/import/source.ts';
import { html, startPageServer, type PageServer } from '../../support/page-server.ts';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');
const NEWS = ['bbc-1', 'cnn', 'herald-sun-1', 'nytimes-1', 'telegraph'];

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** The paragraphs Readability's own test expects, as text; one-word scraps are not paragraphs. */
function expectedParagraphs(name: string): string[] {
  const { document } = parseHTML(readFileSync(join(PAGES, name, 'expected.html'), 'utf8'));
  return Array.from(document.querySelectorAll('p'))
    .map((p) => squash((p as { textContent: string | null }).textContent ?? ''))
    .filter((t) => t.length >= 20);
}

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
  for (const name of NEWS) server.route(`/${name}`, html(readFileSync(join(PAGES, name, 'source.html'))));
  server.route('/no-article', html('<html><head><title>Home</title></head><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav><p>Sign in to continue.</p></body></html>'));
});
afterAll(() => server.close());

describe('extracting real news pages served over HTTP', () => {
  it.each(NEWS)('%s: the expected title and at least nine in ten of the expected paragraphs', async (name) => {
    const metadata = JSON.parse(readFileSync(join(PAGES, name, 'expected-metadata.json'), 'utf8')) as { title: string };
    const result = await extractFromUrl(server.url(`/${name}`), { allowHosts: ['127.0.0.1'] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.title).toBe(metadata.title);
    expect(result.article.url).toBe(server.url(`/${name}`));
    const text = squash(result.article.paragraphs.join(' '));
    const expected = expectedParagraphs(name);
    const found = expected.filter((p) => text.includes(p));
    expect(found.length / expected.length).toBeGreaterThanOrEqual(0.9);
    // No markup, script or style survives into a paragraph.
    expect(result.article.paragraphs.join('\n')).not.toMatch(/<\/?[a-z]+[\s>]|function\s*\(|\{\s*[a-z-]+\s*:/i);
  });

  it('reads the byline, site name and publication time from the page', async () => {
    const result = await extractFromUrl(server.url('/bbc-1'), { allowHosts: ['127.0.0.1'] });
    expect(result.ok && result.article).toMatchObject({ author: 'BBC News', site: 'BBC News', published: '2015-07-24T05:36:09+01:00', language: 'en' });
  });

  it('says clearly when a page has no article', async () => {
    const result = await extractFromUrl(server.url('/no-article'), { allowHosts: ['127.0.0.1'] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^found no article in http:\/\/127\.0\.0\.1:\d+\/no-article: /);
  });
});

describe('blocks into paragraphs', () => {
  const body = (markup: string) => parseHTML(`<html><body><div id="root">${markup}</div></body></html>`).document.querySelector('#root') as unknown as DomNode;

  it('gives headings, list items and quoted paragraphs a paragraph each', () => {
    expect(blocksOf(body('<h2>Why now</h2><p>One <b>bold</b> line.</p><ul><li>First point.</li><li>Second point.</li></ul><blockquote><p>A quote.</p></blockquote>'))).toEqual([
      'Why now',
      'One bold line.',
      'First point.',
      'Second point.',
      'A quote.',
    ]);
  });

  it('drops scripts, styles, figure captions, share boxes and lists of related links', () => {
    const blocks = blocksOf(
      body(
        '<p>Kept.</p><script>var x = 1;</script><style>p { color: red }</style>' +
          '<figure><img src="a.jpg"><figcaption>A caption.</figcaption></figure>' +
          '<div class="share-tools"><p>Share on Facebook</p></div>' +
          '<ul><li><a href="/1">Related story one</a></li><li><a href="/2">Related story two</a></li></ul>' +
          '<p>Advertisement</p><p>Also kept.</p>',
      ),
    );
    expect(blocks).toEqual(['Kept.', 'Also kept.']);
  });

  it('reads a table row as one paragraph, its cells apart', () => {
    expect(blocksOf(body('<table><tr><th>Team</th><th>Points</th></tr><tr><td>Reds</td><td>12</td></tr></table>'))).toEqual(['Team; Points', 'Reds; 12']);
  });

  it('does not repeat the headline as the first paragraph', () => {
    const words = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} says something about the harbour.`).join(' ');
    const page = `<html><head><title>The harbour reopens</title></head><body><article><h1>The harbour reopens</h1><p>${words}</p><p>${words}</p></article></body></html>`;
    const result = extractArticle(page);
    expect(result.ok && result.article.title).toBe('The harbour reopens');
    expect(result.ok && result.article.paragraphs[0]).not.toBe('The harbour reopens');
  });
});

describe('plain text', () => {
  const paragraph = 'The council voted on Tuesday to reopen the harbour, after two years of repairs that cost more than planned.';
  const long = Array.from({ length: 6 }, () => paragraph).join('\n\n');

  it('takes paragraphs at blank lines and the title from a short first line', () => {
    const result = extractText(`Harbour reopens\n\n${long}\n`, 'ignored');
    expect(result.ok && result.article).toEqual({ title: 'Harbour reopens', paragraphs: Array.from({ length: 6 }, () => paragraph) });
  });

  it('takes the title from the file name when the first line is a sentence', () => {
    const result = extractText(long, 'harbour story');
    expect(result.ok && result.article.title).toBe('harbour story');
    expect(result.ok && result.article.paragraphs).toHaveLength(6);
  });

  it('joins the lines of a wrapped paragraph', () => {
    const result = extractText(`Title\n\n${paragraph.replace(/, /g, ',\n')}\n\n${long}`);
    expect(result.ok && result.article.paragraphs[0]).toBe(paragraph);
  });
});
