import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildEngine } from '../../src/engine/engine.ts';
import type { Answer, Engine } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';

/**
 * The project's own question sets, written the way people type in chat, with the passage each
 * answer must cite. They hold answer quality above a floor: raise the floors as quality rises.
 */
const SETS = [
  { file: 'tests/fixtures/questions.yaml', answerableFloor: 0.95, declineFloor: 0.88 },
  { file: 'tests/fixtures/questions-holdout.yaml', answerableFloor: 0.93, declineFloor: 0.85 },
  { file: 'tests/fixtures/questions-mixed.yaml', answerableFloor: 0.92, declineFloor: 0.82 },
  { file: 'tests/fixtures/questions-channel.yaml', answerableFloor: 0.93, declineFloor: 0.9 },
  { file: 'tests/fixtures/questions-forum.yaml', answerableFloor: 0.9, declineFloor: 0.76 },
] as const;

type Must = string | number | readonly (string | number)[];
interface AnswerableItem {
  q: string;
  cite: string[];
  must?: Must[];
}
interface QuestionSet {
  answerable: AnswerableItem[];
  unanswerable: { q: string }[];
}

let engine: Engine;
let article: string;

beforeAll(async () => {
  const loaded = await loadKnowledge('knowledge');
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  engine = buildEngine(loaded.knowledge);
  article = loaded.knowledge.article.sentences.map((s) => s.text).join(' ');
});

function containsWord(text: string, word: string): boolean {
  const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}

/** Why an answer to an answerable question is wrong, or undefined when it is right. */
function fault(item: AnswerableItem, answer: Answer): string | undefined {
  if (!answer.found) return 'declined';
  const cited = answer.citations.map((c) => `p${c.paragraph}.s${c.sentence}`);
  if (!cited.some((id) => item.cite.includes(id))) return `cited ${cited.join(', ') || 'nothing'}`;
  const text = [answer.answer, ...answer.citations.map((c) => c.quote)].join(' ');
  for (const must of item.must ?? []) {
    const options = (Array.isArray(must) ? must : [must]).map(String);
    if (!options.some((w) => containsWord(text, w))) return `missing ${options.join('|')}`;
  }
  return undefined;
}

describe.each(SETS)('the question set $file', ({ file, answerableFloor, declineFloor }) => {
  const set = parseYaml(readFileSync(file, 'utf8')) as QuestionSet;

  it('is answered correctly, citing the passage that says it, at least as often as the floor', () => {
    const failures = set.answerable
      .map((item) => ({ item, why: fault(item, engine.ask(item.q)) }))
      .filter((f) => f.why !== undefined);
    const share = 1 - failures.length / set.answerable.length;
    expect(share, failures.map((f) => `${f.item.q} -> ${f.why}`).join('\n')).toBeGreaterThanOrEqual(answerableFloor);
  });

  it('declines what the article does not say at least as often as the floor', () => {
    const answered = set.unanswerable.filter((item) => engine.ask(item.q).found);
    const share = 1 - answered.length / set.unanswerable.length;
    expect(share, answered.map((i) => i.q).join('\n')).toBeGreaterThanOrEqual(declineFloor);
  });

  it('never quotes anything but whole sentences of the article, at most three', () => {
    for (const item of [...set.answerable, ...set.unanswerable]) {
      const answer = engine.ask(item.q);
      expect(answer.citations.length).toBeLessThanOrEqual(3);
      for (const c of answer.citations) expect(article).toContain(c.quote);
    }
  });
});
