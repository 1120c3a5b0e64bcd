import { diffKnowledge, type KnowledgeDiff } from '../knowledge/diff.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import type { KnowledgeProblem } from '../knowledge/types.ts';
import { buildEngine } from './engine.ts';
import type { Engine } from './types.ts';

export interface VersionInfo {
  readonly version: string;
  readonly loadedAt: Date;
}

export type RefreshReport =
  | ({ readonly ok: true; readonly before: VersionInfo; readonly after: VersionInfo } & KnowledgeDiff)
  | { readonly ok: false; readonly current: VersionInfo; readonly problems: readonly KnowledgeProblem[] };

/**
 * The one reference that changes at run time. A refresh builds and validates a whole new
 * engine before swapping it in, so a failed refresh changes nothing and a question in flight
 * always sees one consistent version.
 */
export interface LiveEngine {
  current(): Engine;
  refresh(): Promise<RefreshReport>;
}

export class KnowledgeLoadError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`knowledge is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeLoadError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}${p.entry ? ` [${p.entry}]` : ''}: ${p.message}`;
}

function info(engine: Engine): VersionInfo {
  return { version: engine.knowledge.version, loadedAt: engine.knowledge.loadedAt };
}

export async function createLiveEngine(dir: string): Promise<LiveEngine> {
  const first = await loadKnowledge(dir);
  if (!first.ok) throw new KnowledgeLoadError(first.problems);
  let engine = buildEngine(first.knowledge);
  // Concurrent refreshes share one load instead of racing to swap.
  let pending: Promise<RefreshReport> | undefined;

  async function reload(): Promise<RefreshReport> {
    const before = engine;
    const loaded = await loadKnowledge(dir);
    if (!loaded.ok) return { ok: false, current: info(before), problems: loaded.problems };
    const next = buildEngine(loaded.knowledge);
    engine = next;
    return { ok: true, before: info(before), after: info(next), ...diffKnowledge(before.knowledge, next.knowledge) };
  }

  return {
    current: () => engine,
    refresh() {
      pending ??= reload().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
