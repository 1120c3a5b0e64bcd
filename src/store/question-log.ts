import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cleanQuestion, words } from '../engine/normalise.ts';
import type { Answer } from '../engine/types.ts';
import { QUESTION_MAX_CHARS } from '../knowledge/limits.ts';
import type { Logger } from '../log.ts';
import type { UnansweredQuestion, VoteTally, WayIn } from '../render/gaps.ts';

// Declared with the page that shows them, below this layer; re-exported for the store's users.
export type { UnansweredQuestion, VoteTally, WayIn };

/**
 * The moderators' memory, in one SQLite file under DATA_DIR: the questions the bot declined or
 * answered unsure of itself, and the members' votes on answers.
 *
 * A reply never waits on this file and never fails because of it. Questions are queued in
 * memory and written after the reply has gone out, in one transaction; a locked file, a full
 * disk or a folder that cannot be written is logged (once until it recovers) and the queue is
 * dropped. The file is opened in WAL mode with a short busy timeout, so several bot processes
 * (shards) on one machine can share it.
 *
 * Privacy: no user id is stored unless `logUserIds` is set. Votes are still one per member per
 * answer: the member is stored as a keyed hash whose key lives only in this file.
 */

export const QUESTION_LOG_FILE = 'questions.sqlite';

/** An answer found below this confidence is logged as unsure, beside the declines. */
export const LOW_CONFIDENCE = 0.65;

export const STORE_LIMITS = Object.freeze({
  /** Questions waiting to be written; past this the oldest are dropped (the file is failing). */
  queue: 1000,
  /** Distinct questions kept; past this the ones seen longest ago go first. */
  questions: 10_000,
  /** Characters of a question kept as asked. */
  questionChars: QUESTION_MAX_CHARS,
  /** How long one write may wait for another process's lock before giving up. */
  busyTimeoutMs: 250,
  /** Between two attempts to open a file that could not be opened. */
  reopenAfterMs: 30_000,
});

export interface Asked {
  /** Absent in DMs and outside Discord. */
  readonly guildId?: string | null;
  readonly via: WayIn;
  readonly userId?: string;
}

export interface Vote {
  /** The answer message voted on. */
  readonly messageId: string;
  readonly entry: string;
  readonly userId: string;
  readonly guildId?: string | null;
  readonly up: boolean;
}

export type VoteResult = 'counted' | 'changed' | 'unchanged' | 'not-saved';

export interface QuestionLog {
  /** Queues the question when it was declined or answered unsure; never throws, never waits. */
  record(answer: Answer, asked: Asked): void;
  /** Writes what is queued now (normally done just after the reply). */
  flush(): void;
  /** Most asked first, then most recent. `guildId` undefined: every server; null: DMs and outside Discord. */
  unanswered(options?: { guildId?: string | null; limit?: number; offset?: number }): { total: number; questions: UnansweredQuestion[] };
  /** The question with this id (`UnansweredQuestion.id`), or undefined when it is no longer logged. */
  findUnanswered(options: { guildId?: string | null; id: string }): UnansweredQuestion | undefined;
  vote(vote: Vote): VoteResult;
  tallies(): VoteTally[];
  close(): void;
}

export interface QuestionLogOptions {
  readonly logUserIds?: boolean;
  readonly retentionDays?: number;
  readonly now?: () => Date;
  /** Tests write synchronously to see the outcome at once; the bot defers to after the reply. */
  readonly schedule?: (flush: () => void) => void;
}

/** A question's id: its key hashed to 16 characters, within a menu option's 100. */
export function questionId(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

/** The grouping key: the same words in the same order are the same question. */
export function normaliseQuestion(question: string): string {
  return words(cleanQuestion(question).text).join(' ');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unanswered (
  key TEXT NOT NULL,
  guild TEXT NOT NULL,
  via TEXT NOT NULL,
  question TEXT NOT NULL,
  count INTEGER NOT NULL,
  declined INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (key, guild, via)
);
CREATE INDEX IF NOT EXISTS unanswered_last_seen ON unanswered (last_seen);
CREATE TABLE IF NOT EXISTS askers (
  key TEXT NOT NULL,
  guild TEXT NOT NULL,
  user_id TEXT NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (key, guild, user_id)
);
CREATE TABLE IF NOT EXISTS votes (
  message_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  entry TEXT NOT NULL,
  guild TEXT NOT NULL,
  up INTEGER NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (message_id, voter)
);
`;

interface Pending {
  readonly key: string;
  readonly question: string;
  readonly guild: string;
  readonly via: WayIn;
  readonly declined: boolean;
  readonly at: number;
  readonly userId?: string;
}

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

function readUnanswered(
  d: Database.Database,
  guildId: string | null | undefined,
  limit: number,
  offset: number,
  key?: string,
): { total: number; questions: UnansweredQuestion[] } {
  const conditions = [...(guildId === undefined ? [] : ['guild = @guild']), ...(key === undefined ? [] : ['key = @key'])];
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const params = { guild: guildId ?? '', limit, offset, key: key ?? '' };
  const total = (d.prepare(`SELECT count(DISTINCT key) AS n FROM unanswered ${where}`).get(params) as { n: number }).n;
  // The phrasing shown is the first one seen; the grouping key is only for matching.
  const rows = d
    .prepare(
      `SELECT key, sum(count) AS count, sum(declined) AS declined, min(first_seen) AS first_seen,
              max(last_seen) AS last_seen, group_concat(DISTINCT via) AS vias,
              (SELECT question FROM unanswered AS first WHERE first.key = unanswered.key ORDER BY first_seen LIMIT 1) AS question
       FROM unanswered ${where} GROUP BY key
       ORDER BY count DESC, last_seen DESC, key LIMIT @limit OFFSET @offset`,
    )
    .all(params) as { key: string; question: string; count: number; declined: number; first_seen: number; last_seen: number; vias: string }[];
  return {
    total,
    questions: rows.map((r) => ({
      key: r.key,
      id: questionId(r.key),
      question: r.question,
      count: r.count,
      firstSeen: new Date(r.first_seen),
      lastSeen: new Date(r.last_seen),
      vias: r.vias.split(',') as WayIn[],
      reason: r.declined > 0 ? 'declined' : 'unsure',
    })),
  };
}

export function openQuestionLog(dataDir: string, log: Logger, options: QuestionLogOptions = {}): QuestionLog {
  const now = options.now ?? (() => new Date());
  const retentionMs = (options.retentionDays ?? 90) * DAY_MS;
  const logUserIds = options.logUserIds === true;
  const schedule = options.schedule ?? ((flush: () => void) => void setImmediate(flush));
  const path = join(dataDir, QUESTION_LOG_FILE);

  let db: Database.Database | undefined;
  let voterKey: Buffer | undefined;
  let failedAt: number | undefined;
  /** The last problem logged, so a failing file is reported once, not at every question. */
  let reported: string | undefined;
  let lastPrune = 0;
  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;

  function problem(what: string, error: unknown): void {
    const line = `${what} ${path}: ${describeError(error)}`;
    if (line !== reported) log.warn(`${line} (answers still go out; questions are not being logged)`);
    reported = line;
  }

  function recovered(): void {
    if (reported !== undefined) log.info(`question log ${path} is writable again`);
    reported = undefined;
  }

  /** The open database, or undefined while it cannot be opened (retried after a pause). */
  function database(): Database.Database | undefined {
    if (db !== undefined || closed) return db;
    if (failedAt !== undefined && now().getTime() - failedAt < STORE_LIMITS.reopenAfterMs) return undefined;
    let opened: Database.Database | undefined;
    try {
      mkdirSync(dataDir, { recursive: true });
      opened = new Database(path, { timeout: STORE_LIMITS.busyTimeoutMs });
      opened.pragma('journal_mode = WAL');
      opened.pragma('synchronous = NORMAL');
      opened.exec(SCHEMA);
      const row = opened.prepare('SELECT value FROM meta WHERE key = ?').get('voter-key') as { value: string } | undefined;
      if (row !== undefined) voterKey = Buffer.from(row.value, 'hex');
      else {
        const fresh = randomBytes(32);
        // Another process may have written its key first: keep whichever is there.
        opened.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('voter-key', fresh.toString('hex'));
        voterKey = Buffer.from((opened.prepare('SELECT value FROM meta WHERE key = ?').get('voter-key') as { value: string }).value, 'hex');
      }
      db = opened;
      failedAt = undefined;
      return db;
    } catch (error) {
      try {
        opened?.close();
      } catch {
        // Closing a half-opened file can fail too; nothing more to do.
      }
      failedAt = now().getTime();
      problem('cannot open the question log', error);
      return undefined;
    }
  }

  function prune(d: Database.Database, at: number): void {
    const cutoff = at - retentionMs;
    d.prepare('DELETE FROM unanswered WHERE last_seen < ?').run(cutoff);
    d.prepare('DELETE FROM askers WHERE last_seen < ?').run(cutoff);
    d.prepare(
      `DELETE FROM unanswered WHERE rowid IN (
         SELECT rowid FROM unanswered ORDER BY last_seen DESC LIMIT -1 OFFSET ?)`,
    ).run(STORE_LIMITS.questions);
    lastPrune = at;
  }

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const d = database();
    if (d === undefined) return;
    try {
      const upsert = d.prepare(
        `INSERT INTO unanswered (key, guild, via, question, count, declined, first_seen, last_seen)
         VALUES (@key, @guild, @via, @question, 1, @declined, @at, @at)
         ON CONFLICT (key, guild, via) DO UPDATE SET
           count = count + 1, declined = declined + excluded.declined,
           last_seen = max(last_seen, excluded.last_seen), first_seen = min(first_seen, excluded.first_seen)`,
      );
      const asker = d.prepare(
        `INSERT INTO askers (key, guild, user_id, last_seen) VALUES (?, ?, ?, ?)
         ON CONFLICT (key, guild, user_id) DO UPDATE SET last_seen = excluded.last_seen`,
      );
      const at = now().getTime();
      d.transaction(() => {
        for (const p of batch) {
          upsert.run({ key: p.key, guild: p.guild, via: p.via, question: p.question, declined: p.declined ? 1 : 0, at: p.at });
          if (logUserIds && p.userId !== undefined) asker.run(p.key, p.guild, p.userId, p.at);
        }
        if (at - lastPrune > PRUNE_EVERY_MS) prune(d, at);
      })();
      recovered();
    } catch (error) {
      problem(`could not write ${batch.length} question(s) to the question log`, error);
    }
  }

  function voterOf(userId: string): string {
    if (logUserIds) return userId;
    return createHmac('sha256', voterKey!).update(userId).digest('hex').slice(0, 32);
  }

  return {
    record(answer, asked) {
      try {
        if (closed || (answer.found && answer.confidence >= LOW_CONFIDENCE)) return;
        const key = normaliseQuestion(answer.question);
        if (key === '') return;
        const question = cleanQuestion(answer.question).text.slice(0, STORE_LIMITS.questionChars);
        if (queue.length >= STORE_LIMITS.queue) queue.shift();
        queue.push({
          key,
          question,
          guild: asked.guildId ?? '',
          via: asked.via,
          declined: !answer.found,
          at: now().getTime(),
          ...(asked.userId !== undefined && { userId: asked.userId }),
        });
        if (!scheduled) {
          scheduled = true;
          schedule(flush);
        }
      } catch (error) {
        log.warn('could not queue a question for the question log', error);
      }
    },

    flush,

    unanswered({ guildId, limit = 10, offset = 0 } = {}) {
      const d = database();
      if (d === undefined) return { total: 0, questions: [] };
      try {
        return readUnanswered(d, guildId, limit, offset);
      } catch (error) {
        problem('could not read', error);
        return { total: 0, questions: [] };
      }
    },

    findUnanswered({ guildId, id }) {
      const d = database();
      if (d === undefined) return undefined;
      try {
        const where = guildId === undefined ? '' : 'WHERE guild = @guild';
        const keys = d.prepare(`SELECT DISTINCT key FROM unanswered ${where}`).pluck().all({ guild: guildId ?? '' }) as string[];
        const key = keys.find((k) => questionId(k) === id);
        return key === undefined ? undefined : readUnanswered(d, guildId, 1, 0, key).questions[0];
      } catch (error) {
        problem('could not read', error);
        return undefined;
      }
    },

    vote({ messageId, entry, userId, guildId, up }) {
      const d = database();
      if (d === undefined) return 'not-saved';
      try {
        const voter = voterOf(userId);
        return d.transaction((): VoteResult => {
          const before = d.prepare('SELECT up FROM votes WHERE message_id = ? AND voter = ?').get(messageId, voter) as
            | { up: number }
            | undefined;
          if (before !== undefined && before.up === (up ? 1 : 0)) return 'unchanged';
          d.prepare(
            `INSERT INTO votes (message_id, voter, entry, guild, up, at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (message_id, voter) DO UPDATE SET up = excluded.up, at = excluded.at`,
          ).run(messageId, voter, entry, guildId ?? '', up ? 1 : 0, now().getTime());
          return before === undefined ? 'counted' : 'changed';
        })();
      } catch (error) {
        problem('could not save a vote in', error);
        return 'not-saved';
      }
    },

    tallies() {
      const d = database();
      if (d === undefined) return [];
      try {
        return d
          .prepare(`SELECT entry, sum(up) AS up, sum(1 - up) AS down FROM votes GROUP BY entry ORDER BY sum(1 - up) DESC, sum(up) DESC, entry`)
          .all() as VoteTally[];
      } catch (error) {
        problem('could not read the votes in', error);
        return [];
      }
    },

    close() {
      if (closed) return;
      flush();
      closed = true;
      try {
        db?.close();
      } catch (error) {
        log.warn('closing the question log failed', error);
      }
      db = undefined;
    },
  };
}
