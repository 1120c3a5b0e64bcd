/**
 * npm run eval:agree -- SCORE_MJS PATH...: the project's scorer (tools/eval/score.ts) against
 * the shared score.mjs on the same replies. For every set folder under PATH it saves the
 * engine's replies, has score.mjs judge them, and exits 1 when any score line differs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJson } from '../src/render/text.ts';
import { dropInEngine } from './eval/run.ts';
import { scoreLine, scoreSet } from './eval/score.ts';
import { findSetFolders, loadSet } from './eval/sets.ts';

const [scorer, ...paths] = process.argv.slice(2);
if (!scorer || paths.length === 0) {
  process.stderr.write('usage: npm run eval:agree -- path/to/score.mjs PATH...\n');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'citebot-agree-'));
let differ = 0;
try {
  for (const dir of findSetFolders(paths)) {
    const set = loadSet(dir);
    const engine = dropInEngine(set);
    const answers = set.items.map((item) => engine.ask(item.q));
    const ours = scoreLine(scoreSet(set.items, answers, set.text));
    const replies = join(scratch, `${set.name}.jsonl`);
    const article = join(scratch, `${set.name}.txt`);
    const questions = join(scratch, `${set.name}.set.jsonl`);
    writeFileSync(replies, `${answers.map(renderJson).join('\n')}\n`);
    writeFileSync(article, set.text);
    writeFileSync(questions, `${set.items.map((i) => JSON.stringify(i)).join('\n')}\n`);
    const run = spawnSync(process.execPath, [scorer, '--article', article, '--set', questions, '--replies', replies, '--quiet'], { encoding: 'utf8' });
    const theirs = run.stdout.trim().split('\n').at(-1) ?? '';
    const same = theirs === ours;
    if (!same) differ++;
    process.stdout.write(`${same ? 'same' : 'DIFFERENT'}  ${set.name}: ${ours}${same ? '' : `\n      score.mjs: ${theirs}`}\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = differ > 0 ? 1 : 0;
