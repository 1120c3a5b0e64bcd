import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine, THRESHOLDS } from '../../src/engine/engine.ts';
import { DECLINE } from '../../src/engine/messages.ts';
import { MAX_QUESTION_CHARS } from '../../src/engine/normalise.ts';
import type { Answer } from '../../src/engine/types.ts';
import { articleBody, KNOWLEDGE_DIR, questionKey, realEngine, realKnowledge } from '../support/knowledge.ts';

const kb = await realKnowledge();
const engine = await realEngine();
const body = articleBody(await readFile(join(KNOWLEDGE_DIR, 'article.md'), 'utf8'));

/** Every phrasing curated in qa.yaml: the questions below are written fresh, not copied from there. */
const curated = new Set(kb.qa.flatMap((e) => e.questions.map(questionKey)));

function expectAnswered(question: string, passageId: string, keyWord: string | RegExp): Answer {
  const a = engine.ask(question);
  expect(a.found, `${question} -> ${a.answer}`).toBe(true);
  expect(a.citations.map((c) => c.passageId), question).toContain(passageId);
  expect(a.answer, question).toMatch(keyWord);
  expect(a.suggestions, question).toEqual([]);
  expect(a.confidence).toBeGreaterThanOrEqual(0);
  expect(a.confidence).toBeLessThanOrEqual(1);
  return a;
}

function expectDeclined(question: string): Answer {
  const a = engine.ask(question);
  expect(a.found, `${JSON.stringify(question).slice(0, 80)} -> ${a.answer.slice(0, 120)}`).toBe(false);
  expect(a.citations).toEqual([]);
  expect(a.entryId).toBeUndefined();
  expect(a.suggestions.length).toBeGreaterThanOrEqual(1);
  expect(a.suggestions.length).toBeLessThanOrEqual(THRESHOLDS.maxSuggestions);
  for (const s of a.suggestions) {
    const resolved = engine.answerEntry(s.id);
    expect(resolved, `suggestion ${s.id}`).toBeDefined();
    expect(resolved!.found).toBe(true);
    expect(resolved!.question).toBe(s.question);
  }
  return a;
}

/** The cases below, each a question a chat user might type, with the sentence and word the answer needs. */
const ANSWERED: ReadonlyArray<{ about: string; passage: string; word: RegExp; questions: readonly string[] }> = [
  {
    about: 'who runs Roscosmos',
    passage: 'p4.s2',
    word: /Borisov/,
    questions: ['so who actually runs roscosmos', "who's in charge of roscosmos?", "who's the roscosmos chief?", 'who heads the russian space agency'],
  },
  {
    about: 'who the defence minister is',
    passage: 'p4.s2',
    word: /Belousov/,
    questions: ["hey who's the defence minister", 'defense minister name pls', 'which guy is the defence minister in the delegation'],
  },
  {
    about: 'when Putin and Kim met',
    passage: 'p1.s4',
    word: /2023/,
    questions: ['when did kim and putin meet up', 'what year did putin meet kim jong un', 'so when did putin and kim last get together'],
  },
  {
    about: 'where Putin and Kim met',
    passage: 'p1.s4',
    word: /Vostochny/,
    questions: ['where did putin and kim meet last time', 'where did kim meet with putin?', 'wait where did kim and putin meet up?'],
  },
  {
    about: 'which paper published Putin',
    passage: 'p1.s1',
    word: /Rodong/,
    questions: ["what newspaper printed putin's article", 'what newspaper was it in', "which daily ran putin's thoughts?"],
  },
];

describe('questions written in chat style, none copied from qa.yaml', () => {
  it('are really not phrasings curated in qa.yaml', () => {
    const copied = ANSWERED.flatMap((c) => c.questions).filter((q) => curated.has(questionKey(q)));
    expect(copied).toEqual([]);
  });

  describe.each(ANSWERED)('asking $about', ({ passage, word, questions }) => {
    it.each(questions)(`"%s" is answered, citing ${passage}, with the name or date asked for`, (q) => {
      expectAnswered(q, passage, word);
    });
  });
});

describe('citations', () => {
  const multi = kb.qa.filter((e) => e.cite.length >= 2);

  it('some Q&A entries cite two or more sentences', () => {
    expect(multi.length).toBeGreaterThan(0);
  });

  it.each(multi.map((e) => [e.id, e] as const))('asking the question of %s quotes every sentence it cites', (_id, entry) => {
    const a = engine.ask(entry.questions[0]!);
    expect(a.found).toBe(true);
    expect(a.entryId).toBe(entry.id);
    expect(a.citations.length).toBeGreaterThanOrEqual(2);
    expect(a.citations.map((c) => c.passageId)).toEqual(entry.cite);
  });

  const everything = [
    ...kb.qa.flatMap((e) => e.questions),
    ...ANSWERED.flatMap((c) => c.questions),
    'tell me everything about putin kim lavrov roscosmos pyongyang and the delegation',
  ];

  it('never gives more than 3 citations, whatever is asked', () => {
    for (const q of everything) expect(engine.ask(q).citations.length, q).toBeLessThanOrEqual(3);
    for (const u of [...kb.qa, ...kb.facts]) expect(engine.answerEntry(u.id)!.citations.length, u.id).toBeLessThanOrEqual(3);
  });

  it('quotes only verbatim article text: each quote is the whole cited sentence, as the article file has it', () => {
    for (const q of everything) {
      for (const c of engine.ask(q).citations) {
        const passage = kb.article.passages.get(c.passageId);
        expect(passage?.sentence, `${q}: ${c.passageId}`).toBe(c.sentence);
        expect(passage?.paragraph).toBe(c.paragraph);
        expect(c.passageId).toBe(`p${c.paragraph}.s${c.sentence}`);
        expect(c.quote).toBe(passage!.text);
        expect(body).toContain(c.quote);
      }
    }
  });
});

describe('questions the article does not answer are declined, with suggestions that work', () => {
  it.each([
    "what's the weather in paris tomorrow",
    'who won the world cup',
    'recommend me a good pizza place',
    'did they sign a treaty',
    'did putin and kim sign a treaty?',
    'is shoigu in the delegation',
    'what did lavrov say about the trip',
    'did putin visit in 2015',
    'what did kim say about the visit',
  ])('"%s"', (q) => {
    const a = expectDeclined(q);
    expect(a.answer.startsWith("The article doesn't say")).toBe(true);
  });

  it('names the unknown word when the article never mentions it', () => {
    expect(expectDeclined('is shoigu in the delegation').answer).toContain('shoigu');
    expect(expectDeclined('did putin visit in 2015').answer).toContain('2015');
  });

  it('says whom the article does quote when asked what someone silent said', () => {
    const a = expectDeclined('what did lavrov say about the trip');
    expect(a.answer).toContain('Lavrov');
    expect(a.answer).toContain('Putin');
  });
});

describe('odd input is declined (or answered) without throwing', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '   \t \n  '],
    ['emoji only', '🚀🇷🇺😀👍🏽'],
    ['zero-width only', '\u200B\u200C\u200D\uFEFF'],
    ['control characters only', '\u0000\u0001\u0007\u001b\u007f'],
    ['a Discord mention only', '<@123456789012345678>'],
  ])('%s: declined with the prompt to ask about the article', (_name, q) => {
    expect(expectDeclined(q).answer).toBe(DECLINE.empty);
  });

  it.each([
    ['Arabic', 'ما هو الطقس اليوم في القاهرة؟'],
    ['Chinese', '今天北京的天气怎么样？'],
    ['Japanese', '東京の天気はどうですか'],
  ])('%s text: declined', (_name, q) => {
    expectDeclined(q);
  });

  it('control characters inside a real question are ignored', () => {
    expectAnswered('who\u0007 runs\u001b roscosmos\u007f', 'p4.s2', /Borisov/);
  });

  it('10,000 characters: handled fast, and the answer says the question was shortened', () => {
    for (const q of ['who runs roscosmos '.repeat(527).slice(0, 10_000), 'x'.repeat(10_000), 'lorem ipsum dolor sit amet '.repeat(371).slice(0, 10_000)]) {
      expect(q).toHaveLength(10_000);
      const started = performance.now();
      const a = engine.ask(q);
      expect(performance.now() - started).toBeLessThan(500);
      expect(a.notice).toMatch(/longer than 500 characters/);
      // The echoed question is capped too (an ellipsis may mark the cut).
      expect(a.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 1);
      expect(q.startsWith(a.question.replace(/…$/, ''))).toBe(true);
      expect(a.citations.length).toBeLessThanOrEqual(3);
    }
    expect(engine.ask('who runs roscosmos '.repeat(527)).citations[0]?.passageId).toBe('p4.s2');
  });

  it('a short question has no notice', () => {
    expect(engine.ask('who runs roscosmos').notice).toBeUndefined();
  });
});

describe('questions in Russian and Korean', () => {
  it.each([
    ['кто у них министр иностранных дел?', 'p4.s2', /Lavrov/],
    ['а кто министр обороны в делегации', 'p4.s2', /Belousov/],
    ['где встретились путин и ким', 'p1.s4', /Vostochny/],
    ['какая газета напечатала статью путина', 'p1.s1', /Rodong/],
    ['국방장관은 누구야?', 'p4.s2', /Belousov/],
    ['김정은은 누구야', 'p1.s4', /Kim Jong Un/],
    ['푸틴은 언제 김정은을 만났어', 'p1.s4', /2023/],
  ] as const)('"%s" is answered from %s', (q, passage, word) => {
    expect(curated.has(questionKey(q))).toBe(false);
    expectAnswered(q, passage, word);
  });
});

describe('determinism', () => {
  const questions = ['who runs roscosmos', 'is shoigu in the delegation', '', 'wher did putn meet kim', 'кто министр обороны'];

  it('gives deep-equal answers to the same question asked twice', () => {
    for (const q of questions) expect(engine.ask(q)).toEqual(engine.ask(q));
  });

  it('gives the same answers from a second engine built from the same knowledge', () => {
    const other = buildEngine(kb);
    for (const q of questions) expect(other.ask(q)).toEqual(engine.ask(q));
    expect(other.complete('rosc')).toEqual(engine.complete('rosc'));
  });
});

describe('the questions the bot itself offers', () => {
  it('every canonical question, asked as typed, is answered by its own Q&A entry', () => {
    // Autocomplete puts the canonical question in the box, and that text is what gets asked.
    const wrong = kb.qa
      .map((e) => [e.id, e.questions[0]!, engine.ask(e.questions[0]!).entryId] as const)
      .filter(([id, , got]) => got !== id)
      .map(([id, q, got]) => `${q} (${id}) -> ${got ?? 'declined'}`);
    expect(wrong).toEqual([]);
  });

  it('every canonical fact question is answered, quoting a sentence the fact cites', () => {
    for (const f of kb.facts) {
      const q = engine.answerEntry(f.id)!.question;
      const a = engine.ask(q);
      expect(a.found, q).toBe(true);
      expect(a.citations.some((c) => f.cite.includes(c.passageId)), q).toBe(true);
    }
  });

  it('no phrasing curated in qa.yaml is met with the prompt to ask a question', () => {
    const prompted = kb.qa.flatMap((e) => e.questions).filter((q) => engine.ask(q).answer === DECLINE.empty);
    expect(prompted).toEqual([]);
  });
});

describe('answerEntry', () => {
  it('is undefined for an unknown id', () => {
    expect(engine.answerEntry('no-such-entry')).toBeUndefined();
    expect(engine.answerEntry('')).toBeUndefined();
  });

  it('answers every Q&A and fact entry by id with its own answer and citations', () => {
    for (const e of [...kb.qa, ...kb.facts]) {
      const a = engine.answerEntry(e.id)!;
      expect(a.found).toBe(true);
      expect(a.entryId).toBe(e.id);
      expect(a.citations.map((c) => c.passageId)).toEqual(e.cite);
    }
  });
});

describe('complete', () => {
  const featured = kb.qa.filter((e) => e.featured).map((e) => e.id);

  it('offers the featured questions first for empty input, and at most 25', () => {
    expect(featured.length).toBeGreaterThan(0);
    const out = engine.complete('');
    expect(out.length).toBeLessThanOrEqual(25);
    expect(out.slice(0, featured.length).map((s) => s.id)).toEqual(featured);
  });

  it('respects a smaller limit', () => {
    expect(engine.complete('', 3)).toHaveLength(3);
    expect(engine.complete('putin', 2).length).toBeLessThanOrEqual(2);
  });

  it('finds a Roscosmos question from "rosc"', () => {
    const out = engine.complete('rosc');
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(25);
    expect(out.some((s) => /roscosmos/i.test(s.question))).toBe(true);
  });

  it('offers only questions that answerEntry resolves', () => {
    for (const partial of ['', 'rosc', 'who is', 'kim']) for (const s of engine.complete(partial)) expect(engine.answerEntry(s.id)).toBeDefined();
  });

  it('every canonical question fits a Discord autocomplete choice (100 characters)', () => {
    const long = [...kb.qa, ...kb.facts]
      .map((e) => engine.answerEntry(e.id)!.question)
      .filter((q) => q.length > 100);
    expect(long).toEqual([]);
  });
});

describe('topics', () => {
  it('groups every Q&A entry under exactly one topic, and no fact', () => {
    const topics = engine.topics();
    expect(topics.length).toBeGreaterThan(0);
    for (const t of topics) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.questions.length).toBeGreaterThan(0);
    }
    const ids = topics.flatMap((t) => t.questions.map((q) => q.id));
    expect([...ids].sort()).toEqual(kb.qa.map((e) => e.id).sort());
  });
});

describe('an acronym the article spells out', () => {
  it('GIVEN "what does X stand for" THEN the words it stands for, from the sentence that spells them out', async () => {
    const { spelledOut } = await import('../../src/engine/engine.ts');
    expect(spelledOut('It will become the Lakeshire Health Partnership (LHP) on 1 April.', 'lhp')).toBe('Lakeshire Health Partnership');
    expect(spelledOut('the Massachusetts Institute of Technology (MIT) was willing', 'MIT')).toBe('Massachusetts Institute of Technology');
    expect(spelledOut('The RCN (Royal College of Nursing) welcomed it.', 'rcn')).toBe('Royal College of Nursing');
    expect(spelledOut('It will become the Lakeshire Health Partnership (LHP) on 1 April.', 'nhs')).toBeUndefined();
  });
});
