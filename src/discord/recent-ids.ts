/**
 * Ids of events already handled, remembered for a while. Discord delivers an event again when a
 * session resumes behind the last event the bot handled, and a replayed interaction or message
 * must not be answered twice. Bounded both ways: an id is forgotten after `ttlMs`, and the oldest
 * ids go first once `capacity` are held, so memory stays flat however long the bot runs.
 */

export interface RecentIds {
  /** True the first time `id` is seen within the window; false for a repeat. */
  firstSight(id: string): boolean;
  readonly size: number;
}

export interface RecentIdsOptions {
  readonly capacity: number;
  readonly ttlMs: number;
  readonly now?: () => number;
}

/** Interaction tokens live 15 minutes; a replay after that cannot be answered anyway. */
export const RECENT_IDS_DEFAULTS = Object.freeze({ capacity: 50_000, ttlMs: 15 * 60 * 1000 });

export function createRecentIds(options: RecentIdsOptions = RECENT_IDS_DEFAULTS): RecentIds {
  const { capacity, ttlMs } = options;
  const now = options.now ?? Date.now;
  if (!(capacity >= 1) || !(ttlMs > 0)) throw new Error('recent ids: capacity must be >= 1 and ttlMs > 0');
  // A Map iterates in insertion order, so its first key is always the oldest.
  const seenAt = new Map<string, number>();

  function forgetExpired(at: number): void {
    for (const [id, time] of seenAt) {
      if (at - time < ttlMs) break;
      seenAt.delete(id);
    }
  }

  return {
    firstSight(id: string): boolean {
      const at = now();
      forgetExpired(at);
      if (seenAt.has(id)) return false;
      seenAt.set(id, at);
      if (seenAt.size > capacity) seenAt.delete(seenAt.keys().next().value as string);
      return true;
    },
    get size() {
      return seenAt.size;
    },
  };
}
