import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Document, isMap, isSeq } from 'yaml';
import { formatProblem } from '../app/live.ts';
import { parseArticle } from '../knowledge/article.ts';
import { deriveKnowledge } from '../knowledge/derive/index.ts';
import { KNOWLEDGE_FILES, loadKnowledge } from '../knowledge/loader.ts';
import type { FactEntry } from '../knowledge/schema.ts';
import { folderProblem } from '../app/folder-problem.ts';
import { cliConfig } from './setup.ts';

const USAGE = `usage: npm run knowledge:derive [-- --all] [DIR]
prints, as facts.yaml entries, what the bot derives from DIR/article.md (default: KNOWLEDGE_DIR from the environment or .env, else knowledge)
  --all   also the facts that facts.yaml already covers (by default only those it adds)`;

/** Drops fields that only repeat the schema's defaults, so the entries read like hand-written ones. */
function compact(f: FactEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: f.id, kind: f.kind, name: f.name };
  if (f.aliases.length) out.aliases = f.aliases;
  if (f.role !== undefined) out.role = f.role;
  if (f.roleAliases.length) out.roleAliases = f.roleAliases;
  out.description = f.description;
  if (f.speaks) out.speaks = true;
  out.cite = f.cite;
  if (f.evidence?.length) out.evidence = f.evidence;
  return out;
}

export function derivedFactsYaml(facts: readonly FactEntry[], source: string): string {
  const doc = new Document({ entities: facts.map(compact) });
  doc.commentBefore =
    ` Derived from ${source} by \`npm run knowledge:derive\`: nothing here was checked by a person.\n` +
    ' Review every entry: keep what is right, correct what is not, delete the rest.\n' +
    ' Pasted into facts.yaml, an entry is curated and wins over what the bot derives;\n' +
    ' a derived fact that is wrong can also be hidden with `suppress: [its id or name]`.';
  const entities = isMap(doc.contents) ? doc.contents.get('entities', true) : undefined;
  if (isSeq(entities))
    for (const item of entities.items)
      if (isMap(item)) {
        item.commentBefore = ' derived: review';
        for (const pair of item.items) if (isSeq(pair.value)) pair.value.flow = true;
      }
  return doc.toString({ lineWidth: 0 });
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    process.stderr.write(`knowledge:derive: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = parsed.positionals[0] ?? cliConfig('knowledge:derive').knowledgeDir;
  const missing = await folderProblem(dir, parsed.positionals[0] !== undefined ? 'the folder given' : 'KNOWLEDGE_DIR');
  if (missing !== undefined) {
    process.stderr.write(`knowledge:derive: ${missing}\n`);
    return 1;
  }
  const path = join(dir, KNOWLEDGE_FILES.article);
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (err) {
    process.stderr.write(`knowledge:derive: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const article = parseArticle(source, path);
  if (!article.ok) {
    for (const p of article.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    return 1;
  }
  let facts = deriveKnowledge(article.article).facts;
  if (!parsed.values.all) {
    // Only what the bot adds to the curated facts: the rest is already in facts.yaml.
    const loaded = await loadKnowledge(dir);
    if (loaded.ok) facts = loaded.knowledge.facts.filter((f) => loaded.knowledge.derivedFactIds.has(f.id));
    else process.stderr.write(`knowledge:derive: ${dir} does not load (run npm run knowledge:check); printing every derived fact\n`);
  }
  process.stdout.write(derivedFactsYaml(facts, path));
  return 0;
}

process.exitCode = await main();
