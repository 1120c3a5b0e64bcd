import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveEngine } from '../../src/app/live.ts';
import { silentLogger } from '../../src/log.ts';
import { coverageOf } from '../../src/preview/coverage.ts';
import { markdownToHtml, replyToHtml } from '../../src/preview/discord-html.ts';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.ts';
import { renderAnswer } from '../../src/render/discord.ts';
import { found } from '../support/fake-engine.ts';
import { KNOWLEDGE_DIR, realKnowledge } from '../support/knowledge.ts';

function call(url: string, options: { method?: string; host?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: options.method ?? 'GET', headers: { host: options.host ?? u.host, 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('coverageOf', () => {
  it('lists, for each sentence, the Q&A entries and facts that cite it, and takes derived facts as extra sources', async () => {
    const kb = await realKnowledge();
    const coverage = coverageOf(kb, [{ kind: 'derived', id: 'd1', label: 'Sergey Lavrov, Foreign Minister', cite: ['p4.s2'] }]);
    expect(coverage.map((p) => p.paragraph)).toEqual(kb.article.paragraphs.map((p) => p.paragraph));
    const delegation = coverage.flatMap((p) => p.sentences).find((s) => s.passage.id === 'p4.s2')!;
    expect(new Set(delegation.sources.map((s) => s.kind))).toEqual(new Set(['qa', 'fact', 'derived']));
    expect(coverage.flatMap((p) => p.sentences)).toHaveLength(kb.article.sentences.length);
  });

  it('marks the facts the loader derived from the article as derived, not curated', async () => {
    const kb = await realKnowledge();
    const fact = kb.facts.find((f) => f.cite.includes('p4.s2'))!;
    const coverage = coverageOf({ ...kb, derivedFactIds: new Set([fact.id]) });
    const sources = coverage.flatMap((p) => p.sentences).find((s) => s.passage.id === 'p4.s2')!.sources;
    expect(sources.find((s) => s.id === fact.id)?.kind).toBe('derived');
    expect(sources.filter((s) => s.kind === 'fact').map((s) => s.id)).not.toContain(fact.id);
  });
});

describe('replyToHtml', () => {
  it('escapes everything, then renders only the markdown the bot uses', () => {
    expect(markdownToHtml('**bold** \\*not\\* <script>x</script>')).toBe('<strong>bold</strong> *not* &lt;script&gt;x&lt;/script&gt;');
    expect(markdownToHtml('> quoted\n-# small')).toBe('<blockquote>quoted</blockquote><small>small</small>');
    expect(markdownToHtml('```yaml\na: "b"\n```')).toBe('<pre><code>a: &quot;b&quot;</code></pre>');
  });

  it('shows an answer as an embed with its quote and buttons', () => {
    const html = replyToHtml(renderAnswer(found('who <b>runs</b> roscosmos'), { title: 'T' }));
    expect(html).toContain('<div class="embed-title">who &lt;b&gt;runs&lt;/b&gt; roscosmos</div>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('data-custom-id="vote:up:roscosmos-head"');
  });
});

describe('the preview server', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    server = await startPreviewServer({ live: await createLiveEngine(KNOWLEDGE_DIR), log: silentLogger });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page, and says plainly when there is no question log', async () => {
    const page = await call(server.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('No question log: set DATA_DIR');
  });

  it('answers a question as the bot would, and refuses bad input with a message', async () => {
    const ok = await call(`${server.url}api/ask`, { method: 'POST', body: JSON.stringify({ question: 'who runs rzd' }) });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ found: true, html: expect.stringContaining('Belozyorov') });
    expect((await call(`${server.url}api/ask`, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect(JSON.parse((await call(`${server.url}api/ask`, { method: 'POST', body: '{"question":"  "}' })).body)).toEqual({ error: 'Type a question first.' });
    expect((await call(`${server.url}api/ask`, { method: 'POST', body: JSON.stringify({ question: 'x'.repeat(10_000) }) })).status).toBe(400);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const refused = await call(server.url, { host: 'evil.example' });
    expect(refused.status).toBe(421);
  });
});
