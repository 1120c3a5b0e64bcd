import { readFile, writeFile } from 'node:fs/promises';
import { buildEngine } from '../src/engine/engine.ts';
import type { Engine } from '../src/engine/types.ts';
import { buildKnowledge, KNOWLEDGE_FILES, loadKnowledge } from '../src/knowledge/loader.ts';
import type { KnowledgeBase } from '../src/knowledge/types.ts';
import { generalisationSets, heldOut, shippedQuestions } from './bench-questions.ts';

/**
 * The engine's answers to every project question set (and their reworded variants), in a
 * compact form: `tests/engine/answer-snapshot.test.ts` holds the engine to them, so work on
 * speed cannot change an answer unnoticed. `npm run --silent bench:snapshot > tests/fixtures/answer-snapshot.json`
 * rewrites it: do so only when an answer is meant to change.
 */
export interface SnapshotLine {
  readonly q: string;
  readonly found: boolean;
  readonly entryId?: string;
  readonly cite: readonly string[];
  readonly answer: string;
  readonly confidence: number;
}

export type Snapshot = Record<string, SnapshotLine[]>;

function lineOf(engine: Engine, q: string): SnapshotLine {
  const a = engine.ask(q);
  return {
    q,
    found: a.found,
    ...(a.entryId ? { entryId: a.entryId } : {}),
    cite: a.citations.map((c) => c.passageId),
    answer: a.answer,
    confidence: a.confidence,
  };
}

export function dropInKnowledge(articleSource: string): KnowledgeBase {
  const result = buildKnowledge({
    [KNOWLEDGE_FILES.article]: articleSource,
    [KNOWLEDGE_FILES.qa]: 'entries: []\n',
    [KNOWLEDGE_FILES.facts]: 'entities: []\n',
    [KNOWLEDGE_FILES.concepts]: 'synonyms: []\n',
  });
  if (!result.ok) throw new Error(`drop-in article does not load: ${JSON.stringify(result.problems)}`);
  return result.knowledge;
}

export async function takeSnapshot(root = '.'): Promise<Snapshot> {
  const loaded = await loadKnowledge(`${root}/knowledge`);
  if (!loaded.ok) throw new Error('knowledge/ does not load');
  const shipped = buildEngine(loaded.knowledge);
  const snapshot: Snapshot = {};
  const questions = await shippedQuestions(root);
  snapshot.shipped = [...new Set([...questions, ...heldOut(questions, loaded.knowledge)])].map((q) => lineOf(shipped, q));
  for (const set of await generalisationSets(root)) {
    const kb = dropInKnowledge(await readFile(set.article, 'utf8'));
    const engine = buildEngine(kb);
    snapshot[set.slug] = [...new Set([...set.questions, ...heldOut(set.questions, kb)])].map((q) => lineOf(engine, q));
  }
  return snapshot;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  const text = `${JSON.stringify(await takeSnapshot(), null, 0).replace(/\],"/g, '],\n"').replace(/\},\{/g, '},\n{')}\n`;
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}
