import { diffKnowledge } from '../knowledge/diff.ts';
import { cachedDerivation } from '../knowledge/derive/cache.ts';
import { openYamlCache } from '../knowledge/yaml-cache.ts';
import { deriveOffProcess } from '../knowledge/derive/off-process.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import type { KnowledgeProblem } from '../knowledge/types.ts';
import { buildEngine } from '../engine/engine.ts';
import type { LiveEngine, RefreshReport, VersionInfo } from '../engine/live-engine.ts';
import type { Engine } from '../engine/types.ts';
import { checkOffThread, type CheckResponse } from './off-thread.ts';

export class KnowledgeLoadError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`knowledge is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeLoadError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}${p.entry ? ` [${p.entry}]` : ''}: ${p.message}`;
}

function info(engine: Engine): VersionInfo {
  return { version: engine.knowledge.version, loadedAt: engine.knowledge.loadedAt };
}

export interface LiveEngineOptions {
  /** How a refresh reads and checks the directory; by default in a worker thread. */
  readonly check?: (dir: string) => Promise<CheckResponse>;
  /** Knowledge whose trial build took longer is refused: the real build would hold up answering as long. */
  readonly maxBuildMs?: number;
  /**
   * Where what is derived from the article is cached (DATA_DIR), so a start with an unchanged
   * article does not load the NLP model, and one with a changed article derives it in a child
   * process that exits afterwards. Without it, it is derived here, as a one-off run wants. What
   * the YAML files parse to is kept there too.
   */
  readonly derivedCacheDir?: string;
}

/**
 * The index is built on the main thread, where nothing else runs meanwhile. Past this the
 * interactions arriving during the build could not be acknowledged within Discord's 3 s.
 */
export const MAX_BUILD_MS = 2500;

/**
 * The first load runs here (nothing is being answered yet); refreshes are read and checked in a
 * worker thread while the current engine keeps answering, and only knowledge that passed every
 * check and limit is built here. Refreshes run one at a time: one asked for while another runs
 * starts after it, so its report reflects the files as they were when it was asked for; those
 * asked for while one waits share it.
 */
export async function createLiveEngine(dir: string, options: LiveEngineOptions = {}): Promise<LiveEngine> {
  const cacheDir = options.derivedCacheDir;
  const yamlCache = cacheDir === undefined ? undefined : await openYamlCache(cacheDir);
  const first = await loadKnowledge(
    dir,
    new Date(),
    cacheDir === undefined ? {} : { derive: cachedDerivation(cacheDir, deriveOffProcess), ...(yamlCache && { yamlCache }) },
  );
  if (!first.ok) throw new KnowledgeLoadError(first.problems);
  // Written only when the files changed; a failed write only costs a parse at the next start.
  await yamlCache?.save();
  let engine = buildEngine(first.knowledge);
  const check = options.check ?? ((d: string) => checkOffThread(d, cacheDir === undefined ? {} : { derivedCacheDir: cacheDir }));
  let last: Promise<unknown> = Promise.resolve();
  let waiting: Promise<RefreshReport> | undefined;

  async function reload(): Promise<RefreshReport> {
    const before = engine;
    const refused = (message: string): RefreshReport => ({ ok: false, current: info(before), problems: [{ file: dir, message }] });
    let checked: CheckResponse;
    try {
      checked = await check(dir);
    } catch (error) {
      return refused(`could not be checked: ${(error as Error).message}`);
    }
    if (!checked.result.ok) return { ok: false, current: info(before), problems: checked.result.problems };
    const maxBuildMs = options.maxBuildMs ?? MAX_BUILD_MS;
    if (checked.buildMs !== undefined && checked.buildMs > maxBuildMs)
      return refused(
        `building its index took ${Math.round(checked.buildMs)} ms, more than the ${maxBuildMs} ms a refresh may hold up answering; ` +
          'make the knowledge smaller (fewer entries or phrasings)',
      );
    const started = performance.now();
    let next: Engine;
    try {
      next = buildEngine(checked.result.knowledge);
    } catch (error) {
      return refused(`the index could not be built: ${(error as Error).message}`);
    }
    engine = next;
    const diff = diffKnowledge(before.knowledge, next.knowledge);
    const timings = { checkMs: Math.round(checked.checkMs), mainThreadMs: Math.round(performance.now() - started) };
    return { ok: true, before: info(before), after: info(next), timings, ...diff };
  }

  return {
    current: () => engine,
    refresh() {
      if (waiting !== undefined) return waiting;
      const mine = last.then(() => {
        waiting = undefined;
        return reload();
      });
      waiting = mine;
      last = mine.catch(() => undefined);
      return mine;
    },
  };
}
