import { buildKnowledge } from '../../src/knowledge/loader.ts';
import { buildEngine } from '../../src/engine/engine.ts';
import type { Engine } from '../../src/engine/types.ts';
import { judge, normalizeEval, quoteHits } from './score.ts';
import type { EvalSet } from './sets.ts';
import type { Outcome } from './report.ts';

/** The engine a moderator gets by dropping the article in: no curated Q&A, facts or concepts. */
export function dropInEngine(set: Pick<EvalSet, 'name' | 'articleMd'>): Engine {
  const loaded = buildKnowledge({ 'article.md': set.articleMd });
  if (!loaded.ok) throw new Error(`${set.name}: ${loaded.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  return buildEngine(loaded.knowledge);
}

/** Asks every question of a set and judges each reply by the scorer's rules. */
export function runSet(set: EvalSet, engine: Engine = dropInEngine(set)): Outcome[] {
  const normArticle = normalizeEval(set.text);
  return set.items.map((item) => {
    const reply = engine.ask(item.q);
    // The retrieval half: the candidate the decision ranks first, answered or not.
    const best = item.answerable ? engine.explain(item.q).candidates[0] : undefined;
    return {
      set: set.name,
      item,
      found: reply.found,
      confidence: reply.confidence,
      verdict: judge(item, reply, normArticle),
      ...(item.answerable ? { retrieved: best !== undefined && quoteHits(item, best.quote) } : {}),
    };
  });
}
