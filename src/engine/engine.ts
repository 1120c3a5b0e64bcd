import Fuse from 'fuse.js';
import type { FactEntry } from '../knowledge/schema.ts';
import type { KnowledgeBase, Passage } from '../knowledge/types.ts';
import { byRank, KnowledgeIndex, type Match } from './index.ts';
import { stem, type Analysis } from './lexicon.ts';
import { cleanQuestion, MAX_QUESTION_CHARS, words } from './normalise.ts';
import { DECLINE, NOTICE } from './messages.ts';
import { splitQuestion, startsAsQuestion, together } from './compound.ts';
import { inventoryQuestion, isInventoryWord } from './inventory.ts';
import { asksWhatWillHappen, isStopword } from './language.ts';
import { isChatFiller } from '../lexical/index.ts';
import { declineReason, oppositeFit, typeFit } from './rules.ts';
import type { Answer, Citation, Engine, Suggestion, Topic } from './types.ts';
import type { Unit } from './units.ts';
import { asksForSeveral, asksInThePast, asksInThePresent, asksWhatItIsCalled, countsTime, clausesOf, isKindNoun, joinList, nameGiven, phraseFact, statedFact, type Clause } from './extract.ts';
import { SentenceRanker, type SentenceMatch } from './sentences.ts';
import { mergeSpans, nameFinder, quantitySpans, type Span, type SpanKind } from './spans.ts';
import { ENGLISH, type WordKnowledge } from './word-knowledge.ts';
import { asksWhatItIsAbout } from './about.ts';
import { scoreCandidates, sentenceTables, type ArticleView } from './decide.ts';
import type { DecisionModel } from './model.ts';
import { DECISION_MODEL } from './decision-model.ts';

/** Tuning of the decision, in one frozen place; tests pin the behaviour these give. */
export const THRESHOLDS = Object.freeze({
  /** A Q&A or fact match at least this good answers. */
  answer: 0.5,
  /** A fact derived from the article, not curated, answers only this good a match. */
  derivedFact: 0.8,
  /** ...or this good, when the question has a word the knowledge base has never seen. */
  answerWithUnknown: 0.65,
  /** A sentence answers on its own when it explains this much of the question... */
  sentence: 0.55,
  /** ...or this much, when it states the date, amount, name or place the question asks for... */
  sentenceFact: 0.45,
  /** ...or this much, when the question has a word that is neither the article's nor ordinary English. */
  sentenceWithUnknown: 0.8,
  /** Sentences this close to the best are also looked at for the fact a question asks for. */
  sentenceNear: 0.7,
  /** A word at least this common (Zipf scale) is everyday English, no sign of another subject. */
  everydayZipf: 5.6,
  /** A verb this common ("go", "doing") that no sentence uses says nothing of what happened. */
  eventlessZipf: 6,
  /** Suggestions must be at least this related to the question. */
  suggestion: 0.2,
  maxSuggestions: 3,
  maxCitations: 3,
});

/** How much less a date entry asked only in the past fits a question in the present. */
const TENSE_MISFIT = 0.6;

const SPAN_OF_ENTITY: Readonly<Record<string, SpanKind>> = Object.freeze({
  person: 'person',
  organisation: 'organisation',
  publication: 'organisation',
  place: 'place',
  country: 'place',
});

/** The entry id and question that offer "what is it about" when nothing is curated. */
export const ABOUT_ENTRY = 'article-about';
const ABOUT_QUESTION = 'What is the article about?';
const ABOUT_TOPIC = 'The article';

/** "What is it about" is answered by the title and this many sentences of the lead paragraph. */
const LEAD_SENTENCES = 2;

export function buildEngine(knowledge: KnowledgeBase, wordKnowledge: WordKnowledge = ENGLISH, decisionModel: DecisionModel = DECISION_MODEL): Engine {
  const index = new KnowledgeIndex(knowledge, wordKnowledge);
  const { units, lexicon } = index;
  const sentences = knowledge.article.sentences;
  const tables = sentenceTables(sentences);

  const names = knowledge.facts.flatMap((f) => {
    const kind = SPAN_OF_ENTITY[f.kind];
    return kind ? [f.name, ...f.aliases].map((name) => ({ name, kind, entityId: f.id })) : [];
  });
  const tagged = new Map<string, Span[]>();
  for (const m of knowledge.mentions ?? []) {
    // "works as one": a lone "one" is a pronoun far more often than a count.
    if (m.kind === 'number' && /^(?:one|a|an)$/i.test(m.text.trim())) continue;
    const list = tagged.get(m.passageId) ?? [];
    list.push({ kind: m.kind === 'country' ? 'place' : m.kind, text: m.text, start: m.start, end: m.end, ...(m.entityId ? { entityId: m.entityId } : {}) });
    tagged.set(m.passageId, list);
  }
  const findNames = nameFinder(names);
  const spansOf: readonly Span[][] = sentences.map((s) =>
    mergeSpans([...(tagged.get(s.id) ?? []), ...findNames(s.text), ...quantitySpans(s.text)]),
  );
  const speakers = speakersOf(sentences, spansOf);
  const speakerIds = new Set(speakers.filter((id): id is string => id !== undefined));
  // "It will be built by...": a sentence that opens with a pronoun goes on about the one before.
  const clauses: readonly Clause[][] = sentences.map((s) => clausesOf(s.text, (t) => lexicon.analyseKnown(t).terms));
  // The pronoun stands for what the sentence before is about, as its first clause says: "It will
  // be built by..." after "The deal pays for a new centre, with two scanners" is the centre.
  const context: readonly (readonly string[])[] = sentences.map((s, i) =>
    i > 0 && sentences[i - 1]!.paragraph === s.paragraph && (OPENING_PRONOUN.test(s.text) || REPORTED_PRONOUN.test(s.text))
      ? [...(clauses[i - 1]![0]?.terms ?? [])]
      : [],
  );
  const contextOf = context.map((terms) => new Set(terms));
  const ranker = new SentenceRanker(sentences, lexicon, wordKnowledge, speakers.map((id) => (id ? [`@${id}`] : [])), context);
  const sentenceIndex = new Map(sentences.map((p, i) => [p.id, i]));
  // Whether the article dates anything still to come ("work is due to begin in March").
  const datesAhead = sentences.some((s, i) =>
    spansOf[i]!.some((sp) => {
      const clause = sp.kind === 'date' ? clauses[i]!.find((c) => sp.start < c.end && sp.end > c.start) : undefined;
      return clause !== undefined && FUTURE_CLAUSE.test(s.text.slice(clause.start, clause.end));
    }),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const ownerOf = new Map(units.map((u, i) => [u.id, i]));
  const byPhrasing = new Map<string, Unit>();
  for (const u of units)
    for (const p of u.phrasings) {
      const key = words(p).join(' ');
      if (!byPhrasing.has(key)) byPhrasing.set(key, u);
    }
  // Dates that every phrasing asks of the past: a question in the present is not after them.
  const pastOnly = units.map((u) => u.type === 'date' && u.phrasings.every((p) => asksInThePast(words(p))));
  const factById = new Map(knowledge.facts.map((f) => [f.id, f]));
  const featured = units.filter((u) => u.featured);
  // A moderator curated this knowledge: Q&A entries, facts written by hand, or concepts.
  const curated =
    units.some((u) => u.source === 'qa') ||
    knowledge.facts.some((f) => !knowledge.derivedFactIds.has(f.id)) ||
    knowledge.concepts.synonyms.length + knowledge.concepts.opposites.length + knowledge.concepts.speech.length > 0;
  const view: ArticleView = {
    ...tables,
    sentences,
    ranker,
    lexicon,
    wordKnowledge,
    spansOf,
    clauses,
    contextOf,
    sentenceIndex,
    curated,
    model: decisionModel,
  };
  const hasQa = units.some((u) => u.source === 'qa');
  // With nothing curated, what the bot can offer is who and what the article names.
  const defaults = featured.length > 0 ? featured : hasQa ? units.filter((u) => u.source === 'qa') : units.filter((u) => u.source === 'fact');
  const about: Suggestion = { id: ABOUT_ENTRY, question: ABOUT_QUESTION };
  /** What a moderator curated, or else the article's gist and the facts derived from it: topics, autocomplete and suggestions. */
  const offered = (list: readonly Suggestion[]): Suggestion[] => (hasQa || featured.length > 0 ? [...list] : [about, ...list]);
  const fuse = new Fuse(
    units.flatMap((unit, i) => unit.phrasings.map((text) => ({ unit: i, text }))),
    { keys: ['text'], threshold: 0.4, ignoreLocation: true, includeScore: true },
  );

  // The people the article quotes; the Kremlin only reported, and Russia spoke through its president.
  const quoted = knowledge.facts.filter((f) => (f.speaks || speakerIds.has(f.id)) && f.kind === 'person').map((f) => f.name);
  const suggestion = (u: Unit): Suggestion => ({ id: u.id, question: u.question });

  function citationsOf(ids: readonly string[]): Citation[] {
    return ids
      .map((id) => knowledge.article.passages.get(id))
      .filter((p): p is Passage => p?.sentence !== undefined)
      .slice(0, THRESHOLDS.maxCitations)
      .map((p) => ({ quote: p.text, passageId: p.id, paragraph: p.paragraph, sentence: p.sentence! }));
  }

  function suggestionsFor(ranked: readonly Match[]): Suggestion[] {
    const out: Unit[] = [];
    for (const m of ranked) {
      if (m.score < THRESHOLDS.suggestion || out.length >= THRESHOLDS.maxSuggestions) break;
      const u = units[m.owner]!;
      if (!out.some((o) => o.question === u.question)) out.push(u);
    }
    for (const u of defaults) {
      if (out.length >= THRESHOLDS.maxSuggestions - (hasQa ? 0 : 1)) break;
      if (!out.includes(u)) out.push(u);
    }
    return offered(out.map(suggestion)).slice(0, THRESHOLDS.maxSuggestions);
  }

  function answerUnit(question: string, unit: Unit, confidence: number, notice?: string): Answer {
    return {
      question,
      found: true,
      answer: unit.answer,
      confidence: round(confidence),
      citations: citationsOf(unit.cite),
      suggestions: [],
      entryId: unit.id,
      ...(notice ? { notice } : {}),
    };
  }

  function decline(question: string, answer: string, confidence: number, suggestions: Suggestion[], notice?: string): Answer {
    return { question, found: false, answer, confidence: round(confidence), citations: [], suggestions, ...(notice ? { notice } : {}) };
  }

  function ask(raw: string): Answer {
    const { text: cleaned, truncated } = cleanQuestion(raw);
    // Echo what was asked, not its cleaned form, so replies pair up with questions.
    const question = raw.length > MAX_QUESTION_CHARS ? `${raw.slice(0, MAX_QUESTION_CHARS)}…` : raw;
    const notice = truncated ? NOTICE.truncated(MAX_QUESTION_CHARS) : undefined;
    const whole = answerOne(question, cleaned, notice);
    return answerParts(question, cleaned, whole, notice) ?? whole;
  }

  /**
   * "who heads roscosmos and rzd" asks two things: when every part on its own is answered by a
   * different entry, the reply gives each answer, and quotes what each rests on.
   */
  function answerParts(question: string, cleaned: string, whole: Answer, notice?: string): Answer | undefined {
    const split = splitQuestion(cleaned);
    if (!split) return undefined;
    const { parts, clear } = split;
    // "who runs roscosmos? what is the weather" asks two things; "where did kim and putin meet"
    // one, about a pair. A part that starts as a question of its own is one.
    const independent = parts.slice(1).every(startsAsQuestion);
    if (!independent) {
      // "where did kim and putin meet": the pair does one thing together.
      if (parts.some(together)) return undefined;
      // A plain "and" inside one question splits only when the answer to the whole leaves out
      // something the question names ("who heads roscosmos and rzd").
      if (whole.found && namesOnlyWhatAnswers(parts.join(' and '), whole)) return undefined;
    }
    const answers = parts.map((part) => answerOne(part, part));
    const keyOf = (a: Answer) => a.entryId ?? a.citations.map((c) => c.passageId).join();
    const found = answers.filter((a) => a.found);
    if (found.length === 0 || new Set(found.map(keyOf)).size < found.length) return undefined;
    if (!independent) {
      // Parts that are not questions of their own must each be answered, and agree with the
      // whole: "when did russia and north korea establish relations" is one question.
      if (found.length < answers.length) return undefined;
      const same = (a: Answer) =>
        a.entryId === whole.entryId || a.citations.map((c) => c.passageId).join() === whole.citations.map((c) => c.passageId).join();
      if (!clear && !(whole.found && answers.some(same))) return undefined;
    }
    if (found.length === 1 && answers.length > 1 && whole.found && keyOf(found[0]!) !== keyOf(whole) && !clear) return undefined;
    const citations: Citation[] = [];
    // One quote from each part first, so no part is left without its source.
    for (const round of [0, 1, 2])
      for (const a of found) {
        const c = a.citations[round];
        if (c && citations.length < THRESHOLDS.maxCitations && !citations.some((x) => x.passageId === c.passageId)) citations.push(c);
      }
    const first = found[0]!;
    return {
      question,
      found: true,
      // A part the article does not answer is said so beside the answered ones, not dropped.
      answer: answers.map((a, i) => (a.found ? a.answer : DECLINE.part(parts[i]!))).join(' '),
      confidence: Math.min(...found.map((a) => a.confidence)),
      citations,
      suggestions: [],
      ...(first.entryId ? { entryId: first.entryId } : {}),
      ...(notice ? { notice } : {}),
    };
  }

  /** Whether every entity the question names is in the answer (for an answer from a sentence, in that sentence). */
  function namesOnlyWhatAnswers(cleaned: string, whole: Answer): boolean {
    const owner = whole.entryId === undefined ? undefined : ownerOf.get(whole.entryId);
    const held = new Set(owner === undefined ? [] : index.answerTerms(owner));
    if (owner === undefined)
      for (const c of whole.citations) for (const t of ranker.termsOf(sentenceIndex.get(c.passageId) ?? -1)) held.add(t);
    const named = lexicon.analyseQuestion(cleaned).entities;
    return named.every((e) => held.has(e.key) || e.key === `@${whole.entryId}`);
  }

  /** "how many people are named", "name everyone quoted": the list of who or what the article names. */
  function answerInventory(question: string, analysis: Analysis, notice?: string): Answer | undefined {
    const content = analysis.words.filter((w) => !isStopword(w) && !/^\d+$/.test(w));
    const asked = inventoryQuestion(analysis.words);
    if (!asked || !content.every(isInventoryWord)) return undefined;
    const members = knowledge.facts.filter(
      // Whom the article quotes: curated facts say so; otherwise whoever stands by a speech verb.
      (f) =>
        SPAN_OF_ENTITY[f.kind] === asked.kind &&
        (!asked.quotedOnly || speakerIds.has(f.id) || (f.speaks && !knowledge.derivedFactIds.has(f.id))),
    );
    if (members.length === 0) return undefined;
    const first = (id: string) => sentences.findIndex((_, i) => spansOf[i]!.some((sp) => sp.entityId === id));
    const ordered = [...members].sort((a, b) => first(a.id) - first(b.id));
    const list = joinList(ordered.map((f) => (f.role && f.role.length <= 40 ? `${f.name} (${f.role})` : f.name)));
    // The fewest sentences that name them all, at most three.
    const left = new Set(ordered.map((f) => f.id));
    const cited: string[] = [];
    while (left.size > 0 && cited.length < THRESHOLDS.maxCitations) {
      let best = -1;
      let bestCount = 0;
      sentences.forEach((_, i) => {
        const n = new Set(spansOf[i]!.filter((sp) => sp.entityId && left.has(sp.entityId)).map((sp) => sp.entityId)).size;
        if (n > bestCount) [best, bestCount] = [i, n];
      });
      if (best < 0) break;
      for (const sp of spansOf[best]!) if (sp.entityId) left.delete(sp.entityId);
      cited.push(sentences[best]!.id);
    }
    return {
      question,
      found: true,
      answer: asked.count ? `${ordered.length}: ${list}.` : `${list}.`,
      confidence: 0.9,
      citations: citationsOf(cited.sort((a, b) => (sentenceIndex.get(a) ?? 0) - (sentenceIndex.get(b) ?? 0))),
      suggestions: [],
      ...(notice ? { notice } : {}),
    };
  }

  /**
   * "hollis heads which ministry", "dana reyes job", "what does okafor do": a question about
   * who one person or organisation is, answered by its fact, curated or derived.
   */
  /** The stems of each fact's names, worked out when first needed. */
  const nameStemsOf = new Map<string, ReadonlySet<string>>();
  function answerRole(question: string, analysis: Analysis, notice?: string): Answer | undefined {
    const named = analysis.entities.map((e) => factById.get(e.key.slice(1))).filter((f): f is FactEntry => f !== undefined);
    if (named.length !== 1) return undefined;
    const fact = named[0]!;
    if (!fact.role || (fact.kind !== 'person' && fact.kind !== 'organisation')) return undefined;
    let nameStems = nameStemsOf.get(fact.id);
    if (!nameStems) nameStemsOf.set(fact.id, (nameStems = new Set([fact.name, ...fact.aliases].flatMap((n) => words(n)).map(stem))));
    const rest = analysis.words.filter((w) => !isStopword(w) && !nameStems.has(stem(w)));
    if (!rest.every((w) => ROLE_QUESTION.has(w))) return undefined;
    const unit = byId.get(fact.id);
    return unit ? answerUnit(question, unit, 0.8, notice) : undefined;
  }

  /** "what does ABC stand for": the name the article spells out for it. */
  function answerAcronym(question: string, asked: readonly string[], notice?: string): Answer | undefined {
    const text = asked.join(' ');
    const m = /^(?:what )?(?:does |is |do )?(\w{2,8}) (?:stand|stands) for$|^what (?:does|do) (\w{2,8}) (?:stand for|mean)$|^what is (\w{2,8}) short for$|^(\w{2,8}) (?:is )?short for what$/.exec(text);
    const acronym = m?.slice(1).find(Boolean);
    if (!acronym) return undefined;
    for (const [i, s] of sentences.entries()) {
      const expansion = spelledOut(s.text, acronym);
      if (expansion)
        return {
          question,
          found: true,
          answer: `${acronym.toUpperCase()} stands for ${expansion}.`,
          confidence: 0.9,
          citations: citationsOf([sentences[i]!.id]),
          suggestions: [],
          ...(notice ? { notice } : {}),
        };
    }
    return undefined;
  }

  /**
   * One question, decided by the fitted model: a curated entry answers as its moderator wrote
   * it; otherwise the rule layers' conclusion is one more feature, and the sentence the model
   * finds likeliest to answer answers when its probability clears the model's threshold.
   */
  function answerOne(question: string, cleaned: string, notice?: string): Answer {
    const rules = answerByRules(question, cleaned, notice);
    if (rules.found && isCurated(rules.entryId)) return rules;
    if (asksWhatItIsAbout(words(cleaned))) return answerAbout(question, notice);
    const { candidates } = scoreCandidates(view, cleaned, rules);
    // Knowledge a moderator curated (Q&A, facts or concepts) is answered as its entries and the
    // rule layers built on them say; the model says how sure that is. Measured on the shipped
    // article's question sets, the rules decide better there than a decision fitted on articles
    // nobody curated; on those, the fitted decision is better by far.
    if (curated) {
      if (!rules.found) return rules;
      const cited = candidates.find((c) => rules.citations.some((r) => r.passageId === sentences[c.owner]!.id));
      return cited ? { ...rules, confidence: round(cited.probability) } : rules;
    }
    const best = candidates[0];
    // Extraction has nothing to give when the question asks for names besides its own and the
    // sentence names no one else: whatever the decision, there is no answer to state.
    const nothingToState = best !== undefined && best.features.othersAskedNoneHere === 1;
    if (!best || nothingToState || best.probability < decisionModel.threshold) {
      if (!rules.found) return { ...rules, confidence: round(1 - (best?.probability ?? 0)) };
      const ranked = index.matchUnits(lexicon.analyseQuestion(cleaned), { min: THRESHOLDS.suggestion }).sort(byRank);
      return decline(question, DECLINE.notCovered, 1 - (best?.probability ?? 0), suggestionsFor(ranked), notice);
    }
    const confidence = round(best.probability);
    // A runner-up nearly as likely may be the one that says it: both are shown.
    const runnerUp = candidates[1];
    const also = runnerUp && best.score - runnerUp.score <= decisionModel.second ? [sentences[runnerUp.owner]!.id] : [];
    if (rules.found && rules.citations.some((c) => c.passageId === sentences[best.owner]!.id)) {
      const cited = rules.citations.map((c) => c.passageId);
      return { ...rules, confidence, citations: citationsOf([...new Set([...cited, ...also])]) };
    }
    const passage = sentences[best.owner]!;
    return {
      question,
      found: true,
      // The fact asked for, in the article's words, when the sentence states it; else the sentence.
      answer: best.fact ?? passage.text,
      confidence,
      citations: citationsOf([passage.id, ...also]),
      suggestions: [],
      ...(notice ? { notice } : {}),
    };
  }

  /** What the article is about: its title, and the lead that says it. */
  function answerAbout(question: string, notice?: string): Answer {
    const title = knowledge.article.meta.title?.trim();
    const lead = sentences.filter((s) => s.paragraph === sentences[0]?.paragraph).slice(0, LEAD_SENTENCES);
    const answer = title ? (/[.!?]$/.test(title) ? title : `${title}.`) : (lead[0]?.text ?? DECLINE.empty);
    return {
      question,
      found: lead.length > 0,
      answer: lead.length > 0 ? answer : DECLINE.empty,
      confidence: 1,
      citations: citationsOf(lead.map((s) => s.id)),
      suggestions: [],
      ...(notice ? { notice } : {}),
    };
  }

  function isCurated(entryId: string | undefined): boolean {
    const unit = entryId === undefined ? undefined : byId.get(entryId);
    return unit !== undefined && !unit.derived;
  }

  /** The rule layers alone: curated entries, derived facts, inventories, roles and sentence rules. */
  function answerByRules(question: string, cleaned: string, notice?: string): Answer {
    const analysis = lexicon.analyseQuestion(cleaned);
    if (analysis.terms.length === 0) {
      // "what is this about" is all stopwords, yet a phrasing word for word.
      const exact = byPhrasing.get(analysis.words.join(' '));
      if (exact) return answerUnit(question, exact, 1, notice);
      return decline(question, DECLINE.empty, 1, offered(defaults.map(suggestion)).slice(0, THRESHOLDS.maxSuggestions), notice);
    }

    // Everyday English the article happens not to use is no sign the question is off its subject;
    // a rarer word ("circulation", "turnover") may well be its point.
    const strange = analysis.unknown.filter((w) => !wordKnowledge.isOrdinary(w));
    // A curated answer is precise: a rarer English word it does not use may be the question's point.
    const unusual = analysis.unknown.filter(
      (w) => !strange.includes(w) && !isChatFiller(w) && wordKnowledge.frequency(w) < THRESHOLDS.everydayZipf,
    );
    const withOpposites = analysis.terms.filter((t) => lexicon.opposites(t).length > 0);
    // "when is the visit" is not "when did he last visit".
    const presentDate = analysis.kind === 'date' && asksInThePresent(analysis.words);
    // Only matches that could answer or be suggested need ranking.
    const ranked = index
      .matchUnits(analysis, { min: THRESHOLDS.suggestion })
      .map((m) => ({
        ...m,
        score:
          m.score *
          typeFit(analysis.kind, units[m.owner]!.type) *
          (presentDate && pastOnly[m.owner] ? TENSE_MISFIT : 1) *
          (withOpposites.length > 0 ? oppositeFit(withOpposites, m.terms, index.answerTerms(m.owner), lexicon) : 1),
      }))
      .sort(byRank);
    const best = ranked[0];

    const reason = declineReason(analysis, lexicon, quoted, best ? units[best.owner]!.type : undefined, speakerIds, datesAhead);
    if (reason) return decline(question, reason, 0.9, suggestionsFor(ranked), notice);
    const threshold = strange.length + unusual.length > 0 ? THRESHOLDS.answerWithUnknown : THRESHOLDS.answer;
    // A derived fact knows only a name and a role: it answers "who is X", not every question naming X.
    const unitThreshold = best && units[best.owner]!.derived ? Math.max(threshold, THRESHOLDS.derivedFact) : threshold;
    if (best && best.score >= unitThreshold && best.matchedStrong > 0) return answerUnit(question, units[best.owner]!, best.score, notice);

    const inventory = answerInventory(question, analysis, notice);
    if (inventory) return inventory;
    const role = answerRole(question, analysis, notice);
    if (role) return role;
    const expanded = answerAcronym(question, analysis.words, notice);
    if (expanded) return expanded;
    // "non-executive chairman" is one word in the sentences' index, as the article writes it.
    const joined = (cleaned.includes('-') ? [...cleaned.matchAll(/\p{L}+(?:-\p{L}+)+/gu)] : [])
      .map((m) => stem(m[0].toLowerCase().replace(/-/g, '')))
      .filter((t) => ranker.has(t) && !analysis.terms.includes(t));
    const fromSentence = answerFromSentences(question, joined.length > 0 ? { ...analysis, terms: [...analysis.terms, ...joined] } : analysis, strange.length > 0, notice);
    if (fromSentence) return fromSentence;

    const answer = strange.length > 0 ? DECLINE.unknownWords(strange) : DECLINE.notCovered;
    return decline(question, answer, 1 - (best?.score ?? 0), suggestionsFor(ranked), notice);
  }

  /**
   * The article's sentences ranked against the question; for a question that asks for a date,
   * an amount, a count, a person or a place, the first close sentence that states one answers,
   * and the answer is that fact.
   */
  function answerFromSentences(question: string, analysis: Analysis, strange: boolean, notice?: string): Answer | undefined {
    // "how many years did the war last" asks how long it lasted.
    // "striker transfer fee", "new arena capacity?": a noun for an amount asks for the amount.
    const kind =
      analysis.kind === 'number' && countsTime(analysis.words)
        ? 'duration'
        : analysis.kind === 'other' && analysis.words.some((w) => AMOUNT_NOUNS.has(w)) && !analysis.words.some((w) => w === 'why' || w === 'how')
          ? 'number'
          : analysis.kind;
    // "what country is Valdés from", "what year did they meet": the word for the kind of answer is
    // found by the fact the sentence must state, not by the sentence's wording.
    // "what does Putin say about X": who speaks is checked below; the sentence need not say "said".
    const speechTerms = new Set(analysis.words.filter((w) => SPEECH_WORD.test(w)).map(stem));
    const typed = TYPED_BY_SPAN.has(kind)
      ? analysis.terms.filter((t) => !isKindNoun(t, kind))
      : kind === 'other'
        ? analysis.terms.filter((t) => !speechTerms.has(t))
        : analysis.terms;
    // A sentence below every threshold never answers: only the best could be looked at, to be turned down.
    const ranked = ranker.rank(
      typed.length > 0 && typed.length < analysis.terms.length ? { ...analysis, terms: typed } : analysis,
      Math.min(THRESHOLDS.sentence, THRESHOLDS.sentenceFact, THRESHOLDS.sentenceWithUnknown),
    );
    const best = ranked[0];
    // A question that shares nothing with the article but through synonyms is about something else.
    if (!best || best.matchedDirect === 0) return undefined;
    // "what did kim and putin discuss" is not answered by a sentence that only names them both.
    // "what job is he getting": an everyday verb the article does not use is no event to find.
    const everyday = new Set(analysis.words.filter((w) => wordKnowledge.frequency(w) >= THRESHOLDS.eventlessZipf).map(stem).filter((t) => !ranker.has(t)));
    const asksEvent = analysis.terms.some((t) => !ranker.isName(t) && ranker.isStrong(t) && !isKindNoun(t, kind) && !everyday.has(t));
    const asksFact = kind !== 'other';
    // A sentence that states the very kind of fact asked for, in the clause that matches, is
    // evidence of its own: it may explain less of the question's wording.
    const asksName = !asksFact && asksWhatItIsCalled(analysis.words);
    const threshold = strange ? THRESHOLDS.sentenceWithUnknown : asksFact || asksName ? THRESHOLDS.sentenceFact : THRESHOLDS.sentence;
    if (best.score < threshold) return undefined;
    // "how long did the war last" uses "last" as a verb, not as the opposite of "first".
    const withOpposites = analysis.terms.filter(
      (t) => lexicon.opposites(t).length > 0 && !(kind === 'duration' && /^~?last$/.test(t)),
    );
    // "what happens to it now", "what will they do": a sentence about what was is no answer.
    const aboutWhatComes = !asksFact && (asksWhatWillHappen(analysis.words) || (analysis.words.some((w) => /^happens?$/.test(w)) && analysis.words.some((w) => w === 'now' || w === 'next')));
    // "who's the manager": the article may call the one it means by another name for the role ("head coach").
    const roleAlternatives = new Map<string, string[]>();
    for (const w of analysis.words) {
      const t = stem(w);
      if (isStopword(w) || ranker.has(t) || !analysis.terms.includes(t) || !wordKnowledge.kindsOf(w).includes('person')) continue;
      const alts = articleForms(w).filter((a) => !ranker.isName(a));
      if (alts.length > 0) roleAlternatives.set(t, alts);
    }
    const holdsRole = (owner: number) => [...roleAlternatives.values()].some((alts) => alts.some((a) => ranker.termsOf(owner).includes(a)));
    const close = ranked.filter(
      (m) =>
        m.score >= best.score * THRESHOLDS.sentenceNear &&
        (!aboutWhatComes || FUTURE_CLAUSE.test(sentences[m.owner]!.text)) &&
        (!asksEvent || m.matchedEvent || holdsRole(m.owner)) &&
        m.score >= threshold &&
        (withOpposites.length === 0 || oppositeFit(withOpposites, ranker.termsOf(m.owner), [], lexicon) === 1),
    );
    const asked = { words: analysis.words, terms: analysis.terms, weight: (t: string) => ranker.weight(t), kindsOf: wordKnowledge.kindsOf,
      isEvent: (t: string) => !ranker.isName(t) && ranker.isStrong(t) && !everyday.has(t),
      placeFits: wordKnowledge.placeFits,
      countryOf: wordKnowledge.countryOf,
      variants: new Map([...ranker.variants(analysis)].map(([t, vs]) => [t, [...vs, ...(roleAlternatives.get(t) ?? [])]])),
    };
    // "what did the Shetland council say": a sentence that quotes someone else is no answer.
    const said = analysis.words.findIndex((w) => SPEECH_WORD.test(w));
    const subject = said < 0 ? [] : analysis.words.slice(0, said).filter((w) => !isStopword(w) && !/^(?:the|he|she|they)$/.test(w)).map(stem);
    const subjectTerms = said < 0 ? [] : [...subject, ...lexicon.analyseKnown(analysis.words.slice(0, said).join(' ')).terms];
    const speaksAsAsked = (owner: number) => {
      if (subject.length === 0) return true;
      const fact = speakers[owner] === undefined ? undefined : factById.get(speakers[owner]!);
      if (!fact) {
        // "The Royal College of Nursing warned that...": no person speaks, so the clause that speaks must name them.
        const text = sentences[owner]!.text;
        const speaking = clauses[owner]!.find((c) => SPEECH_VERB.test(text.slice(c.start, c.end)));
        // "The French Minister also referred to...": no one else is said to speak, and it is about them.
        const about = speaking?.terms ?? new Set(ranker.termsOf(owner));
        return subjectTerms.some((t) => about.has(t));
      }
      const role = words(fact.role ?? '').filter((w) => !isStopword(w));
      // "the MD" for "the managing director".
      const initials = role.slice(1).map((w, i) => role[i]![0]! + w[0]!);
      const own = new Set([...[fact.name, ...fact.aliases, fact.role ?? ''].flatMap((n) => words(n)), ...initials].map(stem));
      return subject.some((t) => own.has(t));
    };
    // Who or what the article is mostly about may go unnamed in a sentence about it; anyone else is named.
    const nameTerms = analysis.terms.filter((t) => ranker.isName(t) && ranker.has(t) && ranker.df(t) < sentences.length * MAIN_SUBJECT_SHARE);
    const asksOthers = analysis.entities.length > 0 && OTHERS.test(` ${analysis.words.join(' ')} `);
    const namedIds = new Set(analysis.entities.map((e) => e.key.slice(1)));
    const askedStems = new Set(analysis.words.map(stem));
    const mentioned = (text: string) => words(text).every((w) => isStopword(w) || askedStems.has(stem(w)));
    // "who won the league": the deed asked about must be in the sentence, in some form or other word for it.
    const deedWord = (kind === 'person' || kind === 'organisation') && analysis.words[0] === 'who' ? analysis.words.slice(1).find((w) => !isStopword(w)) : undefined;
    const deed = deedWord !== undefined && asked.isEvent(stem(deedWord)) && !ranker.has(stem(deedWord)) && !lexicon.isKnownStem(stem(deedWord)) ? deedWord : undefined;
    const doesDeed = (owner: number) => {
      if (deed === undefined) return true;
      const held = new Set(ranker.termsOf(owner));
      return articleForms(deed).some((t) => held.has(t));
    };
    // "which schools are closing": the article names them, each with the word for what it is.
    const listed = kind === 'other' ? classMembers(analysis, close.slice(0, 2).map((m) => m.owner)) : undefined;
    if (listed) return { ...sentenceAnswer(question, close[0]!, `${joinList(listed.names)}.`, notice), citations: citationsOf(listed.cite) };
    // "what did X say about the museum": what the question is about must be in the sentence,
    // not only who speaks.
    const topic = topicTerms(analysis, said);
    const holdsTopic = (owner: number) => {
      if (topic.length === 0) return true;
      const held = new Set([...ranker.termsOf(owner), ...(contextOf[owner] ?? [])]);
      const variants = asked.variants;
      return topic.some((t) => (variants.get(t) ?? [t]).some((v) => held.has(v)));
    };
    for (const match of close) {
      const passage = sentences[match.owner]!;
      if (!speaksAsAsked(match.owner) || !doesDeed(match.owner) || !holdsTopic(match.owner)) continue;
      // "how much does one X-ray machine cost": an amount in a sentence that never names the X-ray machine is another's.
      if (kind === 'number' && nameTerms.some((t) => !ranker.termsOf(match.owner).includes(t) && !contextOf[match.owner]?.has(t))) continue;
      // "which other companies apart from BT": a sentence that names no one else does not say.
      if (asksOthers && !spansOf[match.owner]!.some((sp) => NAME_SPANS.has(sp.kind) && !(sp.entityId && namedIds.has(sp.entityId)) && !mentioned(sp.text))) continue;
      const fact = asksFact ? statedFact(kind, asked, passage.text, spansOf[match.owner]!, clauses[match.owner]!, contextOf[match.owner]) : undefined;
      if (asksFact && !fact) continue;
      // "what will the stadium be called": the name the sentence gives it.
      const name = asksName ? nameGiven(passage.text) : undefined;
      if (asksName && !name && match.score < THRESHOLDS.sentence) continue;
      return sentenceAnswer(question, match, fact ? phraseFact(kind, fact) : name ? `${name}.` : passage.text, notice);
    }
    // "when did Valdés sign": the sentence says he signed, the next one, naming him again, when.
    if (asksFact)
      for (const match of close.slice(0, 2)) {
        const next = match.owner + 1;
        const sentence = sentences[next];
        if (!sentence || sentence.paragraph !== sentences[match.owner]!.paragraph) continue;
        const held = new Set(ranker.termsOf(next));
        if (!analysis.entities.some((e) => held.has(e.key))) continue;
        const context = new Set([...ranker.termsOf(match.owner), ...(contextOf[match.owner] ?? [])]);
        const fact = statedFact(kind, asked, sentence.text, spansOf[next]!, clauses[next]!, context);
        if (fact) return { ...sentenceAnswer(question, match, phraseFact(kind, fact), notice), citations: citationsOf([sentences[match.owner]!.id, sentence.id]) };
      }
    // "who set up the lab" when the sentence names no one the knowledge knows: the sentence
    // still says, if it holds everything the question says happened.
    const first = close[0];
    const events = analysis.terms.filter((t) => !ranker.isName(t) && ranker.isStrong(t));
    if (
      first &&
      first.score >= THRESHOLDS.sentenceWithUnknown &&
      (kind === 'person' || kind === 'organisation') &&
      events.every((t) => first.shared.includes(t))
    )
      return sentenceAnswer(question, first, sentences[first.owner]!.text, notice);
    return undefined;
  }

  /** The article's terms for any form of a word or other word for it (all credits): "won" -> "win", "manager" -> "coach". */
  function articleForms(word: string): string[] {
    return wordKnowledge.alternatives(word).flatMap((alt) => lexicon.analyseKnown(alt.word).terms).filter((t) => ranker.has(t));
  }

  /** The terms of what "what did Y say about X" is about. */
  function topicTerms(analysis: Analysis, said: number): string[] {
    const w = analysis.words;
    const about = said >= 0 ? w.indexOf('about', said) : -1;
    if (about < 0) return [];
    const terms = lexicon.analyseKnown(w.slice(about + 1).filter((x) => !isStopword(x)).join(' ')).terms;
    // Someone spoken about may be "he" or a first name in the quote; a thing is named.
    return terms.filter((t) => analysis.terms.includes(t) && ranker.isStrong(t) && ranker.has(t) && !ranker.isName(t));
  }

  /** Names holding the plural noun a "which hospitals..." question asks about, from these sentences and the ones after. */
  function classMembers(analysis: Analysis, owners: readonly number[]): { names: string[]; cite: string[] } | undefined {
    if (!asksForSeveral(analysis.words)) return undefined;
    const at = analysis.words.findIndex((w) => w === 'which' || w === 'what');
    const noun = at >= 0 ? analysis.words[at + 1] : undefined;
    if (noun === undefined || isStopword(noun)) return undefined;
    const wanted = stem(noun);
    const askedIds = new Set(analysis.entities.map((e) => e.key.slice(1)));
    const names: string[] = [];
    const cite: string[] = [];
    const looked = new Set<number>();
    for (const owner of owners)
      for (const i of [owner, owner + 1]) {
        if (looked.has(i) || !sentences[i] || sentences[i]!.paragraph !== sentences[owner]!.paragraph) continue;
        looked.add(i);
        const found = spansOf[i]!.filter(
          (sp) => NAME_SPANS.has(sp.kind) && !(sp.entityId && askedIds.has(sp.entityId)) && words(sp.text).some((w) => stem(w) === wanted),
        );
        const fresh = found.map((sp) => sp.text).filter((n) => !names.includes(n));
        if (fresh.length === 0) continue;
        names.push(...fresh);
        cite.push(sentences[i]!.id);
      }
    return names.length >= 2 ? { names, cite: [...new Set([sentences[owners[0]!]!.id, ...cite])].slice(0, THRESHOLDS.maxCitations) } : undefined;
  }

  function sentenceAnswer(question: string, match: SentenceMatch, answer: string, notice?: string): Answer {
    return {
      question,
      found: true,
      answer,
      confidence: round(match.score),
      citations: citationsOf([sentences[match.owner]!.id]),
      suggestions: [],
      ...(notice ? { notice } : {}),
    };
  }

  return {
    knowledge,
    ask,
    explain(raw) {
      const { text: cleaned } = cleanQuestion(raw);
      const rules = answerByRules(raw, cleaned);
      const { candidates } = scoreCandidates(view, cleaned, rules);
      return {
        rules,
        candidates: candidates.map((c) => ({ quote: sentences[c.owner]!.text, passageId: sentences[c.owner]!.id, features: c.features, probability: c.probability })),
      };
    },
    answerEntry(id) {
      const unit = byId.get(id);
      if (unit) return answerUnit(unit.question, unit, 1);
      return id === ABOUT_ENTRY ? answerAbout(ABOUT_QUESTION) : undefined;
    },
    complete(partial, limit = 25) {
      const { text } = cleanQuestion(partial);
      if (!/[\p{L}\p{N}]/u.test(text)) {
        const rest = units.filter((u) => u.source === 'qa' && !defaults.includes(u));
        return offered([...defaults, ...rest].map(suggestion)).slice(0, limit);
      }
      const seen = new Set<string>();
      const out: Suggestion[] = [];
      for (const hit of fuse.search(text)) {
        const unit = units[hit.item.unit]!;
        if (seen.has(unit.question)) continue;
        seen.add(unit.question);
        out.push(suggestion(unit));
        if (out.length >= limit) break;
      }
      return out;
    },
    topics() {
      const topics = new Map<string, Suggestion[]>();
      // Curated Q&A by its topics; with none, the article itself, then who and what it names.
      if (!hasQa) topics.set(ABOUT_TOPIC, [about]);
      for (const u of units) {
        if (u.source !== (hasQa ? 'qa' : 'fact')) continue;
        const list = topics.get(u.topic) ?? [];
        list.push(suggestion(u));
        topics.set(u.topic, list);
      }
      return [...topics].map(([name, questions]): Topic => ({ name, questions }));
    },
  };
}

/** Questions whose answer is a span of a kind the sentence must hold: a date, a place, a name. */
const TYPED_BY_SPAN: ReadonlySet<string> = new Set(['age', 'date', 'duration', 'place', 'person', 'organisation']);

const FUTURE_CLAUSE = /\b(?:will|shall|due to|expected to|plans? to|planned|scheduled|upcoming|is to|are to|hopes? to|set to)\b/i;
/** Words that ask what someone is or does, and nothing else. */
const ROLE_QUESTION = new Set(
  `job jobs role roles title titles position post office occupation profession work works working worked do does doing
   did head heads run runs lead leads which ministry department company organisation organization agency firm employer
   exactly mean means called known famous`.split(/\s+/),
);

const OPENING_PRONOUN = /^(?:it|its|he|his|she|her|they|their|this|these|that|the (?:company|firm|group|club|trust|agency|centre|center|council|government|deal|project|plan))\b/i;

/** "The ministry reported that it includes...": the pronoun of a reported clause, early in the sentence. */
const REPORTED_PRONOUN = /^(?:[\p{L}'’-]+\s+){1,4}(?:that|said|says)\s+(?:it|its|he|his|she|her|they|their)\b/iu;

/** A name in at least this share of the sentences is what the article is about. */
const MAIN_SUBJECT_SHARE = 0.25;

const AMOUNT_NOUNS: ReadonlySet<string> = new Set(['fee', 'fees', 'cost', 'costs', 'price', 'capacity', 'salary', 'wage', 'wages', 'budget', 'worth', 'value', 'valuation', 'turnover', 'revenue', 'profit', 'profits']);

/** "other companies apart from BT", "who else besides Marsh": names beside the one given are asked for. */
const OTHERS = / (?:other|else|apart from|besides|except|aside from|other than|as well as) /;
const NAME_SPANS: ReadonlySet<string> = new Set(['person', 'organisation', 'place']);

/** A question word that asks what someone said or thinks. */
const SPEECH_WORD = /^(?:say|said|says|saying|think|thinks|thought|feel|feels|tell|told|claim|claims|claimed|reckon|reckons|comment|commented)$/;

const SPEECH_VERB = /\b(?:said|says|say|told|tells|added|adds|wrote|writes|explained|stated|announced|insisted|argued|warned)\b/i;
const QUOTE = /["“”]/;

/**
 * Who speaks in each sentence: the person named beside a speech verb; in a quotation that
 * runs on without naming anyone ("he said", or no attribution at all), the speaker before it.
 */
export function speakersOf(sentences: readonly Passage[], spans: readonly (readonly Span[])[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  sentences.forEach((s, i) => {
    const people = (spans[i] ?? []).filter((sp) => sp.kind === 'person' && sp.entityId);
    const verb = SPEECH_VERB.exec(s.text);
    let speaker: string | undefined;
    if (verb && people.length > 0) {
      // "said Nadia Kerr" names the speaker right after the verb; otherwise it is whoever
      // stands before it ("Marsh, the minister, said Mr Kell had been...").
      const end = verb.index + verb[0].length;
      const after = people.find((p) => p.start >= end && /^[\s,]*(?:(?:the|a)\s+[\p{L}\s'’-]{0,40}?\s)?$/u.test(s.text.slice(end, p.start)));
      const before = people.filter((p) => p.end <= verb.index).at(-1);
      speaker = (after ?? before ?? people[0]!).entityId;
    }
    const previous = i > 0 && sentences[i - 1]!.paragraph === s.paragraph ? out[i - 1] : undefined;
    if (!speaker && people.length === 0 && QUOTE.test(s.text)) speaker = previous;
    out.push(speaker);
  });
  return out;
}

/**
 * The words a sentence spells an acronym out with: "the Lakeshire Health Partnership (LHP)"
 * or "LHP (Lakeshire Health Partnership)" gives "Lakeshire Health Partnership" for "lhp".
 */
export function spelledOut(sentence: string, acronym: string): string | undefined {
  const letters = acronym.toLowerCase();
  const initials = (ws: readonly string[]) =>
    ws.filter((w) => !/^(?:of|the|and|for|&)$/i.test(w)).map((w) => w[0]!.toLowerCase()).join('');
  const escaped = acronym.replace(/[^\p{L}\p{N}]/gu, '');
  const before = new RegExp(`((?:[\\p{L}'’&-]+\\s+){1,8})\\(${escaped}\\)`, 'iu').exec(sentence);
  if (before) {
    const ws = before[1]!.trim().split(/\s+/);
    for (let k = 1; k <= ws.length; k++) {
      const tail = ws.slice(ws.length - k);
      if (initials(tail) === letters && /^\p{Lu}/u.test(tail[0]!)) return tail.join(' ');
    }
  }
  const after = new RegExp(`\\b${escaped}\\s+\\(([^)]{3,80})\\)`, 'iu').exec(sentence);
  if (after && initials(after[1]!.split(/\s+/)) === letters) return after[1]!;
  return undefined;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
