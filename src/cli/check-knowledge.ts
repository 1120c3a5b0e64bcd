import { formatProblem } from '../app/live.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { folderProblem } from '../app/folder-problem.ts';
import { cliConfig } from './setup.ts';

/**
 * `npm run knowledge:check [dir]`: every problem in the knowledge files, or a one-line summary.
 * Without a dir it checks the folder the bot loads: KNOWLEDGE_DIR from the environment or `.env`.
 */
const dir = process.argv[2] ?? cliConfig('knowledge:check').knowledgeDir;
const missing = await folderProblem(dir, process.argv[2] !== undefined ? 'the folder given' : 'KNOWLEDGE_DIR');
const result = missing === undefined ? await loadKnowledge(dir) : undefined;
if (result === undefined) {
  process.stderr.write(`knowledge:check: ${missing}\n`);
  process.exitCode = 1;
} else if (!result.ok) {
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
