import type { LiveEngine, RefreshReport } from '../../src/engine/live-engine.ts';
import type { Answer, Engine, Suggestion, Topic } from '../../src/engine/types.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';

/** A hand-built Engine: deterministic answers, no knowledge files needed. */

export const TITLE = 'Putin writes in Rodong Sinmun ahead of his visit to Pyongyang';
export const LOADED_AT = new Date('2024-06-18T10:00:00.000Z');

export const QUOTE =
  'The Kremlin reported that it includes Foreign Minister Sergey Lavrov, First Deputy Prime Minister Denis Manturov, and space agency Roscosmos Director General Yuri Borisov.';

export function found(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    question,
    found: true,
    answer: 'Yuri Borisov is Director General of Roscosmos.',
    confidence: 0.9,
    citations: [{ quote: QUOTE, passageId: 'p4.s2', paragraph: 4, sentence: 2 }],
    suggestions: [],
    entryId: 'roscosmos-head',
    ...overrides,
  };
}

export const SUGGESTIONS: readonly Suggestion[] = [
  { id: 'last-visit', question: 'When did Putin last visit North Korea?' },
  { id: 'delegation', question: 'Who is in the Russian delegation to Pyongyang?' },
  { id: 'newspaper', question: "Which newspaper published Putin's article?" },
  { id: 'extra', question: 'What is Rodong Sinmun?' },
];

export function declined(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    question,
    found: false,
    answer: "The article doesn't say.",
    confidence: 0.1,
    citations: [],
    suggestions: SUGGESTIONS.slice(0, 3),
    ...overrides,
  };
}

export function fakeKnowledge(version = 'abc123def456'): KnowledgeBase {
  return {
    article: { meta: { title: TITLE }, paragraphs: [], sentences: [], passages: new Map() },
    qa: [],
    facts: [],
    derivedFactIds: new Set(),
    mentions: [],
    concepts: { synonyms: [], speech: [], opposites: [] },
    version,
    loadedAt: LOADED_AT,
  };
}

export interface FakeEngineOptions {
  readonly version?: string;
  readonly ask?: (question: string) => Answer;
  readonly entries?: Readonly<Record<string, Answer>>;
  readonly suggestions?: readonly Suggestion[];
  readonly topics?: readonly Topic[];
}

export function fakeEngine(options: FakeEngineOptions = {}): Engine {
  const suggestions = options.suggestions ?? SUGGESTIONS;
  const ask = options.ask ?? ((q: string) => (/roscosmos/i.test(q) ? found(q) : declined(q)));
  return {
    knowledge: fakeKnowledge(options.version),
    ask,
    explain: (q) => ({ rules: ask(q), candidates: [] }),
    answerEntry: (id) => options.entries?.[id],
    complete: (partial, limit = 25) =>
      suggestions.filter((s) => s.question.toLowerCase().includes(partial.trim().toLowerCase())).slice(0, limit),
    topics: () => options.topics ?? [{ name: 'The visit', questions: suggestions }],
  };
}

export function fakeLive(engine: Engine = fakeEngine(), refresh?: () => Promise<RefreshReport>): LiveEngine & { refreshes: number } {
  const live = {
    refreshes: 0,
    current: () => engine,
    async refresh(): Promise<RefreshReport> {
      live.refreshes++;
      if (refresh !== undefined) return refresh();
      const info = { version: engine.knowledge.version, loadedAt: engine.knowledge.loadedAt };
      return { ok: true, before: info, after: info, added: [], changed: [], removed: [] };
    },
  };
  return live;
}
