import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { folderProblem } from '../app/folder-problem.ts';
import { formatProblem } from '../app/live.ts';
import { KNOWLEDGE_FILES, loadKnowledge } from '../knowledge/loader.ts';
import { plural, problemReportLines } from '../knowledge/report.ts';
import { previewImport } from '../knowledge/import/preview.ts';
import { previewLines } from '../knowledge/import/preview-text.ts';
import { extractFrom } from '../knowledge/import/source.ts';
import { PREVIOUS_ARTICLE, restorePreviousArticle, writeArticle } from '../knowledge/import/store.ts';
import { cliConfig } from './setup.ts';

const USAGE = `usage: npm run knowledge:import -- <url | page.html | text.txt> [--yes]
       npm run knowledge:import -- --undo
fetches a page (or reads a saved page or a text file), extracts its article and shows what the
bot would answer from: title, length, first paragraph, the people, places and organisations in it.
  --yes    write it to KNOWLEDGE_DIR/article.md, keeping the current one as ${PREVIOUS_ARTICLE}
  --undo   put ${PREVIOUS_ARTICLE} back as article.md
Pages come only from public addresses, or from hosts listed in IMPORT_ALLOW_HOSTS.`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const fail = (line: string, code = 1) => {
  process.stderr.write(`knowledge:import: ${line}\n`);
  return code;
};

/** After a write: whether the bot will load the folder, and what to do when it will not. */
async function checkWritten(dir: string): Promise<number> {
  const loaded = await loadKnowledge(dir);
  if (loaded.ok) {
    const kb = loaded.knowledge;
    out(`${dir} loads: version ${kb.version}, ${plural(kb.article.paragraphs.length, 'paragraph')}, ${plural(kb.facts.length, 'fact')}. Run /refresh in Discord (or restart) to answer from it.`);
    return 0;
  }
  process.stderr.write(`knowledge:import: ${dir} does not load with the new article:\n`);
  process.stderr.write(`${problemReportLines(loaded.problems, formatProblem, { summaryLast: true }).join('\n')}\n`);
  process.stderr.write(
    'Curated files written for the previous article cite sentences or words the new one lacks: empty qa.yaml, facts.yaml and\n' +
      `concepts.yaml (README > Using another article), or put the previous article back with npm run knowledge:import -- --undo\n`,
  );
  return 1;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { yes: { type: 'boolean' }, undo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  if (parsed.values.help) {
    out(USAGE);
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  if ((input === undefined) !== (parsed.values.undo === true) || extra.length > 0) return fail(`give one address or file, or --undo alone\n${USAGE}`, 2);
  const config = cliConfig('knowledge:import');
  const dir = config.knowledgeDir;
  const missing = await folderProblem(dir, 'KNOWLEDGE_DIR');
  if (missing !== undefined) return fail(missing);

  if (parsed.values.undo) {
    const restored = await restorePreviousArticle(dir);
    if (!restored.ok) return fail(restored.reason);
    out(`Put the previous article back as ${join(dir, KNOWLEDGE_FILES.article)}; the one it replaced is now ${join(dir, PREVIOUS_ARTICLE)}.`);
    return checkWritten(dir);
  }

  const extracted = await extractFrom(input!, { allowHosts: config.importAllowHosts ?? [] });
  if (!extracted.ok) return fail(extracted.reason);
  const previewed = await previewImport(extracted.article);
  if (!previewed.ok) return fail(previewed.reason);
  for (const line of previewLines(previewed.preview)) out(line);
  out();
  const target = join(dir, KNOWLEDGE_FILES.article);
  if (!parsed.values.yes) {
    out(`Nothing written. To write it to ${target}, keeping the current one as ${PREVIOUS_ARTICLE}:`);
    out(`  npm run knowledge:import -- ${JSON.stringify(input)} --yes`);
    return 0;
  }
  const { backedUp } = await writeArticle(dir, previewed.preview.markdown);
  out(`Wrote ${target}${backedUp ? `; the previous one is ${join(dir, PREVIOUS_ARTICLE)} (npm run knowledge:import -- --undo puts it back)` : ''}.`);
  return checkWritten(dir);
}

process.exitCode = await main();
