import { formatProblem } from '../engine/live.ts';
import { loadKnowledge } from '../knowledge/loader.ts';

/** `npm run knowledge:check [dir]`: every problem in the knowledge files, or a one-line summary. */
const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const result = await loadKnowledge(dir);
if (!result.ok) {
  process.stderr.write(`${dir}: ${result.problems.length} problem(s)\n`);
  for (const p of result.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
  process.exitCode = 1;
} else {
  const kb = result.knowledge;
  const phrasings = kb.qa.reduce((n, e) => n + e.questions.length, 0);
  process.stdout.write(
    `${dir}: ok, version ${kb.version}: ${kb.article.paragraphs.length} paragraphs, ${kb.article.sentences.length} sentences, ` +
      `${kb.qa.length} Q&A entries (${phrasings} phrasings), ${kb.facts.length} facts (${kb.derivedFactIds.size} derived from the article), ${kb.concepts.synonyms.length} synonym groups; ` +
      `every citation resolves and every quote is word for word in the article\n`,
  );
}
