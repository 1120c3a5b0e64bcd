import { loadKnowledge } from '../src/knowledge/loader.ts';
import { buildEngine } from '../src/engine/engine.ts';
const k = await loadKnowledge('/work/main/knowledge');
if (!k.ok) throw new Error('x');
const e = buildEngine(k.knowledge);
for (const q of process.argv.slice(2)) {
  const ex = e.explain(q);
  console.log(q, '| rules:', ex.rules.found, ex.rules.answer.slice(0, 80));
  for (const c of ex.candidates.slice(0, 3)) {
    const f = c.features as Record<string, number>;
    console.log('  p=', c.probability.toFixed(3), c.quote.slice(0, 70), JSON.stringify({ cov: f.coverage, st: f.statesAskedFact, hw: f.holdsWantedFact, ra: f.rulesAnswered, rr: f.rulesRefused, cur: f.curatedKnowledge, sw: f.swappedWord }));
  }
}
