import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { buildEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { join } from 'node:path';
import { toArray } from '../../src/engine/features.ts';
import { dropInEngine } from '../eval/run.ts';
import { quoteHits } from '../eval/score.ts';
import { findSetFolders, loadSet, type EvalSet } from '../eval/sets.ts';
import { roughen, seeded } from './roughen.ts';

/** One question as the decision saw it: its candidates' features and whether each holds the answer. */
export type Domain = 'squad' | 'chat' | 'curated';

export interface Example {
  readonly set: string;
  /** Articles cut from one source share a group, so folds never split them. */
  readonly group: string;
  readonly domain: Domain;
  readonly roughened: boolean;
  readonly answerable: boolean;
  readonly candidates: readonly { readonly x: readonly number[]; readonly hit: boolean }[];
}

/**
 * Where the fitting data is: SQuAD folders and the chat-style sets beside them. Left out, so
 * they stay held-out checks: the shipped article's shared dev set and the project's own
 * generalisation articles (tests/fixtures/generalisation), whose floors the tests hold.
 */
export function corpusSets(shared: string): { set: EvalSet; domain: 'squad' | 'chat'; group: string }[] {
  const out: { set: EvalSet; domain: 'squad' | 'chat'; group: string }[] = [];
  for (const dir of findSetFolders([join(shared, 'eval', 'squad')])) {
    const set = loadSet(dir);
    out.push({ set, domain: 'squad', group: set.name.replace(/-\d+$/, '') });
  }
  const chatDirs = findSetFolders([join(shared, 'eval', 'articles')]);
  for (const dir of chatDirs) {
    const set = loadSet(dir);
    out.push({ set, domain: 'chat', group: set.name });
  }
  return out;
}

/** sha256 over every article and question of the corpus, in order. */
export function corpusHash(sets: readonly { set: EvalSet }[], extra = ''): string {
  const h = createHash('sha256').update(extra);
  for (const { set } of sets) {
    h.update(set.name).update('\0').update(set.text).update('\0');
    for (const item of set.items) h.update(JSON.stringify(item)).update('\n');
  }
  return h.digest('hex');
}

interface CuratedItem {
  readonly q: string;
  readonly cite?: readonly string[];
}

/**
 * The shipped article with its curated knowledge and the project's own question sets about it,
 * which name the passages an answer must cite: how the decision should behave once a moderator
 * has curated.
 */
export async function curatedExamples(project: string): Promise<{ examples: Example[]; hash: string }> {
  const loaded = await loadKnowledge(join(project, 'knowledge'));
  if (!loaded.ok) throw new Error('the shipped knowledge does not load');
  const engine = buildEngine(loaded.knowledge);
  const files = readdirSync(join(project, 'tests', 'fixtures')).filter((f) => /^questions.*\.yaml$/.test(f)).sort();
  const h = createHash('sha256');
  const examples: Example[] = [];
  for (const file of files) {
    const text = readFileSync(join(project, 'tests', 'fixtures', file), 'utf8');
    h.update(text);
    const parsed = parseYaml(text) as { answerable?: CuratedItem[]; unanswerable?: CuratedItem[] };
    const items = [...(parsed.answerable ?? []).map((i) => ({ ...i, answerable: true })), ...(parsed.unanswerable ?? []).map((i) => ({ ...i, answerable: false }))];
    for (const item of items) {
      const { candidates } = engine.explain(item.q);
      examples.push({
        set: file,
        group: 'shipped-curated',
        domain: 'curated',
        roughened: false,
        answerable: item.answerable,
        candidates: candidates.map((c) => ({ x: toArray(c.features), hit: item.answerable && (item.cite ?? []).includes(c.passageId) })),
      });
    }
  }
  return { examples, hash: h.digest('hex') };
}

/** Every question (and, for SQuAD, a chat-style copy of it) with its candidates' features. */
export function collect(sets: readonly { set: EvalSet; domain: 'squad' | 'chat'; group: string }[], seed = 1): Example[] {
  const rand = seeded(seed);
  const out: Example[] = [];
  for (const { set, domain, group } of sets) {
    const engine = dropInEngine(set);
    for (const item of set.items) {
      const asked = [{ q: item.q, roughened: false }];
      if (domain === 'squad') asked.push({ q: roughen(item.q, rand), roughened: true });
      for (const { q, roughened } of asked) {
        const { candidates } = engine.explain(q);
        out.push({
          set: set.name,
          group,
          domain,
          roughened,
          answerable: item.answerable,
          candidates: candidates.map((c) => ({ x: toArray(c.features), hit: item.answerable && quoteHits(item, c.quote) })),
        });
      }
    }
  }
  return out;
}
