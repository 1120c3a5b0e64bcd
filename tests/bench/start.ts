import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeDiscord } from '../e2e/fake-discord/index.ts';
import { interactionReply } from '../e2e/support/replies.ts';
import { KNOWLEDGE_SOURCE, REPO_ROOT } from '../e2e/support/bot-process.ts';

/**
 * `npm run bench:start [-- --check]`: how fast the built bot (`node dist/main.js`, what
 * `npm start` runs after its build step, read from package.json) is connected and answers, and its memory when idle,
 * against the local Discord-compatible server. The median of several starts is judged.
 */
const TARGETS = Object.freeze({ readyMs: 1500, idleRssMiB: 120 });

const { values } = parseArgs({
  options: { check: { type: 'boolean' }, runs: { type: 'string', default: '3' }, idle: { type: 'string', default: '2000' } },
});

interface Run {
  readonly readyMs: number;
  readonly firstAnswerMs: number;
  readonly idleRssMiB: number;
}

// What `npm start` runs after its build step, without npm in front.
const START_SCRIPT = (JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const [program, ...START_ARGS] = START_SCRIPT.split(/\s+/);
if (program !== 'node') throw new Error(`the start script does not run node: ${START_SCRIPT}`);

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function once(): Promise<Run> {
  const fake = await startFakeDiscord();
  const started = performance.now();
  const child = spawn(process.execPath, START_ARGS, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.url,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      KNOWLEDGE_DIR: KNOWLEDGE_SOURCE,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const ready = new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/logged in as/.test(output)) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready:\n${output}`)));
  });
  try {
    const readyMs = await ready;
    await interactionReply(fake, fake.sendCommand('ask', { question: 'who runs roscosmos' }));
    const firstAnswerMs = performance.now() - started;
    await delay(Number(values.idle));
    const idleRssMiB = await rssMiB(child.pid!);
    return { readyMs, firstAnswerMs, idleRssMiB };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    await fake.close();
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) runs.push(await once());
const result = {
  readyMs: Math.round(median(runs.map((r) => r.readyMs))),
  firstAnswerMs: Math.round(median(runs.map((r) => r.firstAnswerMs))),
  idleRssMiB: Math.round(median(runs.map((r) => r.idleRssMiB)) * 10) / 10,
};
process.stdout.write(
  `start (median of ${runs.length}): ready ${result.readyMs} ms (target <= ${TARGETS.readyMs}), ` +
    `first answer ${result.firstAnswerMs} ms, idle RSS ${result.idleRssMiB} MiB (target <= ${TARGETS.idleRssMiB})\n`,
);
if (values.check && (result.readyMs > TARGETS.readyMs || result.idleRssMiB > TARGETS.idleRssMiB)) {
  process.stderr.write('a start target was missed\n');
  process.exit(1);
}
