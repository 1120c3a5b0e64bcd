import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../knowledge/types.ts';

/**
 * Loading and checking knowledge in a worker thread, so a refresh never holds up answering: the
 * YAML parse, every check and a trial build run there. What comes back is the checked knowledge
 * base as plain data (a built index holds closures and cannot cross threads).
 */

export interface CheckRequest {
  readonly dir: string;
  /** Epoch ms; the knowledge's load time is when the refresh was asked for. */
  readonly loadedAt: number;
  /** Where derived knowledge is cached (`LiveEngineOptions.derivedCacheDir`). */
  readonly derivedCacheDir?: string;
}

export interface CheckResponse {
  readonly result: LoadResult;
  /** Reading, parsing and checking, in the worker. */
  readonly checkMs: number;
  /** The trial build in the worker: about what the build on the main thread will take. */
  readonly buildMs?: number;
}

export const OFF_THREAD_DEFAULTS = Object.freeze({
  /** A check that takes longer is given up (the worker is stopped) and reported. */
  timeoutMs: 60_000,
  /** Far above what knowledge within its limits needs; past it the worker ends, not the bot. */
  maxHeapMb: 768,
});

/** The worker's file beside this one: .ts when run from source (tsx), .js when compiled. */
function workerEntry(): URL {
  const own = fileURLToPath(import.meta.url);
  const preferred = own.endsWith('.ts') ? ['.ts', '.js'] : ['.js', '.ts'];
  for (const ext of preferred) {
    const url = new URL(`./refresh-worker${ext}`, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('the knowledge check worker (refresh-worker.ts or .js) is missing beside off-thread');
}

/**
 * Loader flags (`tsx`'s `--import`) do not reach worker threads in Node 20, so a .ts worker is
 * started by a two-line bootstrap that registers tsx's loader in the worker, then imports it.
 * A compiled .js worker starts directly.
 */
function workerSource(entry: URL): { readonly source: URL | string; readonly eval: boolean } {
  if (!entry.pathname.endsWith('.ts')) return { source: entry, eval: false };
  let api = 'tsx/esm/api';
  try {
    api = import.meta.resolve(api);
  } catch {
    // Resolved from the working directory instead, as `npm start` runs in the project.
  }
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return { source: code, eval: true };
}

export function checkOffThread(
  dir: string,
  options: Partial<typeof OFF_THREAD_DEFAULTS> & { readonly derivedCacheDir?: string } = {},
): Promise<CheckResponse> {
  const { timeoutMs, maxHeapMb } = { ...OFF_THREAD_DEFAULTS, ...options };
  const entry = workerEntry();
  const request: CheckRequest = {
    dir,
    loadedAt: Date.now(),
    ...(options.derivedCacheDir !== undefined && { derivedCacheDir: options.derivedCacheDir }),
  };
  const { source, eval: isCode } = workerSource(entry);
  return new Promise<CheckResponse>((resolve, reject) => {
    const worker = new Worker(source, {
      eval: isCode,
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`checking the knowledge took longer than ${Math.round(timeoutMs / 1000)} s`))),
      timeoutMs,
    );
    worker.once('message', (response: CheckResponse) => settle(() => resolve(response)));
    worker.once('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() => reject(outOfMemory ? new Error(`checking the knowledge needed more than ${maxHeapMb} MB`) : error));
    });
    worker.once('exit', (code) => settle(() => reject(new Error(`the knowledge check stopped (exit code ${code})`))));
  });
}
