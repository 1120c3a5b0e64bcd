import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../types.ts';
import type { DerivedKnowledge } from './index.ts';
import { deriveOrNothing } from './integrate.ts';

/**
 * Deriving in a child process: the NLP model takes tens of MB that a process keeps once they
 * were touched (a worker thread's too), so a long-running bot derives in a process that exits
 * afterwards. When the child cannot run or fails, the knowledge is derived here instead: the
 * same answer, at the cost of the memory.
 */

export const CHILD_TIMEOUT_MS = 60_000;

/** The child's file beside this one: .ts when run from source, .js when compiled. */
function childEntry(): string | undefined {
  const own = fileURLToPath(import.meta.url);
  const preferred = own.endsWith('.ts') ? ['.ts', '.js'] : ['.js', '.ts'];
  for (const ext of preferred) {
    const path = fileURLToPath(new URL(`./child${ext}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** A .ts child needs tsx's loader; `npm start` runs in the project, where tsx is installed. */
function childArgs(entry: string): string[] {
  if (!entry.endsWith('.ts')) return [entry];
  let loader = 'tsx/esm';
  try {
    loader = import.meta.resolve(loader);
  } catch {
    // Resolved from the working directory instead.
  }
  return ['--import', loader, entry];
}

/** What `deriveOrNothing(article)` gives, computed in a child process; rejects when the child fails. */
export function deriveInChild(article: Pick<Article, 'sentences'>, timeoutMs = CHILD_TIMEOUT_MS): Promise<DerivedKnowledge> {
  const entry = childEntry();
  if (entry === undefined) return Promise.reject(new Error('the deriving child (child.ts or .js) is missing'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgs(entry), { stdio: ['pipe', 'pipe', 'ignore'], env: process.env });
    const out: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`the deriving child stopped (${signal ?? `exit code ${code}`})`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as DerivedKnowledge);
      } catch (error) {
        reject(error as Error);
      }
    });
    // A child that died before reading its input reports through 'close'.
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(article.sentences));
  });
}

/** In a child process when it can, else here. */
export async function deriveOffProcess(article: Pick<Article, 'sentences'>): Promise<DerivedKnowledge> {
  try {
    return await deriveInChild(article);
  } catch {
    return deriveOrNothing(article);
  }
}
