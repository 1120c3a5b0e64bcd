import { createInterface } from 'node:readline';
import type { LiveEngine } from '../engine/live-engine.ts';
import { formatProblem } from '../app/live.ts';
import { deriveOffProcess } from '../knowledge/derive/off-process.ts';
import { previewImport } from '../knowledge/import/preview.ts';
import { previewLines } from '../knowledge/import/preview-text.ts';
import { extractFrom } from '../knowledge/import/source.ts';
import { restorePreviousArticle, writeArticle } from '../knowledge/import/store.ts';
import { capLines, plural, problemReportLines, unusedConceptWarnings } from '../knowledge/report.ts';
import { describeChanges } from '../render/changes.ts';
import { ANSI, PLAIN, renderText, type TextStyle } from '../render/text.ts';
import { wrapText } from '../render/wrap.ts';

export interface ChatIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** Where /article writes, and which hosts it may fetch from that are not public. Absent: no /article. */
export interface ChatImport {
  readonly knowledgeDir: string;
  readonly importAllowHosts?: readonly string[];
}

const COMMANDS = `Commands:
  /topics                   what the article covers
  /refresh                  reload the knowledge files
  /article <link or file>   show the article on a page; /article confirm makes it the article, /article undo puts the previous one back
  /help                     this help
  /quit                     leave (or Ctrl+D)`;

/** Each command with an example of its use; a question is typed as it is. */
const HELP = `Ask anything about the article: type the question, for example
  who is in the delegation?
Commands, each with an example:
  /topics                   what the article covers
                              example: /topics
  /refresh                  reload the knowledge files after editing them
                              example: /refresh
  /article <link or file>   show the article on a page; /article confirm makes it the article, /article undo puts the previous one back
                              example: /article https://example.com/news/story.html
                              then:    /article confirm   (or later: /article undo)
  /help                     this help
                              example: /help
  /quit                     leave (or Ctrl+D)
                              example: /quit`;

/** `/word` at the start of a line, and nothing after it: a command, known or not. */
const COMMAND_LIKE = /^\/[a-z][\w-]*$/i;

function topicsText(live: LiveEngine, style: TextStyle): string {
  const engine = live.current();
  const { meta } = engine.knowledge.article;
  const lines = [style.bold(meta.title ?? 'The article')];
  if (meta.source) lines.push(style.dim(`Source: ${meta.source}`));
  for (const topic of engine.topics()) {
    lines.push('', style.bold(topic.name));
    for (const q of topic.questions.slice(0, 4)) lines.push(`  - ${q.question}`);
  }
  lines.push('', style.dim(`Knowledge version ${engine.knowledge.version}, loaded ${engine.knowledge.loadedAt.toISOString()}`));
  return lines.join('\n');
}

/** Reloads and says what changed, or why nothing did; `ok` is whether the files on disk are served now. */
async function refreshText(live: LiveEngine): Promise<{ ok: boolean; text: string }> {
  const before = live.current().knowledge;
  const report = await live.refresh();
  // The summary comes last, where it does not scroll away.
  if (!report.ok) {
    const lines = problemReportLines(report.problems, formatProblem, { summaryLast: true });
    return { ok: false, text: [`Refresh refused; still answering from ${report.current.version}.`, ...lines].join('\n') };
  }
  const after = live.current().knowledge;
  const lines = describeChanges(report, { before, after });
  const named = (label: string, texts: readonly string[]) => capLines(texts.map((t) => `${label}: ${t.replace(/`/g, '')}`)).map((t) => `  ${t}`);
  const warnings = unusedConceptWarnings(after.concepts, after.article);
  return {
    ok: true,
    text: [
      ...named('added', lines.added),
      ...named('changed', lines.changed),
      ...named('removed', lines.removed),
      ...(warnings.length > 0 ? problemReportLines(warnings, formatProblem).slice(1) : []),
      `Knowledge ${report.before.version} -> ${report.after.version}: ` +
        `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed` +
        (warnings.length > 0 ? `; ${plural(warnings.length, 'warning')}.` : '.'),
    ].join('\n'),
  };
}

/**
 * /article in the terminal: a preview first, then `/article confirm` writes it and reloads as
 * /refresh does; the old article is put back when the knowledge does not load with the new one.
 */
function articleCommand(live: LiveEngine, options: ChatImport | undefined) {
  let waiting: string | undefined;
  return async (argument: string): Promise<string> => {
    if (options === undefined) return '/article is not available here.';
    const dir = options.knowledgeDir;
    if (argument === '') return 'Usage: /article <link or file>, then /article confirm; /article undo puts the previous article back.';
    if (argument === 'confirm') {
      if (waiting === undefined) return 'Nothing to confirm: show an article with /article <link or file> first.';
      const markdown = waiting;
      waiting = undefined;
      const written = await writeArticle(dir, markdown);
      const refreshed = await refreshText(live);
      if (refreshed.ok) return `Wrote the article; the previous one is kept (/article undo puts it back).\n${refreshed.text}`;
      await written.revert();
      return `${refreshed.text}\nThe knowledge did not load with the new article, so the previous one was put back. Empty qa.yaml, facts.yaml and concepts.yaml first.`;
    }
    if (argument === 'undo') {
      const restored = await restorePreviousArticle(dir);
      if (!restored.ok) return 'There is no previous article to put back.';
      const refreshed = await refreshText(live);
      if (refreshed.ok) return `Put the previous article back.\n${refreshed.text}`;
      await restorePreviousArticle(dir);
      return `${refreshed.text}\nThe previous article did not load, so nothing was changed.`;
    }
    const extracted = await extractFrom(argument, { allowHosts: options.importAllowHosts ?? [] });
    if (!extracted.ok) return extracted.reason;
    const previewed = await previewImport(extracted.article, deriveOffProcess);
    if (!previewed.ok) return previewed.reason;
    waiting = previewed.preview.markdown;
    return `${previewLines(previewed.preview).join('\n')}\n\nType /article confirm to make it the article (the current one is kept), or go on asking to leave it.`;
  };
}

/** The terminal chat: the same engine as the bot, one question a line, until /quit or end of input. */
export async function runTerminalChat(live: LiveEngine, io: ChatIo, importing?: ChatImport): Promise<void> {
  const article = articleCommand(live, importing);
  const style = io.output.isTTY ? ANSI : PLAIN;
  const rl = createInterface({ input: io.input, output: io.output, terminal: Boolean(io.output.isTTY) });
  // Read at each line: the terminal may have been resized since.
  const say = (text: string) => io.output.write(`${wrapText(text, io.output.isTTY ? io.output.columns : undefined)}\n`);
  const title = live.current().knowledge.article.meta.title ?? 'the article';
  say(`${style.bold('citebot')}: ask me about "${title}". Type /help for commands, /quit to leave.`);
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/quit' || input === '/exit') break;
    if (input === '/help') say(HELP);
    else if (input === '/topics') say(topicsText(live, style));
    else if (input === '/refresh') say((await refreshText(live)).text);
    else if (input === '/article' || input.startsWith('/article ')) {
      say(await article(input.slice('/article'.length).trim()));
    } else if (COMMAND_LIKE.test(input)) say(`There is no ${input} command. ${COMMANDS}`);
    else if (input !== '') say(`${renderText(live.current().ask(input), style)}\n`);
    rl.prompt();
  }
  rl.close();
  say('Bye.');
}
