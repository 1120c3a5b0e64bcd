import type { KnowledgeDiff } from '../knowledge/diff.ts';
import type { KnowledgeProblem } from '../knowledge/types.ts';
import type { Engine } from './types.ts';

/**
 * The contract of the engine that is swapped at run time. Declared here, below the renderers
 * and metrics that read it, while the code that loads files and starts workers to keep it
 * (`app/live.ts`) sits above them.
 */

export interface VersionInfo {
  readonly version: string;
  readonly loadedAt: Date;
}

/** Where a refresh spent its time: off the main thread (check), and on it (build and swap). */
export interface RefreshTimings {
  readonly checkMs: number;
  readonly mainThreadMs: number;
}

export type RefreshReport =
  | ({ readonly ok: true; readonly before: VersionInfo; readonly after: VersionInfo; readonly timings?: RefreshTimings } & KnowledgeDiff)
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

/**
 * One shard process's result of a refresh across shards (`shard/fleet.ts`), small and plain so
 * it crosses processes and hosts as JSON.
 */
export interface ShardRefresh {
  readonly shards: readonly number[];
  readonly ok: boolean;
  /** The version served after the refresh: the new one, or the old one kept. */
  readonly version: string;
  readonly problems: number;
}

export interface FleetReport {
  /** This shard's own report, with what changed. */
  readonly local: RefreshReport;
  /** Every shard that answered, this one included, in shard order. */
  readonly results: readonly ShardRefresh[];
  /** Shards of the bot that did not answer in time. */
  readonly missing: readonly number[];
}
