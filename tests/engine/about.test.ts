import { describe, expect, it } from 'vitest';
import { asksWhatItIsAbout } from '../../src/engine/about.ts';
import { ABOUT_ENTRY, buildEngine } from '../../src/engine/engine.ts';
import { words } from '../../src/engine/normalise.ts';
import { buildKnowledge } from '../../src/knowledge/loader.ts';

const ARTICLE = `---
title: Porthaven approves a new ferry terminal
---

Porthaven council has approved plans for a new ferry terminal beside the old fish market. The terminal will be built by Calder Marine. Work starts in May.

The harbour master, Ewan Rossi, signed the contract.
`;

const built = buildKnowledge({ 'article.md': ARTICLE });
if (!built.ok) throw new Error(JSON.stringify(built.problems));
const engine = buildEngine(built.knowledge);

describe('what the article is about, with nothing curated', () => {
  it.each(['what is this article about?', 'summary', 'tl;dr', 'whats the gist of the story', 'quick summary pls'])(
    'GIVEN "%s" THEN the title answers and the lead is quoted',
    (q) => {
      const a = engine.ask(q);
      expect(a.found).toBe(true);
      expect(a.answer).toBe('Porthaven approves a new ferry terminal.');
      expect(a.citations.map((c) => c.passageId)).toEqual(['p1.s1', 'p1.s2']);
    },
  );

  it('GIVEN a question about one thing in it THEN it is not taken for the whole article', () => {
    expect(asksWhatItIsAbout(words('what is the terminal about'))).toBe(false);
    expect(asksWhatItIsAbout(words('about'))).toBe(true);
    expect(asksWhatItIsAbout(words('what is the article'))).toBe(false);
    expect(asksWhatItIsAbout(words(''))).toBe(false);
  });
});

describe('what a dropped-in article offers before anyone curates it', () => {
  it('GIVEN no curated Q&A THEN /topics lists the article, then who and what it names', () => {
    const topics = engine.topics();
    expect(topics[0]).toEqual({ name: 'The article', questions: [{ id: ABOUT_ENTRY, question: 'What is the article about?' }] });
    const asked = topics.flatMap((t) => t.questions.map((q) => q.question));
    expect(asked).toContain('What is Calder Marine?');
  });

  it('GIVEN every question offered THEN its own entry answers it, with a quote', () => {
    const offered = [...engine.topics().flatMap((t) => t.questions), ...engine.complete(''), ...engine.ask('what is the weather').suggestions];
    expect(offered.length).toBeGreaterThan(2);
    for (const s of offered) {
      const a = engine.answerEntry(s.id);
      expect(a?.found, s.question).toBe(true);
      expect(a!.citations.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a question it declines THEN the suggestions start with what the article is about', () => {
    const a = engine.ask('what is the weather in lima today');
    expect(a.found).toBe(false);
    expect(a.suggestions[0]?.question).toBe('What is the article about?');
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
});
