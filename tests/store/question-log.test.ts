import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/types.ts';
import { createLogger } from '../../src/log.ts';
import {
  LOW_CONFIDENCE,
  normaliseQuestion,
  openQuestionLog,
  QUESTION_LOG_FILE,
  type QuestionLog,
  type QuestionLogOptions,
} from '../../src/store/question-log.ts';

/** The question log and the votes, against a real SQLite file in a temporary folder. */

const GUILD = '123456789012345678';
const OTHER_GUILD = '223456789012345678';
const USER = '323456789012345678';

function declined(question: string): Answer {
  return { question, found: false, answer: "The article doesn't say.", confidence: 0.9, citations: [], suggestions: [] };
}

function found(question: string, confidence: number): Answer {
  return {
    question,
    found: true,
    answer: 'Yuri Borisov.',
    confidence,
    citations: [{ quote: 'q', passageId: 'p4.s2', paragraph: 4, sentence: 2 }],
    suggestions: [],
    entryId: 'roscosmos-head',
  };
}

let dir: string;
let lines: string[];
let clock: number;
const open: QuestionLog[] = [];

function questionLog(options: QuestionLogOptions = {}, dataDir = dir): QuestionLog {
  const log = createLogger({ level: 'info', format: 'pretty', write: (line) => lines.push(line) });
  const q = openQuestionLog(dataDir, log, { schedule: (flush) => flush(), now: () => new Date(clock), ...options });
  open.push(q);
  return q;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-data-'));
  lines = [];
  clock = Date.UTC(2026, 5, 14, 12, 0, 0);
});

afterEach(async () => {
  for (const q of open.splice(0)) q.close();
  await rm(dir, { recursive: true, force: true });
});

describe('normaliseQuestion', () => {
  it('groups phrasings that differ in case, spacing, punctuation, mentions and markdown', () => {
    expect(normaliseQuestion('Did they sign a TREATY??')).toBe('did they sign a treaty');
    expect(normaliseQuestion('<@123456789012345678>  did they **sign** a treaty')).toBe('did they sign a treaty');
    expect(normaliseQuestion("what's putin's plan")).toBe(normaliseQuestion('What’s Putin’s plan!!'));
  });
});

describe('the question log', () => {
  it('keeps each declined question once, with its count, first and last seen, server and way in', () => {
    const q = questionLog();
    q.record(declined('Did they sign a treaty?'), { guildId: GUILD, via: 'slash' });
    clock += 60_000;
    q.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'mention' });
    q.record(declined('what is putins favourite food'), { guildId: GUILD, via: 'slash' });
    const { total, questions } = q.unanswered({ guildId: GUILD });
    expect(total).toBe(2);
    expect(questions[0]).toMatchObject({
      key: 'did they sign a treaty',
      question: 'Did they sign a treaty?',
      count: 2,
      firstSeen: new Date(Date.UTC(2026, 5, 14, 12, 0, 0)),
      lastSeen: new Date(Date.UTC(2026, 5, 14, 12, 1, 0)),
      reason: 'declined',
    });
    expect([...questions[0]!.vias].sort()).toEqual(['mention', 'slash']);
    expect(questions[1]).toMatchObject({ question: 'what is putins favourite food', count: 1 });
  });

  it('logs an answer below the confidence bar as unsure, and a confident one not at all', () => {
    const q = questionLog();
    q.record(found('who runs the space thing', LOW_CONFIDENCE - 0.01), { guildId: GUILD, via: 'slash' });
    q.record(found('who runs roscosmos', 1), { guildId: GUILD, via: 'slash' });
    const { questions } = q.unanswered();
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ question: 'who runs the space thing', reason: 'unsure' });
  });

  it("shows a server only its own questions; DMs are kept apart from every server", () => {
    const q = questionLog();
    q.record(declined('mine'), { guildId: GUILD, via: 'slash' });
    q.record(declined('theirs'), { guildId: OTHER_GUILD, via: 'slash' });
    q.record(declined('private'), { guildId: null, via: 'dm' });
    expect(q.unanswered({ guildId: GUILD }).questions.map((x) => x.question)).toEqual(['mine']);
    expect(q.unanswered({ guildId: null }).questions.map((x) => x.question)).toEqual(['private']);
    expect(q.unanswered().total).toBe(3);
  });

  it('pages most asked first', () => {
    const q = questionLog();
    for (let i = 0; i < 12; i++) for (let n = 0; n <= i; n++) q.record(declined(`question number ${i}`), { guildId: GUILD, via: 'slash' });
    const first = q.unanswered({ guildId: GUILD, limit: 5 });
    const second = q.unanswered({ guildId: GUILD, limit: 5, offset: 5 });
    expect(first.total).toBe(12);
    expect(first.questions.map((x) => x.count)).toEqual([12, 11, 10, 9, 8]);
    expect(second.questions.map((x) => x.count)).toEqual([7, 6, 5, 4, 3]);
  });

  it('stores no user id unless LOG_USER_IDS is on', () => {
    const q = questionLog();
    q.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash', userId: USER });
    q.vote({ messageId: '423456789012345678', entry: 'x', userId: USER, guildId: GUILD, up: true });
    q.close();
    const raw = new Database(join(dir, QUESTION_LOG_FILE), { readonly: true });
    const everything = JSON.stringify([
      raw.prepare('SELECT * FROM unanswered').all(),
      raw.prepare('SELECT * FROM askers').all(),
      raw.prepare('SELECT * FROM votes').all(),
    ]);
    raw.close();
    expect(everything).toContain('did they sign a treaty');
    expect(everything).not.toContain(USER);

    const withIds = questionLog({ logUserIds: true });
    withIds.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash', userId: USER });
    withIds.close();
    const again = new Database(join(dir, QUESTION_LOG_FILE), { readonly: true });
    expect(again.prepare('SELECT user_id FROM askers').all()).toEqual([{ user_id: USER }]);
    again.close();
  });

  it('forgets questions not asked within the retention period', () => {
    const q = questionLog({ retentionDays: 30 });
    q.record(declined('old question'), { guildId: GUILD, via: 'slash' });
    clock += 31 * 86_400_000;
    q.record(declined('new question'), { guildId: GUILD, via: 'slash' });
    expect(q.unanswered().questions.map((x) => x.question)).toEqual(['new question']);
  });

  it('survives a restart: a new process reads what the old one wrote', () => {
    const first = questionLog();
    first.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash' });
    first.close();
    const second = questionLog();
    second.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash' });
    expect(second.unanswered().questions[0]).toMatchObject({ count: 2 });
  });

  it('lets two processes (shards) write the same file: WAL, and each waits briefly for the other', () => {
    const a = questionLog();
    const b = questionLog();
    for (let i = 0; i < 20; i++) {
      a.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash' });
      b.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'mention' });
    }
    expect(a.unanswered().questions[0]).toMatchObject({ count: 40 });
    const raw = new Database(join(dir, QUESTION_LOG_FILE), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('writes after the reply by default: recording only queues', async () => {
    const log = createLogger({ level: 'info', format: 'pretty', write: (line) => lines.push(line) });
    const q = openQuestionLog(dir, log);
    open.push(q);
    q.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash' });
    expect(q.unanswered().total).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(q.unanswered().total).toBe(1);
  });
});

describe('the question log when the file cannot be written', () => {
  it('a file locked by another process: the question is dropped, one warning is logged, nothing throws, and it recovers', () => {
    const q = questionLog();
    q.record(declined('first'), { guildId: GUILD, via: 'slash' });
    const locker = new Database(join(dir, QUESTION_LOG_FILE));
    locker.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    expect(() => {
      q.record(declined('while locked'), { guildId: GUILD, via: 'slash' });
      q.record(declined('still locked'), { guildId: GUILD, via: 'slash' });
    }).not.toThrow();
    // Each write waits at most the busy timeout, never indefinitely.
    expect(Date.now() - started).toBeLessThan(2_000);
    const warnings = lines.filter((l) => l.includes('WARN'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not write 1 question\(s\) to the question log .*questions\.sqlite: SQLITE_BUSY/);
    expect(warnings[0]).toContain('answers still go out');
    locker.exec('ROLLBACK');
    locker.close();

    q.record(declined('after'), { guildId: GUILD, via: 'slash' });
    expect(lines.some((l) => l.includes('writable again'))).toBe(true);
    expect(q.unanswered().questions.map((x) => x.question).sort()).toEqual(['after', 'first']);
  });

  it('a DATA_DIR that cannot be created: questions and votes are dropped with one warning, reads are empty', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const q = questionLog({}, join(blocker, 'data'));
    expect(() => q.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash' })).not.toThrow();
    expect(q.vote({ messageId: '423456789012345678', entry: 'x', userId: USER, up: true })).toBe('not-saved');
    expect(q.unanswered()).toEqual({ total: 0, questions: [] });
    expect(q.tallies()).toEqual([]);
    const warnings = lines.filter((l) => l.includes('WARN'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot open the question log .*a-file\/data\/questions\.sqlite: (ENOTDIR|EEXIST)/);
  });

  it('a database file that is not SQLite: logged, and answering goes on', async () => {
    await writeFile(join(dir, QUESTION_LOG_FILE), 'this is not a database, just text that is long enough to be read as a header');
    const q = questionLog();
    expect(() => q.record(declined('did they sign a treaty'), { guildId: GUILD, via: 'slash' })).not.toThrow();
    expect(lines.filter((l) => l.includes('WARN'))[0]).toMatch(/cannot open the question log .*(SQLITE_NOTADB|not a database)/);
  });
});

describe('votes', () => {
  const MESSAGE = '523456789012345678';

  it('counts one vote per member per answer; a second press changes it, the same press changes nothing', () => {
    const q = questionLog();
    expect(q.vote({ messageId: MESSAGE, entry: 'roscosmos-head', userId: USER, guildId: GUILD, up: true })).toBe('counted');
    expect(q.vote({ messageId: MESSAGE, entry: 'roscosmos-head', userId: USER, guildId: GUILD, up: true })).toBe('unchanged');
    expect(q.tallies()).toEqual([{ entry: 'roscosmos-head', up: 1, down: 0 }]);
    expect(q.vote({ messageId: MESSAGE, entry: 'roscosmos-head', userId: USER, guildId: GUILD, up: false })).toBe('changed');
    expect(q.tallies()).toEqual([{ entry: 'roscosmos-head', up: 0, down: 1 }]);
  });

  it('adds up votes of different members and answers per entry, the most disliked first', () => {
    const q = questionLog();
    q.vote({ messageId: MESSAGE, entry: 'a', userId: USER, up: true });
    q.vote({ messageId: MESSAGE, entry: 'a', userId: '623456789012345678', up: true });
    q.vote({ messageId: '723456789012345678', entry: 'a', userId: USER, up: false });
    q.vote({ messageId: '823456789012345678', entry: 'b', userId: USER, up: false });
    q.vote({ messageId: '823456789012345678', entry: 'b', userId: '623456789012345678', up: false });
    expect(q.tallies()).toEqual([
      { entry: 'b', up: 0, down: 2 },
      { entry: 'a', up: 2, down: 1 },
    ]);
  });

  it('still knows a member after a restart, without storing their id', () => {
    questionLog().vote({ messageId: MESSAGE, entry: 'a', userId: USER, up: true });
    expect(questionLog().vote({ messageId: MESSAGE, entry: 'a', userId: USER, up: true })).toBe('unchanged');
  });
});
