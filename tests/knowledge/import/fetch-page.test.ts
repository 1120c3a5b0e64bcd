import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, IMPORT_LIMITS, type Resolve } from '../../../src/knowledge/import/fetch-page.ts';
import { html, redirect, startPageServer, type PageServer } from '../../support/page-server.ts';

const ALLOW = { allowHosts: ['127.0.0.1'] };
const PAGE = '<html><head><title>Hello</title></head><body><p>Hello there.</p></body></html>';

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
  server.route('/page', html(PAGE));
});
afterAll(() => server.close());

const fixedResolve = (table: Record<string, string[]>): Resolve => async (host) => {
  const addresses = table[host];
  if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('fetchPage: limits', () => {
  it('keeps its limits in one frozen object', () => {
    expect(Object.isFrozen(IMPORT_LIMITS)).toBe(true);
    expect(IMPORT_LIMITS).toEqual({ maxBytes: 5 * 1024 * 1024, totalMs: 10_000, maxRedirects: 5 });
  });
});

describe('fetchPage: what it fetches', () => {
  it('fetches an HTML page from an allowed host', async () => {
    const result = await fetchPage(server.url('/page'), ALLOW);
    expect(result).toEqual({ ok: true, page: { url: server.url('/page'), kind: 'html', text: PAGE, charset: 'utf-8' } });
  });

  it('follows up to 5 redirects and reports where the page was in the end', async () => {
    for (let i = 1; i <= 5; i++) server.route(`/hop${i}`, redirect(i === 5 ? '/page' : `/hop${i + 1}`, i % 2 === 0 ? 301 : 307));
    const result = await fetchPage(server.url('/hop1'), ALLOW);
    expect(result.ok && result.page.url).toBe(server.url('/page'));
  });

  it('decodes a windows-1252 page that says so only in its <meta>', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>', 'latin1'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]),
      Buffer.from('</p></body></html>', 'latin1'),
    ]);
    server.route('/cp1252', html(bytes, 'text/html'));
    const result = await fetchPage(server.url('/cp1252'), ALLOW);
    expect(result.ok && result.page.text).toContain('café “ok” – €5');
  });

  it('decodes plain text in the charset its Content-Type names', async () => {
    server.route('/text', html(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=windows-1252'));
    const result = await fetchPage(server.url('/text'), ALLOW);
    expect(result.ok && result.page).toMatchObject({ kind: 'text', text: 'café' });
  });
});

describe('fetchPage: refusals, one line each', () => {
  it.each(['file:///etc/passwd', 'ftp://example.com/a.html', 'javascript:alert(1)', 'data:text/html,<p>hi</p>', 'gopher://example.com/'])(
    'refuses the non-http scheme of %s',
    async (address) => {
      const result = await fetchPage(address, ALLOW);
      expect(result).toEqual({ ok: false, reason: `refused: ${new URL(address).href} is not an http or https address` });
    },
  );

  it('refuses what is not an address at all', async () => {
    expect(await fetchPage('not a url')).toEqual({ ok: false, reason: 'refused: not a url is not a web address' });
  });

  it('refuses loopback unless the host is allowed', async () => {
    expect(await fetchPage(server.url('/page'))).toEqual({ ok: false, reason: `refused: ${server.url('/page')} is a loopback address` });
  });

  it('refuses a redirect to a private address', async () => {
    server.route('/to-private', redirect('http://10.0.0.5/'));
    expect(await fetchPage(server.url('/to-private'), ALLOW)).toEqual({ ok: false, reason: 'refused: http://10.0.0.5/ is a private address' });
  });

  it('refuses a redirect to a host name that resolves to a private address, naming the address', async () => {
    server.route('/to-intranet', redirect('http://intranet.test/admin'));
    const resolve = fixedResolve({ 'intranet.test': ['93.184.215.14', '192.168.1.1'] });
    expect(await fetchPage(server.url('/to-intranet'), { ...ALLOW, resolve })).toEqual({
      ok: false,
      reason: 'refused: http://intranet.test/admin resolves to 192.168.1.1, a private address',
    });
  });

  it('refuses the cloud metadata address, IPv4-mapped IPv6 loopback and IPv6 link-local', async () => {
    server.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
    server.route('/to-mapped', redirect('http://[::ffff:127.0.0.1]/'));
    server.route('/to-v6', redirect('http://[fe80::1]/'));
    expect(await fetchPage(server.url('/to-metadata'), ALLOW)).toEqual({
      ok: false,
      reason: 'refused: http://169.254.169.254/latest/meta-data/ is a link-local address',
    });
    expect(await fetchPage(server.url('/to-mapped'), ALLOW)).toEqual({ ok: false, reason: 'refused: http://[::ffff:7f00:1]/ is a loopback address' });
    expect(await fetchPage(server.url('/to-v6'), ALLOW)).toEqual({ ok: false, reason: 'refused: http://[fe80::1]/ is a link-local address' });
  });

  it('checks the address the connection itself resolves, so a host that changes its answer after the check is refused', async () => {
    let calls = 0;
    const rebinding: Resolve = async () => [{ address: calls++ === 0 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    const port = new URL(server.origin).port;
    const result = await fetchPage(`http://rebind.test:${port}/page`, { resolve: rebinding });
    expect(result).toEqual({ ok: false, reason: `refused: http://rebind.test:${port}/page resolves to 127.0.0.1, a loopback address` });
    expect(calls).toBe(2);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    server.route('/to-file', redirect('file:///etc/passwd'));
    expect(await fetchPage(server.url('/to-file'), ALLOW)).toEqual({ ok: false, reason: 'refused: file:///etc/passwd is not an http or https address' });
  });

  it('refuses more than 5 redirects', async () => {
    for (let i = 1; i <= 6; i++) server.route(`/loop${i}`, redirect(`/loop${i + 1}`));
    server.route('/loop7', html(PAGE));
    expect(await fetchPage(server.url('/loop1'), ALLOW)).toEqual({ ok: false, reason: `refused: ${server.url('/loop6')} redirects more than 5 times` });
  });

  it('refuses a PDF without reading it', async () => {
    server.route('/paper.pdf', html(Buffer.from('%PDF-1.7 ...'), 'application/pdf'));
    expect(await fetchPage(server.url('/paper.pdf'), ALLOW)).toEqual({
      ok: false,
      reason: `refused: ${server.url('/paper.pdf')} is application/pdf, not an HTML page or plain text`,
    });
  });

  it('refuses a page that is not there', async () => {
    expect(await fetchPage(server.url('/missing'), ALLOW)).toEqual({ ok: false, reason: `refused: ${server.url('/missing')} answered 404 Not Found` });
  });

  it('refuses a body past 5 MB as it streams, without reading it all', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const total = 50 * 1024 * 1024;
    let written = 0;
    server.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const pump = () => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (written = Math.min(written, total)));
      pump();
    });
    const result = await fetchPage(server.url('/huge'), ALLOW);
    expect(result).toEqual({ ok: false, reason: `refused: ${server.url('/huge')} is larger than 5 MB` });
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a body whose declared length is past the limit before reading any of it', async () => {
    server.route('/declared', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<p>');
    });
    expect(await fetchPage(server.url('/declared'), ALLOW)).toEqual({ ok: false, reason: `refused: ${server.url('/declared')} is larger than 5 MB` });
  });

  it('refuses a slow drip past the total deadline', async () => {
    const timers: NodeJS.Timeout[] = [];
    server.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      timers.push(setInterval(() => res.write('.'), 50));
    });
    const started = performance.now();
    const result = await fetchPage(server.url('/drip'), { ...ALLOW, limits: { totalMs: 300 } });
    timers.forEach(clearInterval);
    expect(result).toEqual({ ok: false, reason: `refused: ${server.url('/drip')} took longer than 0.3 s` });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a server that never answers, by the same deadline', async () => {
    server.route('/silent', () => undefined);
    const result = await fetchPage(server.url('/silent'), { ...ALLOW, limits: { totalMs: 300 } });
    expect(result).toEqual({ ok: false, reason: `refused: ${server.url('/silent')} took longer than 0.3 s` });
  });

  it('says in one line when a host name is not found', async () => {
    const result = await fetchPage('http://nowhere.test/', { resolve: fixedResolve({}) });
    expect(result).toEqual({ ok: false, reason: 'could not fetch http://nowhere.test/: its host name was not found' });
  });
});
