/**
 * npm run model:fit [-- --shared ../shared] [--write]: fits the engine's decision on the SQuAD
 * corpus, the chat-style sets and the project's own, with chat-style copies of the SQuAD
 * questions; compares logistic regression with small boosted trees by cross-validation over
 * articles (folds never split one source), reports only held-out articles, and with --write
 * stores the better one in src/engine/decision-model.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES } from '../src/engine/features.ts';
import type { DecisionModel } from '../src/engine/model.ts';
import { collect, corpusHash, corpusSets, curatedExamples, type Example } from './fit/corpus.ts';
import { candidateRecall, fitPair, crossValidate, type Kind, type Report } from './fit/fit.ts';

/** Features removed together in the ablation: a rule and its variants stand or fall as one. */
const ABLATION_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['coverage', ['coverage', 'coverageDirect', 'coverageStrong', 'eventMatched', 'coverageMargin', 'topByCoverage', 'missingHeaviest', 'pairShare']],
  ['swapped words', ['swappedWord', 'swappedAtEdge']],
  ['bm25', ['bm25Share', 'bm25Relative', 'bm25Margin', 'topByBm25']],
  ['absent names', ['namesAbsentFromArticle', 'namesAbsentHere', 'unknownShare']],
  ['answer type', ['wantsFact', 'holdsWantedFact', 'statesAskedFact', 'othersAskedNoneHere', 'asksWho', 'asksWhen', 'asksWhere', 'asksHowMany', 'asksWhy', 'asksHow', 'asksWhich', 'asksYesNo']],
  ['negation', ['negatedQuestion', 'negatedSentence', 'negationMismatch', 'opposite']],
  ['rule layers', ['rulesAnswered', 'rulesCiteThis', 'rulesConfidence', 'rulesRefused', 'rulesStatedFact', 'curatedKnowledge']],
  ['sentence shape', ['sentenceLength', 'questionLength', 'novelShare', 'firstSentence', 'opensWithPronoun']],
];

const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: join(process.cwd(), '..', 'shared') },
    write: { type: 'boolean' },
    ablate: { type: 'boolean' },
    folds: { type: 'string', default: '5' },
    kind: { type: 'string' },
    cache: { type: 'string' },
  },
});
const shared = resolve(values.shared!);
const started = performance.now();
const sets = corpusSets(shared);
// --cache FILE keeps the collected features between runs while only the fitting changes.
const cached = values.cache && existsSync(values.cache) ? (JSON.parse(readFileSync(values.cache, 'utf8')) as { examples: Example[]; curatedHash: string }) : undefined;
const curated = cached ? { examples: [], hash: cached.curatedHash } : await curatedExamples(process.cwd());
const examples: Example[] = cached?.examples ?? [...collect(sets), ...curated.examples];
if (values.cache && !cached) writeFileSync(values.cache, JSON.stringify({ examples, curatedHash: curated.hash }));
process.stdout.write(`${sets.length} articles, ${examples.length} questions (with chat-style copies) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

const recall = candidateRecall(examples);
process.stdout.write(`answer among the candidates: squad ${recall.squad!.toFixed(3)}, chat ${recall.chat!.toFixed(3)}\n`);
const folds = Number(values.folds);
const line = (name: string, r: Report): string =>
  `${name.padEnd(28)} squad ${r.squad.toFixed(3)} (answerable ${r.squadAnswerable.toFixed(3)}, unanswerable ${r.squadUnanswerable.toFixed(3)})  chat ${r.chat.toFixed(3)}  curated ${r.curated.toFixed(3)}  ece ${r.ece.toFixed(3)}  threshold ${r.threshold.toFixed(2)}  second ${r.second}`;

const kinds: readonly Kind[] = values.kind === 'logistic' || values.kind === 'trees' ? [values.kind] : ['logistic', 'trees'];
const reports = kinds.map((kind) => ({ kind, report: crossValidate(examples, kind, folds) }));
for (const { kind, report } of reports) {
  process.stdout.write(`${line(`held out, ${kind}`, report)}\n`);
  for (const [set, accuracy] of Object.entries(report.perSet)) process.stdout.write(`    ${set.padEnd(36)} ${accuracy.toFixed(3)}\n`);
}

if (values.ablate) {
  const groups = new Map<string, number[]>();
  FEATURE_NAMES.forEach((name, i) => {
    const group = ABLATION_GROUPS.find(([, names]) => names.includes(name))?.[0] ?? name;
    groups.set(group, [...(groups.get(group) ?? []), i]);
  });
  const kind = kinds[0]!;
  const base = reports[0]!.report;
  process.stdout.write(`ablation (${kind}): the held-out change when a group of features is left out\n`);
  for (const [group, drop] of groups) {
    const masked = examples.map((e) => ({ ...e, candidates: e.candidates.map((c) => ({ ...c, x: c.x.map((v, i) => (drop.includes(i) ? 0 : v)) })) }));
    const r = crossValidate(masked, kind, folds);
    process.stdout.write(`without ${group.padEnd(20)} squad ${(r.squad - base.squad).toFixed(3)}  chat ${(r.chat - base.chat).toFixed(3)}  curated ${(r.curated - base.curated).toFixed(3)}\n`);
  }
}

const score = (r: Report) => (r.squad + r.chat) / 2;
const chosen = reports.reduce((a, b) => (score(b.report) > score(a.report) ? b : a));
process.stdout.write(`kept: ${chosen.kind}\n`);
if (values.write) {
  const fitted = fitPair(examples, chosen.kind);
  const model: DecisionModel = { ranker: fitted.ranker, decider: fitted.decider, calibration: chosen.report.calibration, threshold: chosen.report.threshold, second: chosen.report.second, corpus: corpusHash(sets, curated.hash) };
  writeFileSync(join(process.cwd(), 'src', 'engine', 'decision-model.json'), `${JSON.stringify(model, null, 1)}\n`);
  process.stdout.write('wrote src/engine/decision-model.json\n');
}

