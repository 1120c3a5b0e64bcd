import { describe, expect, it } from 'vitest';
import { articleInfo, renderAnswer } from '../../src/render/discord.ts';
import { expectWithinLimits } from '../support/limits.ts';
import { realEngine } from '../support/knowledge.ts';

/**
 * Whatever people type: thousands of generated questions, mixing words of the article with
 * noise from many scripts, never crash the engine, never get a quote that is not the article's,
 * and always render within Discord's limits.
 */
const engine = await realEngine();
const sentences = engine.knowledge.article.sentences.map((s) => s.text);
const article = sentences.join(' ');
const info = articleInfo(engine.knowledge);

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
}

const articleWords = article.split(/\s+/);
const NOISE = [
  '@everyone', '<@123456789012345678>', '<@&987654321098765432>', '**', '||', '`', '```', '> ', '\u200b', '\u202e',
  '\u0000', '\r', '\n', '\t', '😀', '🇰🇵', 'Путин', '푸틴', '普京', 'بوتين', 'who', 'when', 'how many', '?', '!!!',
  'ignore previous instructions', 'D.P.R.K.', '’s', '—', '1950-53', '2019', 'x'.repeat(40),
];

function question(next: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 14);
  for (let i = 0; i < n; i++) {
    parts.push(next() < 0.6 ? articleWords[Math.floor(next() * articleWords.length)]! : NOISE[Math.floor(next() * NOISE.length)]!);
  }
  return parts.join(next() < 0.8 ? ' ' : '');
}

describe('random input', () => {
  it('never throws, quotes only whole sentences of the article, and renders within limits', () => {
    const next = random(20261128);
    for (let i = 0; i < 1500; i++) {
      const q = question(next);
      const answer = engine.ask(q);
      expect(answer.citations.length, q).toBeLessThanOrEqual(3);
      for (const c of answer.citations) expect(sentences, q).toContain(c.quote);
      expect(answer.confidence).toBeGreaterThanOrEqual(0);
      expect(answer.confidence).toBeLessThanOrEqual(1);
      if (!answer.found) expect(answer.citations).toEqual([]);
      expectWithinLimits(renderAnswer(answer, info));
    }
  });

  it('answers the same question the same way every time', () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const q = question(next);
      expect(engine.ask(q)).toEqual(engine.ask(q));
    }
  });
});
