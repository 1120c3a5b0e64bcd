import { describe, expect, it } from 'vitest';
import { deriveKnowledge } from '../../../src/knowledge/derive/index.ts';
import { article } from './support.ts';

/** Deterministic pseudo-random text: letters, capitals, digits, punctuation, emoji, other scripts. */
function noise(seed: number, length: number): string {
  const pieces = ['A', 'b', 'Mr', 'Dr.', '’s', "'", '-', '—', '&', '(', ')', '“', '”', '"', ',', '.', '?', '5', '1.2bn', '£', '€', '%', ' ', ' ', ' ', 'Президент', '김정은', '🙂', '\u200b', 'of', 'the', 'CEO', 'Minister', 'said', 'X-Y', 'Ab-Cd'];
  let out = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += pieces[x % pieces.length];
  }
  return out;
}

describe('derivation on odd text', () => {
  it('never throws, and every mention is a verbatim slice of its sentence', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const a = article(`${noise(seed, 60)}\n\n${noise(seed * 7, 200)}. ${noise(seed * 13, 30)}\n`);
      const d = deriveKnowledge(a);
      for (const m of d.mentions) expect(a.passages.get(m.passageId)!.text.slice(m.start, m.end)).toBe(m.text);
      for (const f of d.facts) expect(f.id).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    }
  });

  it('derives nothing from an article without names or numbers', () => {
    const d = deriveKnowledge(article('it was a quiet day and nothing much happened at all.\n'));
    expect(d.facts).toEqual([]);
  });
});
