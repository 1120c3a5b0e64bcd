import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatProblem } from '../app/live.ts';
import type { LiveEngine } from '../engine/live-engine.ts';
import type { Logger } from '../log.ts';
import { articleInfo, renderAnswer } from '../render/discord.ts';
import { QUESTION_MAX_CHARS } from '../knowledge/limits.ts';
import { describeChange } from '../render/changes.ts';
import type { QuestionLog } from '../store/question-log.ts';
import { coverageOf, type CoverageSource } from './coverage.ts';
import { replyToHtml } from './discord-html.ts';
import { renderPage } from './page.ts';

/**
 * The local preview server for moderators: the page, and one JSON endpoint that answers a
 * question the way the bot would. It listens on loopback only and refuses requests whose Host
 * is not this machine's loopback name (a web page elsewhere cannot reach it by DNS tricks).
 */

export interface PreviewOptions {
  readonly live: LiveEngine;
  readonly questions?: QuestionLog;
  readonly log: Logger;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Reload the knowledge files at each page load; a broken edit is shown and the last good knowledge kept. */
  readonly reloadOnPage?: boolean;
  /** Facts found in the article by other means, when the engine offers them. */
  readonly derived?: () => readonly CoverageSource[];
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

export const PREVIEW_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 8 * 1024;
const UNANSWERED_SHOWN = 50;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The page's one inline script and style; nothing loads from elsewhere.
    'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    // Past the limit the rest is read and dropped, so the client still gets an answer.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const { live, questions, log } = options;
  let allowedHosts: ReadonlySet<string> = new Set();

  async function page(): Promise<string> {
    let problems: string[] = [];
    if (options.reloadOnPage === true) {
      const report = await live.refresh();
      if (!report.ok) problems = report.problems.map(formatProblem);
    }
    const engine = live.current();
    const kb = engine.knowledge;
    const found = questions?.unanswered({ limit: UNANSWERED_SHOWN }) ?? { total: 0, questions: [] };
    return renderPage({
      knowledge: kb,
      coverage: coverageOf(kb, options.derived?.() ?? []),
      unanswered: found.questions,
      unansweredTotal: found.total,
      tallies: questions?.tallies() ?? [],
      entryLabel: (entry) => (/^p\d+\.s\d+$/.test(entry) ? describeChange(`passage:${entry}`) : engine.answerEntry(entry)?.question),
      ...(questions === undefined && { logProblem: 'No question log: set DATA_DIR to the folder the bot uses.' }),
      problems,
    });
  }

  async function ask(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let question: unknown;
    try {
      question = (JSON.parse(await readBody(req)) as { question?: unknown }).question;
    } catch {
      json(res, 400, { error: 'Send JSON like {"question": "who runs roscosmos?"}, at most 8 KB.' });
      return;
    }
    if (typeof question !== 'string' || question.trim() === '') {
      json(res, 400, { error: 'Type a question first.' });
      return;
    }
    const engine = live.current();
    const answer = engine.ask(question.slice(0, QUESTION_MAX_CHARS));
    const reply = renderAnswer(answer, articleInfo(engine.knowledge));
    json(res, 200, { html: replyToHtml(reply), found: answer.found, confidence: answer.confidence });
  }

  const server = createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      json(res, 421, { error: 'The preview answers on 127.0.0.1 and localhost only.' });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = `${req.method} ${path}`;
    void (async () => {
      try {
        if (route === 'GET /') send(res, 200, 'text/html; charset=utf-8', await page());
        else if (route === 'POST /api/ask') await ask(req, res);
        else json(res, 404, { error: `no ${route}` });
      } catch (error) {
        log.error(`preview: ${route} failed`, error);
        if (!res.headersSent) json(res, 500, { error: 'Something went wrong; see the terminal.' });
      }
    })();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, PREVIEW_HOST, () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`${PREVIEW_HOST}:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://${PREVIEW_HOST}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
