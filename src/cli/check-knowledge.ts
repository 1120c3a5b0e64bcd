import { formatProblem } from '../app/live.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { plural, problemReportLines, unusedConceptWarnings } from '../knowledge/report.ts';
import { folderProblem } from '../app/folder-problem.ts';
import { cliConfig } from './setup.ts';

/**
 * `npm run knowledge:check [dir]`: the first problems in the knowledge files and, last, one line
 * saying what happened and what to do; or a one-line summary of what loaded.
 * Without a dir it checks the folder the bot loads: KNOWLEDGE_DIR from the environment or `.env`.
 */
const dir = process.argv[2] ?? cliConfig('knowledge:check').knowledgeDir;
const missing = await folderProblem(dir, process.argv[2] !== undefined ? 'the folder given' : 'KNOWLEDGE_DIR');
const result = missing === undefined ? await loadKnowledge(dir) : undefined;
if (result === undefined) {
  process.stderr.write(`knowledge:check: ${missing}\n`);
  process.exitCode = 1;
} else if (!result.ok) {
  const lines = problemReportLines(result.problems, formatProblem, { summaryLast: true });
  process.stderr.write(`knowledge:check: ${dir} does not load:\n${lines.join('\n')}\n`);
  process.exitCode = 1;
} else {
  const kb = result.knowledge;
  const phrasings = kb.qa.reduce((n, e) => n + e.questions.length, 0);
  const warnings = unusedConceptWarnings(kb.concepts, kb.article);
  if (warnings.length > 0) process.stderr.write(`${problemReportLines(warnings, formatProblem, { summaryLast: true }).join('\n')}\n`);
  process.stdout.write(
    `${dir}: ok, version ${kb.version}: ${plural(kb.article.paragraphs.length, 'paragraph')}, ${plural(kb.article.sentences.length, 'sentence')}, ` +
      `${plural(kb.qa.length, 'Q&A entry', 'Q&A entries')} (${plural(phrasings, 'phrasing')}), ${plural(kb.facts.length, 'fact')} (${kb.derivedFactIds.size} derived from the article), ${plural(kb.concepts.synonyms.length, 'synonym group')}; ` +
      `every citation resolves and every quote is word for word in the article` +
      (warnings.length > 0 ? `; ${plural(warnings.length, 'warning')} above\n` : '\n'),
  );
}
