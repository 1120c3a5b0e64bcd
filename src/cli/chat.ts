import { createInterface } from 'node:readline';
import type { LiveEngine } from '../engine/live-engine.ts';
import { formatProblem } from '../app/live.ts';
import { describeChange } from '../render/changes.ts';
import { ANSI, PLAIN, renderText, type TextStyle } from '../render/text.ts';
import { wrapText } from '../render/wrap.ts';

export interface ChatIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

const COMMANDS = `Commands:
  /topics   what the article covers
  /refresh  reload the knowledge files
  /help     this help
  /quit     leave (or Ctrl+D)`;

const HELP = `Ask anything about the article. ${COMMANDS}`;

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

/** The terminal chat: the same engine as the bot, one question a line, until /quit or end of input. */
export async function runTerminalChat(live: LiveEngine, io: ChatIo): Promise<void> {
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
    else if (input === '/refresh') {
      const before = live.current().knowledge;
      const report = await live.refresh();
      if (report.ok) {
        const changes = { before, after: live.current().knowledge };
        const named = (label: string, keys: readonly string[]) => keys.map((k) => `  ${label}: ${describeChange(k, changes).replace(/`/g, '')}`);
        say(
          [
            `Knowledge ${report.before.version} -> ${report.after.version}: ` +
              `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed.`,
            ...named('added', report.added),
            ...named('changed', report.changed),
            ...named('removed', report.removed),
          ].join('\n'),
        );
      }
      else say(`Refresh refused; still answering from ${report.current.version}.\n${report.problems.map(formatProblem).join('\n')}`);
    } else if (COMMAND_LIKE.test(input)) say(`There is no ${input} command. ${COMMANDS}`);
    else if (input !== '') say(`${renderText(live.current().ask(input), style)}\n`);
    rl.prompt();
  }
  rl.close();
  say('Bye.');
}
