import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyKnowledge } from '../support/knowledge.ts';
import { tsx } from '../support/run.ts';

/**
 * Every command-line tool reads `.env` from the folder it runs in, as `npm start` does, and
 * says in one line what is wrong with the folder it was pointed at.
 */

const TIMEOUT = 60_000;
/** Shaped like a bot token (id.timestamp.signature), so it passes the config check. */
const SHAPED_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.not-a-real-signature_0123456789';
const CITEBOT_VARIABLES = /^(DISCORD_\w+|KNOWLEDGE_DIR|DATA_DIR|ASK_CHANNEL_IDS|MODERATOR_ROLE_IDS|LOG_LEVEL|LOG_USER_IDS|QUESTION_LOG_DAYS)$/;

/** The test runner's environment without any variable citebot reads. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!CITEBOT_VARIABLES.test(name)) env[name] = value;
  return { ...env, ...extra };
}

let work: string;
let knowledge: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citebot-cli-'));
  knowledge = await copyKnowledge();
  // A knowledge folder whose article differs from the shipped one, named only in `.env`.
  await writeFile(join(knowledge.dir, 'qa.yaml'), 'entries: []\n');
  await writeFile(join(knowledge.dir, 'facts.yaml'), 'entities: []\n');
  await writeFile(join(work, '.env'), `KNOWLEDGE_DIR=${knowledge.dir}\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await knowledge.remove();
});

describe('the command-line tools and .env', () => {
  it('knowledge:check checks the folder that .env names, the one the bot would load', async () => {
    const run = await tsx(['src/cli/check-knowledge.ts'], { cwd: work, env: cleanEnv() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${knowledge.dir}: ok`);
    expect(run.stdout).toContain('0 Q&A entries');
  }, TIMEOUT);

  it('ask answers from the folder that .env names', async () => {
    const run = await tsx(['src/cli/ask.ts', '--jsonl'], { cwd: work, env: cleanEnv(), input: 'who leads roscosmos\n' });
    expect(run.code, run.stderr).toBe(0);
    // No curated entry in that folder: the answer can only come from the article's sentences.
    const reply = JSON.parse(run.stdout) as { answer: string };
    expect(reply.answer).not.toBe('Yuri Borisov is Director General of the space agency Roscosmos; the Kremlin lists him in the Russian delegation to Pyongyang.');
  }, TIMEOUT);

  it('a real environment variable wins over .env', async () => {
    const run = await tsx(['src/cli/check-knowledge.ts'], { cwd: work, env: cleanEnv({ KNOWLEDGE_DIR: join(work, 'nowhere') }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`knowledge:check: KNOWLEDGE_DIR: the folder ${join(work, 'nowhere')} does not exist\n`);
  }, TIMEOUT);

  it('an empty KNOWLEDGE_DIR is an error, not a quiet default', async () => {
    const run = await tsx(['src/cli/ask.ts', 'who leads roscosmos'], { cwd: work, env: cleanEnv({ KNOWLEDGE_DIR: '' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('ask: KNOWLEDGE_DIR: is empty: name a folder, or remove the line to use knowledge; got ""\n');
  }, TIMEOUT);

  it('ask names a missing --knowledge folder in one line', async () => {
    const run = await tsx(['src/cli/ask.ts', '--knowledge', 'no-such-folder', 'hi'], { cwd: work, env: cleanEnv() });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ask: --knowledge: the folder no-such-folder (${join(work, 'no-such-folder')}) does not exist\n`);
  }, TIMEOUT);

  it('npm start names a missing knowledge folder in one line', async () => {
    const run = await tsx(['src/main.ts'], { cwd: work, env: cleanEnv({ KNOWLEDGE_DIR: 'gone', DISCORD_TOKEN: SHAPED_TOKEN }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`KNOWLEDGE_DIR: the folder gone (${join(work, 'gone')}) does not exist\n`);
  }, TIMEOUT);
});

describe('npm run deploy-commands when Discord cannot be reached', () => {
  it('fails with exit code 1 and one line, without a stack trace', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    const run = await tsx(['src/cli/deploy-commands.ts'], {
      cwd: work,
      env: cleanEnv({ DISCORD_TOKEN: SHAPED_TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: `http://127.0.0.1:${port}/api` }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^deploy-commands: registering commands failed: .*ECONNREFUSED/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, TIMEOUT);
});

describe('every command-line tool fails as "tool: message" on stderr', () => {
  it('deploy-commands without a token', async () => {
    const run = await tsx(['src/cli/deploy-commands.ts'], { cwd: work, env: cleanEnv() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('deploy-commands: DISCORD_TOKEN is not set: it is needed to register commands.\n');
  }, TIMEOUT);

  it('rest-proxy with a port that is not a number', async () => {
    const run = await tsx(['src/cli/rest-proxy.ts'], { cwd: work, env: cleanEnv({ REST_PROXY_PORT: 'eighty' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('rest-proxy: REST_PROXY_PORT: must be a port number\n');
  }, TIMEOUT);

  it('deploy-commands with a token that cannot be one, never printing it', async () => {
    const run = await tsx(['src/cli/deploy-commands.ts'], { cwd: work, env: cleanEnv({ DISCORD_TOKEN: 'abc-secret' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^deploy-commands: DISCORD_TOKEN: is not shaped like a bot token/);
    expect(run.stderr).not.toContain('abc-secret');
  }, TIMEOUT);
});
