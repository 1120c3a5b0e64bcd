import type { FactEntry } from '../schema.ts';
import type { Article, Mention } from '../types.ts';
import { COUNTRIES } from './cues.ts';
import { gatherEntities, type Entity, type Located } from './entities.ts';
import { nameKey } from './merge.ts';
import { entityFact, uniqueId } from './facts.ts';
import { ADJECTIVE_COUNTRY, findNames } from './names.ts';
import { findNumbers } from './numbers.ts';
import { tagSentence, type TaggedSentence } from './tagger.ts';

/**
 * Knowledge derived from the article alone: who and what it names, with the sentences that
 * name them, and every date, count, amount and percentage it states. Pure; curated files
 * refine it (see `mergeFacts`).
 */

export interface DerivedKnowledge {
  readonly facts: readonly FactEntry[];
  readonly mentions: readonly Mention[];
}

const SPEECH_PRONOUN = /^(he|she)$/i;

/** "he said": the speaker is the person named last before it. */
function pronounSpeakers(sentences: readonly { passageId: string; tagged: TaggedSentence }[], located: readonly Located[], resolved: Map<Located, Entity>): void {
  let last: Entity | undefined;
  const byPassage = new Map<string, Located[]>();
  for (const at of located) byPassage.set(at.passageId, [...(byPassage.get(at.passageId) ?? []), at]);
  for (const { passageId, tagged } of sentences) {
    const here = byPassage.get(passageId) ?? [];
    const tokens = tagged.tokens;
    tokens.forEach((t, i) => {
      if (!SPEECH_PRONOUN.test(t.text)) return;
      const verb = tokens.slice(i + 1, i + 3).find((v) => v.pos === 'VERB');
      if (!verb || !/^(say|tell|write|add|explain|state)$/.test(verb.lemma)) return;
      const before = here.filter((at) => at.candidate.end <= t.start && resolved.get(at)?.kind === 'person').at(-1);
      const speaker = before ? resolved.get(before) : last;
      if (speaker) speaker.speaks = true;
    });
    for (const at of here) if (resolved.get(at)?.kind === 'person') last = resolved.get(at);
  }
}

/** The country a paragraph is about, for "Foreign Minister" in a paragraph on "the Russian delegation". */
function paragraphCountries(sentences: readonly { paragraph: number; tagged: TaggedSentence }[]): Map<number, string> {
  const out = new Map<number, string>();
  const names = new Map(COUNTRIES.map((c) => [c.name.toLowerCase(), c.name]));
  for (const { paragraph, tagged } of sentences) {
    if (out.has(paragraph)) continue;
    for (const [i, t] of tagged.tokens.entries()) {
      const pair = `${t.text} ${tagged.tokens[i + 1]?.text ?? ''}`.toLowerCase();
      const c = ADJECTIVE_COUNTRY.get(pair) ?? names.get(pair) ?? ADJECTIVE_COUNTRY.get(t.text.toLowerCase()) ?? names.get(t.text.toLowerCase());
      if (c) {
        out.set(paragraph, c);
        break;
      }
    }
  }
  return out;
}

/** Two people called Price: "Price" names neither, so neither keeps it as an alias. */
function dropSharedAliases(facts: FactEntry[]): void {
  const owners = new Map<string, Set<string>>();
  for (const f of facts) for (const a of [f.name, ...f.aliases]) owners.set(nameKey(a), (owners.get(nameKey(a)) ?? new Set()).add(f.id));
  facts.forEach((f, i) => {
    const aliases = f.aliases.filter((a) => owners.get(nameKey(a))!.size === 1);
    if (aliases.length !== f.aliases.length) facts[i] = { ...f, aliases };
  });
}

export function deriveKnowledge(article: Pick<Article, 'sentences'>): DerivedKnowledge {
  const sentences = article.sentences.map((s) => ({ passageId: s.id, paragraph: s.paragraph, text: s.text, tagged: tagSentence(s.text) }));
  const located: Located[] = [];
  const numeric: Mention[] = [];
  for (const s of sentences) {
    for (const candidate of findNames(s.tagged)) located.push({ passageId: s.passageId, paragraph: s.paragraph, candidate, sentence: s.text });
    for (const n of findNumbers(s.tagged)) numeric.push({ kind: n.kind, text: n.text, passageId: s.passageId, start: n.start, end: n.end });
  }
  const { table, resolved } = gatherEntities(located);
  pronounSpeakers(sentences, located, resolved);

  const countries = paragraphCountries(sentences);
  const taken = new Set<string>();
  const ids = new Map<Entity, string>();
  const facts: FactEntry[] = [];
  for (const e of table.entities) {
    const id = uniqueId(e.name, e.kind, taken);
    ids.set(e, id);
    // The mention order within the article decides the citations.
    e.mentions.sort((a, b) => a.passageId.localeCompare(b.passageId, 'en', { numeric: true }) || a.start - b.start);
    facts.push(entityFact(e, id, (p) => countries.get(p)));
  }
  dropSharedAliases(facts);
  const names: Mention[] = [];
  for (const at of located) {
    const e = resolved.get(at);
    if (!e) continue;
    const c = at.candidate;
    names.push({ kind: e.kind, text: c.text, passageId: at.passageId, start: c.start, end: c.end, entityId: ids.get(e)! });
  }
  const order = new Map(article.sentences.map((s, i) => [s.id, i]));
  const mentions = [...names, ...numeric].sort((a, b) => order.get(a.passageId)! - order.get(b.passageId)! || a.start - b.start);
  return { facts, mentions };
}

export { mergeFacts } from './merge.ts';
