import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/index.ts';

/**
 * The bot as a real process against the fake Discord. One process per test file; its output is
 * kept and printed when a test fails. Three ways to start it:
 * - `npm`: `npm start`, what an operator runs (npm -> sh -> tsx -> node). The default.
 * - `tsx`: `tsx src/main.ts`, what the start script runs (tsx -> node).
 * - `node`: `node --import tsx src/main.ts`, the same loader in one process, so the exit status
 *   seen is the bot's own. With the other two it is a wrapper's: on a process-group SIGTERM, npm
 *   exits by that signal (or 143), and the tsx CLI exits 143 in some runs although the bot had
 *   closed its connection cleanly (tsx relays the signal again, and SIGKILLs its child when the
 *   child's acknowledgement misses its 30 ms window).
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const KNOWLEDGE_SOURCE = join(REPO_ROOT, 'knowledge');

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

export type Launcher = 'npm' | 'tsx' | 'node';

const COMMANDS: Readonly<Record<Launcher, readonly [string, readonly string[]]>> = {
  npm: ['npm', ['start']],
  tsx: [TSX, ['src/main.ts']],
  node: [process.execPath, ['--import', 'tsx', 'src/main.ts']],
};

/** A line the bot logs once its slash-command sync is over, whatever the outcome. */
const COMMANDS_SYNCED = /registered \d+ slash commands|slash commands already up to date|could not register slash commands/;

/** Variables citebot reads: never inherited from the test runner's environment. */
const BOT_VARIABLES =
  /^(DISCORD_\w+|KNOWLEDGE_DIR|DATA_DIR|LOG_USER_IDS|QUESTION_LOG_DAYS|ASK_CHANNEL_IDS|MODERATOR_ROLE_IDS|LOG_LEVEL|HTTP_\w+|METRICS_\w+|SHARD_\w+|REDIS_URL|IMPORT_ALLOW_HOSTS)$/;

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface StopResult extends ExitInfo {
  /** From the signal to the exit of the spawned process. */
  readonly ms: number;
  /** The process had to be killed with SIGKILL after the grace period. */
  readonly killed: boolean;
}

export interface BotProcess {
  readonly pid: number;
  readonly via: string;
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved as received. */
  output(): string;
  /** Settles when the spawned process (npm, tsx or node) exits. */
  readonly exited: Promise<ExitInfo>;
  readonly hasExited: boolean;
  /** Resolves when the output matches; rejects with the output if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /**
   * SIGTERM to the whole process group (npm, sh, tsx and node), then SIGKILL after `graceMs`.
   * `repeatAfterMs` sends SIGTERM to the group a second time, as supervisors and wrappers do.
   * Resolves once every process of the group is gone. Only the first call signals.
   */
  stop(options?: StopOptions): Promise<StopResult>;
}

export interface StopOptions {
  /** Default 5000. */
  readonly graceMs?: number;
  readonly repeatAfterMs?: number;
}

/** Where a bot started on this knowledge copy keeps its question log. */
export function dataDirOf(knowledgeDir: string): string {
  return join(knowledgeDir, '.data');
}

export interface BotOptions {
  readonly knowledgeDir: string;
  /** Default: a folder inside the (temporary) knowledge copy, removed with it; tests never write into the repository. */
  readonly dataDir?: string;
  /** Channels where every message is a question (sets ASK_CHANNEL_IDS). */
  readonly askChannelIds?: readonly string[];
  /** Default `npm`. */
  readonly via?: Launcher;
  /** Default 30 s: ready and commands synced. */
  readonly startTimeoutMs?: number;
  /** More variables, such as METRICS_PORT. */
  readonly env?: NodeJS.ProcessEnv;
}

const live = new Set<BotProcess>();

// A test run that dies must not leave a bot reconnecting forever in the background.
process.once('exit', () => {
  for (const bot of live) killGroup(bot.pid, 'SIGKILL');
});

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function botEnvironment(fake: FakeDiscord, options: BotOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!BOT_VARIABLES.test(name)) env[name] = value;
  // Every variable set, even to "" (unset for citebot), so a developer's `.env` cannot leak in.
  return {
    ...env,
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.url,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guild.id,
    KNOWLEDGE_DIR: options.knowledgeDir,
    DATA_DIR: options.dataDir ?? dataDirOf(options.knowledgeDir),
    ASK_CHANNEL_IDS: (options.askChannelIds ?? []).join(','),
    MODERATOR_ROLE_IDS: '',
    LOG_LEVEL: 'debug',
    ...options.env,
  };
}

/** The bot's environment for a test; `extra` adds or overrides variables. */
export function testEnvironment(fake: FakeDiscord, options: BotOptions, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...botEnvironment(fake, options), ...extra };
}

/** Spawns the bot and resolves once it is connected and its slash commands are synced. */
export async function startBot(fake: FakeDiscord, options: BotOptions): Promise<BotProcess> {
  const via = options.via ?? 'npm';
  const [command, args] = COMMANDS[via];
  const bot = spawnWatched(command, args, botEnvironment(fake, options), via);
  try {
    await Promise.race([
      fake.waitForReady(options.startTimeoutMs ?? 30_000),
      bot.exited.then((info) => Promise.reject(new Error(`bot exited early: ${JSON.stringify(info)}`))),
    ]);
    await bot.waitForOutput(COMMANDS_SYNCED, 10_000);
  } catch (error) {
    await bot.stop({ graceMs: 1000 });
    throw new Error(`the bot did not start (${via}): ${(error as Error).message}\n--- bot output ---\n${bot.output()}`);
  }
  return bot;
}

/**
 * Spawns a process of the project (in its own process group, output kept) and returns at once.
 * `via` only names it in messages.
 */
export function spawnWatched(command: string, args: readonly string[], env: NodeJS.ProcessEnv, via: string): BotProcess {
  const child = spawn(command, [...args], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not spawn ${command}`);
  const pid = child.pid;

  let text = '';
  const watchers = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  let exitInfo: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      for (const watcher of watchers) watcher();
      resolve(exitInfo);
    });
  });

  const bot: BotProcess = {
    pid,
    via,
    child,
    output: () => text,
    exited,
    get hasExited() {
      return exitInfo !== undefined;
    },
    waitForOutput(pattern, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          clearTimeout(timer);
          watchers.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (pattern.test(text)) done();
          else if (exitInfo !== undefined) {
            done(new Error(`bot (${via}) exited (${JSON.stringify(exitInfo)}) before printing ${pattern}:\n${text}`));
          }
        };
        const timer = setTimeout(
          () => done(new Error(`bot (${via}) printed no ${pattern} within ${timeoutMs} ms:\n${text}`)),
          timeoutMs,
        );
        watchers.add(check);
        check();
      });
    },
    stop(options = {}) {
      // Once only: the group id could be reused after the group is gone.
      return (stopping ??= stopGroup(options));
    },
  };
  async function stopGroup({ graceMs = 5000, repeatAfterMs }: StopOptions): Promise<StopResult> {
    const started = Date.now();
    killGroup(pid, 'SIGTERM');
    if (repeatAfterMs !== undefined) {
      await delay(repeatAfterMs);
      if (exitInfo === undefined) killGroup(pid, 'SIGTERM');
    }
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), graceMs);
    });
    const info = await Promise.race([exited, graceOver]);
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (info === undefined) {
      killed = true;
      killGroup(pid, 'SIGKILL');
    }
    const final = info ?? (await exited);
    // npm can exit before the node process it started: wait for the whole group.
    for (let waited = 0; groupAlive(pid); waited += 20) {
      if (waited >= graceMs) {
        killed = true;
        killGroup(pid, 'SIGKILL');
      }
      await delay(20);
    }
    live.delete(bot);
    return { ...final, ms, killed };
  }
  let stopping: Promise<StopResult> | undefined;
  live.add(bot);
  return bot;
}

export interface KnowledgeCopy {
  readonly dir: string;
  path(file: string): string;
  read(file: string): Promise<string>;
  /** A file as it was when copied, i.e. as the bot first loaded it. */
  original(file: string): string;
  /** Puts every file back as it was when copied, and removes files added since. */
  restore(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A private copy of knowledge/ in the OS temp folder, so tests can edit it. Its content is
 * snapshot once: restoring never picks up later edits of knowledge/ itself.
 */
export async function copyKnowledge(): Promise<KnowledgeCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'citebot-e2e-'));
  await cp(KNOWLEDGE_SOURCE, dir, { recursive: true });
  const snapshot = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) throw new Error(`knowledge/${entry.name}: only plain files are expected in knowledge/`);
    snapshot.set(entry.name, await readFile(join(dir, entry.name), 'utf8'));
  }
  return {
    dir,
    path: (file) => join(dir, file),
    read: (file) => readFile(join(dir, file), 'utf8'),
    original(file) {
      const text = snapshot.get(file);
      if (text === undefined) throw new Error(`knowledge/${file} was not copied`);
      return text;
    },
    async restore() {
      for (const name of await readdir(dir)) {
        if (!snapshot.has(name)) await rm(join(dir, name), { recursive: true, force: true });
      }
      for (const [name, text] of snapshot) await writeFile(join(dir, name), text);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface BotHarness {
  readonly fake: FakeDiscord;
  readonly bot: BotProcess;
  readonly knowledge: KnowledgeCopy;
  /** Every bot process the file started, for the failure report. */
  readonly processes: BotProcess[];
}

/** Prints the output of `processes()` when a test of this file fails. */
export function printBotOutputOnFailure(processes: () => readonly BotProcess[]): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      for (const bot of processes()) {
        console.error(`--- output of the bot process ${bot.pid} (${bot.via}) ---\n${bot.output()}--- end of output ---`);
      }
    });
  });
}

export interface UseBotOptions {
  /** Make the fake guild's "ask" channel an ask-channel. */
  readonly askChannel?: boolean;
  readonly via?: Launcher;
  /** Settings of the fake Discord (a short heartbeat interval, say). */
  readonly fake?: FakeDiscordOptions;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * One fake Discord, one knowledge copy and one bot process for the whole file. The returned
 * object's properties are usable inside tests and hooks that run after this file's beforeAll.
 */
export function useBot(options: UseBotOptions = {}): BotHarness {
  let fake: FakeDiscord | undefined;
  let knowledge: KnowledgeCopy | undefined;
  let bot: BotProcess | undefined;
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord(options.fake);
    knowledge = await copyKnowledge();
    bot = await startBot(fake, {
      knowledgeDir: knowledge.dir,
      askChannelIds: options.askChannel ? [fake.guild.askChannelId] : [],
      ...(options.via !== undefined && { via: options.via }),
      ...(options.env !== undefined && { env: options.env }),
    });
    processes.push(bot);
  }, 60_000);

  afterAll(async () => {
    for (const started of processes) if (live.has(started)) await started.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);

  printBotOutputOnFailure(() => processes);

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: did beforeAll fail?`);
    return value;
  };
  return {
    get fake() {
      return required(fake, 'the fake Discord');
    },
    get bot() {
      return required(bot, 'the bot process');
    },
    get knowledge() {
      return required(knowledge, 'the knowledge copy');
    },
    processes,
  };
}
