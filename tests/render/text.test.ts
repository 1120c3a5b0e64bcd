import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/types.ts';
import { ANSI, PLAIN, quoted, renderJson, renderText } from '../../src/render/text.ts';

/** Terminal and `--jsonl` output of an answer, as the `ask` command prints it. */

const QUOTE = 'Putin had last visited North Korea in 2000.';

const FOUND: Answer = {
  question: 'when was putin last in north korea',
  found: true,
  answer: 'In 2000.',
  confidence: 0.93,
  citations: [
    { quote: QUOTE, passageId: 'p1.s5', paragraph: 1, sentence: 5 },
    { quote: 'The Russian delegation to Pyongyang could hardly be more impressive.', passageId: 'p4.s1', paragraph: 4, sentence: 1 },
  ],
  suggestions: [],
  entryId: 'last-visit',
};

const DECLINED: Answer = {
  question: 'did they sign a treaty',
  found: false,
  answer: "The article doesn't say: it never mentions \"treaty\".",
  confidence: 0.8,
  citations: [],
  suggestions: [
    { id: 'article-summary', question: 'What is the article about?' },
    { id: 'last-visit', question: 'When did Putin last visit North Korea?' },
  ],
};

describe('renderText', () => {
  it('shows the answer first, then each quote in curly quotes with its paragraph and sentence', () => {
    expect(renderText(FOUND)).toBe(
      [
        'In 2000.',
        '',
        `  “${QUOTE}”`,
        '    (paragraph 1, sentence 5)',
        '',
        '  “The Russian delegation to Pyongyang could hardly be more impressive.”',
        '    (paragraph 4, sentence 1)',
      ].join('\n'),
    );
  });

  it('lists the suggestions under "Questions I can answer:" on a decline, with no quote', () => {
    const out = renderText(DECLINED);
    expect(out).toBe(
      [
        "The article doesn't say: it never mentions \"treaty\".",
        '',
        'Questions I can answer:',
        '  - What is the article about?',
        '  - When did Putin last visit North Korea?',
      ].join('\n'),
    );
    expect(out).not.toContain('“');
  });

  it('lists suggestions next to a found answer as "Related:"', () => {
    const out = renderText({ ...FOUND, suggestions: [{ id: 'x', question: 'Who is Kim Jong Un?' }] });
    expect(out.endsWith('\nRelated:\n  - Who is Kim Jong Un?')).toBe(true);
  });

  it('puts a notice (such as "shortened") in brackets above the answer', () => {
    const out = renderText({ ...FOUND, notice: 'Your question was shortened.' });
    expect(out.split('\n').slice(0, 2)).toEqual(['(Your question was shortened.)', 'In 2000.']);
  });

  it('uses no escape codes in plain style, and bold and dim codes in ANSI style', () => {
    expect(renderText(FOUND, PLAIN)).not.toContain('\u001b[');
    const ansi = renderText(FOUND, ANSI);
    expect(ansi).toContain(`\u001b[1m${FOUND.answer}\u001b[22m`);
    expect(ansi).toContain('\u001b[2m    (paragraph 1, sentence 5)\u001b[22m');
    expect(ansi).toContain(`  “${QUOTE}”`);
  });
});

describe('renderText when the answer is the quote', () => {
  it('shows the sentence once, as the quote, with where it stands', () => {
    const out = renderText({ ...FOUND, answer: QUOTE, citations: [FOUND.citations[0]!] });
    expect(out).toBe([`“${QUOTE}”`, '  (paragraph 1, sentence 5)'].join('\n'));
    expect(out.split(QUOTE)).toHaveLength(2);
  });

  it('still shows the other quotes after it', () => {
    const out = renderText({ ...FOUND, answer: QUOTE });
    expect(out.split(QUOTE)).toHaveLength(2);
    expect(out).toContain('  “The Russian delegation to Pyongyang could hardly be more impressive.”');
  });
});

describe('quoted', () => {
  it('wraps a sentence in curly quotation marks', () => {
    expect(quoted('Putin had last visited North Korea in 2000.')).toBe('“Putin had last visited North Korea in 2000.”');
  });

  it('adds no second closing mark to a sentence that ends by quoting someone', () => {
    expect(quoted('Putin said, “Russia will support the D.P.R.K.”')).toBe('“Putin said, “Russia will support the D.P.R.K.”');
    expect(quoted('He said "yes."')).toBe('“He said "yes."');
  });
});

describe('renderJson', () => {
  it('has exactly the contract fields, citations without ids and suggestions as question strings', () => {
    const parsed = JSON.parse(renderJson(FOUND)) as Record<string, unknown>;
    expect(parsed).toEqual({
      question: 'when was putin last in north korea',
      found: true,
      answer: 'In 2000.',
      confidence: 0.93,
      citations: [
        { quote: QUOTE, paragraph: 1, sentence: 5 },
        { quote: 'The Russian delegation to Pyongyang could hardly be more impressive.', paragraph: 4, sentence: 1 },
      ],
      suggestions: [],
    });
    expect(Object.keys(parsed)).toEqual(['question', 'found', 'answer', 'confidence', 'citations', 'suggestions']);
  });

  it('gives a decline its suggestions as strings and no citations', () => {
    expect(JSON.parse(renderJson(DECLINED))).toEqual({
      question: 'did they sign a treaty',
      found: false,
      answer: "The article doesn't say: it never mentions \"treaty\".",
      confidence: 0.8,
      citations: [],
      suggestions: ['What is the article about?', 'When did Putin last visit North Korea?'],
    });
  });

  it('adds the notice only when there is one', () => {
    expect(JSON.parse(renderJson({ ...DECLINED, notice: 'shortened' }))).toMatchObject({ notice: 'shortened' });
    expect('notice' in JSON.parse(renderJson(DECLINED))).toBe(false);
  });

  it('is one line, however many lines the text has', () => {
    const out = renderJson({ ...FOUND, question: 'line one\nline two', answer: 'a\nb' });
    expect(out).not.toContain('\n');
    expect(JSON.parse(out)).toMatchObject({ question: 'line one\nline two', answer: 'a\nb' });
  });
});
