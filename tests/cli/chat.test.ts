import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../src/cli/chat.ts';
import { createLiveEngine } from '../../src/app/live.ts';
import { copyKnowledge, KNOWLEDGE_DIR, ROOT } from '../support/knowledge.ts';
import { html, startPageServer } from '../support/page-server.ts';
import { tsx } from '../support/run.ts';

/** Types lines into the terminal chat and returns everything it printed. */
async function chat(lines: readonly string[], terminal?: { columns: number }): Promise<string> {
  const live = await createLiveEngine(KNOWLEDGE_DIR);
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), terminal !== undefined ? { isTTY: true, columns: terminal.columns } : {});
  let printed = '';
  output.setEncoding('utf8').on('data', (d: string) => (printed += d));
  const done = runTerminalChat(live, { input, output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('the terminal chat', () => {
  it('answers a question with the answer and the quoted sentence, with where it stands', async () => {
    const printed = await chat(['who is in charge of roscosmos']);
    expect(printed).toMatch(/Borisov/);
    expect(printed).toContain('“The Kremlin reported that it includes');
    expect(printed).toContain('(paragraph 4, sentence 2)');
  });

  it('declines plainly and offers questions it can answer', async () => {
    const printed = await chat(['did they sign a treaty?']);
    expect(printed).toMatch(/The article doesn't say/);
    expect(printed).toMatch(/Questions I can answer:\n {2}- /);
  });

  it('lists the topics with the knowledge version, shows help, and stops at /quit', async () => {
    const printed = await chat(['/topics', '/help', '/quit', 'who runs rzd']);
    expect(printed).toMatch(/Knowledge version [0-9a-f]{12}/);
    expect(printed).toContain('/refresh');
    expect(printed).not.toMatch(/Belozyorov/);
    expect(printed.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('answers an unknown /command with the list of commands, not as a question', async () => {
    const printed = await chat(['/ask who runs rzd', '/tpoics']);
    expect(printed).toContain('There is no /tpoics command. Commands:');
    expect(printed).toMatch(/\/topics +what the article covers/);
    // "/ask who runs rzd" is not a bare command: it is asked.
    expect(printed).toMatch(/Belozyorov/);
  });

  it('wraps every line at word boundaries to the width of the terminal', async () => {
    const printed = await chat(['who is in the delegation'], { columns: 50 });
    // eslint-disable-next-line no-control-regex
    const lines = printed.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(50);
    expect(printed).toContain('Lavrov');
  });

  it('shows a sentence once when the answer is that sentence, with no doubled closing mark anywhere', async () => {
    const printed = await chat(['when did putin last visit north korea', 'what did putin say about support']);
    expect(printed.split('Putin had last visited North Korea in 2000.')).toHaveLength(2);
    expect(printed).not.toContain('””');
  });

  it('names what /refresh changed in plain words: the sentence\'s place', async () => {
    const copy = await copyKnowledge();
    try {
      const live = await createLiveEngine(copy.dir);
      const article = join(copy.dir, 'article.md');
      await writeFile(article, `${await readFile(article, 'utf8')}\nZebras were not part of the delegation.\n`);
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.setEncoding('utf8').on('data', (d: string) => (printed += d));
      const done = runTerminalChat(live, { input, output });
      input.end('/refresh\n');
      await done;
      expect(printed).toMatch(/ {2}added: paragraph 5, sentence 1\nKnowledge [0-9a-f]{12} -> [0-9a-f]{12}: 1 added, 0 changed, 0 removed\.\n/);
    } finally {
      await copy.remove();
    }
  });

  it('shows an article from a link on /article, makes it the article on /article confirm, and undoes', async () => {
    const copy = await copyKnowledge();
    const server = await startPageServer();
    try {
      server.route('/story', html(await readFile(join(ROOT, 'tests/fixtures/pages/herald-sun-1/source.html'))));
      for (const file of ['qa.yaml', 'facts.yaml', 'concepts.yaml']) await rm(join(copy.dir, file));
      const original = await readFile(join(copy.dir, 'article.md'), 'utf8');
      const live = await createLiveEngine(copy.dir);
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.setEncoding('utf8').on('data', (d: string) => (printed += d));
      const done = runTerminalChat(live, { input, output }, { knowledgeDir: copy.dir, importAllowHosts: ['127.0.0.1'] });
      input.end(
        [`/article ${server.url('/story')}`, '/article confirm', "who is the prime minister's national security adviser", '/article undo', '/article confirm'].join('\n') + '\n',
      );
      await done;
      expect(printed).toContain('Title:          Angry media won’t buckle over new surveillance laws');
      expect(printed).toContain('Type /article confirm to make it the article');
      expect(printed).toMatch(/Wrote the article; the previous one is kept/);
      // A whole new article is one line, not one per sentence.
      expect(printed).toMatch(/ {2}changed: a new article: \d+ paragraphs, \d+ sentences\n/);
      expect(printed).not.toMatch(/changed: paragraph \d+, sentence \d+/);
      expect(printed).toContain('Andrew Shearer');
      expect(printed).toContain('Put the previous article back.');
      expect(printed).toContain('Nothing to confirm');
      expect(await readFile(join(copy.dir, 'article.md'), 'utf8')).toBe(original);
    } finally {
      await server.close();
      await copy.remove();
    }
  }, 60_000);

  it('GIVEN another article with the old curated files THEN /refresh lists the first problems and ends with what to do', async () => {
    const copy = await copyKnowledge();
    try {
      const live = await createLiveEngine(copy.dir);
      await writeFile(join(copy.dir, 'article.md'), '---\ntitle: Another story\n---\n\nThe council met on Monday. It approved the budget.\n');
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.setEncoding('utf8').on('data', (d: string) => (printed += d));
      const done = runTerminalChat(live, { input, output });
      input.end('/refresh\n');
      await done;
      const lines = printed.replace(/\nBye\.\n$/, '').split('\n');
      const last = lines.filter((l) => l.trim() !== '' && !l.startsWith('>')).at(-1) ?? '';
      expect(last).toMatch(/^(> )?\d+ of \d+ Q&A entries and \d+ of \d+ facts cite sentences the new article does not have; if you replaced the article, empty qa\.yaml, facts\.yaml and concepts\.yaml/);
      expect(printed).toMatch(/ {2}and \d+ more\n/);
      expect(printed.split('\n').filter((l) => / {2}(warning: )?(qa|facts|concepts)\.yaml/.test(l))).toHaveLength(10);
    } finally {
      await copy.remove();
    }
  });

  it('gives an example for every command in /help', async () => {
    const printed = await chat(['/help']);
    for (const command of ['/topics', '/refresh', '/article', '/help', '/quit']) expect(printed).toContain(`example: ${command}`);
  });

  it('reloads the knowledge on /refresh and says what changed', async () => {
    const printed = await chat(['/refresh']);
    expect(printed).toMatch(/Knowledge [0-9a-f]{12} -> [0-9a-f]{12}: 0 added, 0 changed, 0 removed\./);
  });
});

describe('npm start without a token and without a terminal', () => {
  it('exits 1 with one line saying what to set', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DISCORD_TOKEN: '', KNOWLEDGE_DIR: KNOWLEDGE_DIR };
    const run = await tsx(['src/main.ts'], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN is not set/);
  }, 60_000);
});
