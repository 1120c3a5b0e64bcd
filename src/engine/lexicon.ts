import { stemmer } from 'stemmer';
import type { KnowledgeBase } from '../knowledge/types.ts';
import { ARTICLE_STEMS, HANGUL_PARTICLES, isStopword, OFFICE_WORDS, questionKind, SPEECH_WORDS, STOPWORDS, WEAK_WORDS, type QuestionKind } from './language.ts';
import { scriptOf, words } from './normalise.ts';
import { GENERAL_OPPOSITES, GENERAL_SYNONYMS } from './general-concepts.ts';
import { SpellingCorrector } from './spelling.ts';
import { memoize } from './memo.ts';
import { NO_WORD_KNOWLEDGE, type WordKnowledge } from './word-knowledge.ts';

/** Longest alias or synonym, in content words, that is looked for as a phrase. */
const MAX_PHRASE = 6;

export interface EntityInfo {
  readonly id: string;
  readonly name: string;
  readonly speaks: boolean;
  /** People, organisations and countries can be asked what they said; places and dates cannot. */
  readonly canSpeak: boolean;
  /** A country or place: "north korea's foreign minister" is not Russia's. */
  readonly isPlace: boolean;
}

/** A word of a question after typo correction. */
export interface AnalysedWord {
  readonly word: string;
  /** Set when the word was a typo of a known word. */
  readonly correctedFrom?: string;
}

export interface Analysis {
  readonly words: readonly string[];
  readonly kind: QuestionKind;
  /** Matching terms: stems and concept keys (`~defense`, `@lavrov`), each once, in order of appearance. */
  readonly terms: readonly string[];
  /** Content words that are neither known to the knowledge base nor a typo of a known word. */
  readonly unknown: readonly string[];
  /** Entities named, with the position of the content word where each was named. */
  readonly entities: ReadonlyArray<{ readonly key: string; readonly position: number }>;
  /** Positions (in content words) of words that ask what someone said. */
  readonly speech: readonly number[];
  /** Positions (in content words) of words for the article itself. */
  readonly article: readonly number[];
  readonly corrections: ReadonlyArray<readonly [string, string]>;
  /** An office the question names that no fact holds ("education minister"), as asked. */
  readonly unknownOffice?: string;
}

/** Most stems remembered: a word's stem never changes, and the same few thousand words recur. */
const STEM_CACHE_LIMIT = 50_000;

export const stem: (word: string) => string = memoize(STEM_CACHE_LIMIT, (word) =>
  scriptOf(word) === 'latin' && !/\p{N}/u.test(word) ? stemmer(word) : word,
);

const entityKey = (id: string) => `@${id}`;

/** An English word at least this common (Zipf scale) is taken as meant, not as a typo. */
const KEEP_AS_TYPED_ZIPF = 2.5;

/** Most knowledge texts whose analysis is kept. */
const KNOWN_CACHE_LIMIT = 100_000;

/**
 * Everything known about the words of one knowledge base: the vocabulary that typos are
 * corrected against, and the aliases and synonyms that let different words mean one thing.
 */
export class Lexicon {
  readonly #single = new Map<string, string[]>();
  readonly #phrases = new Map<string, string[]>();
  readonly #wordPhrases = new Map<string, string[]>();
  /** Every start of two words or more of a phrase of #wordPhrases / #phrases: a run that is none starts no phrase. */
  readonly #wordPhrasePrefixes = new Set<string>();
  readonly #phrasePrefixes = new Set<string>();
  readonly #speech = new Set<string>();
  readonly #entities = new Map<string, EntityInfo>();
  readonly #frequency = new Map<string, number>();
  readonly #corrector: SpellingCorrector;
  readonly #everydayCorrector: SpellingCorrector;
  readonly #knownStems = new Set<string>();
  readonly #opposites = new Map<string, string[]>();
  /** Every role alias as content stems, and the words that start one ("russian" foreign minister). */
  readonly #roles = new Set<string>();
  readonly #roleStarts = new Set<string>();
  readonly #roleStartsOf = new Map<string, Set<string>>();
  #longestRole = 1;
  readonly #officeStems = new Set([...OFFICE_WORDS].map(stem));

  readonly #english: WordKnowledge;
  /** Which keys each alias list holds, while the lists are built; dropped after. */
  #aliasHeld = new Map<string, Set<string>>();
  /**
   * Knowledge text analysed once: the lexicon never changes after it is built, and text is
   * repeated (a phrasing shared by entries, a sentence's clauses). Bounded, as text analysed at
   * question time must not grow it for ever.
   */
  readonly #analyseKnown = memoize(KNOWN_CACHE_LIMIT, (text) => this.#analyse(text, false));

  #mapId(map: Map<string, string[]>): number {
    return map === this.#single ? 0 : map === this.#phrases ? 1 : 2;
  }

  constructor(kb: KnowledgeBase, english: WordKnowledge = NO_WORD_KNOWLEDGE) {
    this.#english = english;
    const texts: string[] = [...kb.article.sentences.map((s) => s.text)];
    for (const e of kb.qa) texts.push(...e.questions, e.answer);
    for (const f of kb.facts) texts.push(f.name, ...f.aliases, f.role ?? '', ...f.roleAliases, f.description);
    const synonyms = [...GENERAL_SYNONYMS, ...kb.concepts.synonyms];
    for (const group of synonyms) texts.push(...group);
    texts.push(...SPEECH_WORDS, ...kb.concepts.speech);
    for (const text of texts) for (const w of words(text)) this.#frequency.set(w, (this.#frequency.get(w) ?? 0) + 1);
    for (const w of [...STOPWORDS, ...WEAK_WORDS]) if (!this.#frequency.has(w)) this.#frequency.set(w, 0);

    for (const group of synonyms) {
      const key = `~${words(group[0]!).join('_')}`;
      for (const term of group) this.#addAlias(term, key, true);
    }
    for (const f of kb.facts) {
      const key = entityKey(f.id);
      this.#entities.set(key, {
        id: f.id,
        name: f.name,
        speaks: f.speaks,
        canSpeak: f.kind === 'person' || f.kind === 'organisation' || f.kind === 'country',
        isPlace: f.kind === 'country' || f.kind === 'place',
      });
      for (const alias of [f.name, ...f.aliases]) this.#addAlias(alias, key, true);
      for (const role of [f.role, ...f.roleAliases]) {
        if (!role) continue;
        this.#addAlias(role, key, false);
        const stems = contentStems(role);
        if (stems.length === 0) continue;
        this.#roles.add(stems.join(' '));
        this.#roleStarts.add(stems[0]!);
        const starts = this.#roleStartsOf.get(key) ?? new Set<string>();
        starts.add(stems[0]!);
        this.#roleStartsOf.set(key, starts);
        this.#longestRole = Math.max(this.#longestRole, stems.length);
      }
    }
    // An office the article itself names is known even when no fact holds it: the sentence answers.
    for (const sentence of kb.article.sentences)
      for (const office of officesNamed(sentence.text)) {
        this.#roles.add(office.join(' '));
        this.#longestRole = Math.max(this.#longestRole, office.length);
      }
    for (const word of [...SPEECH_WORDS, ...kb.concepts.speech]) for (const s of contentStems(word, true)) this.#speech.add(s);
    for (const w of this.#frequency.keys()) this.#knownStems.add(stem(w));
    this.#aliasHeld = new Map();
    const opposite = (x: string, y: string) => {
      const list = this.#opposites.get(x);
      if (list) list.push(y);
      else this.#opposites.set(x, [y]);
    };
    for (const [a, b] of [...GENERAL_OPPOSITES, ...kb.concepts.opposites]) {
      const [ta, tb] = [this.#analyse(a, false).terms, this.#analyse(b, false).terms];
      for (const x of ta) for (const y of tb) {
        opposite(x, y);
        opposite(y, x);
      }
    }
    // A typo is corrected to a word that matters: "staying" must not become the stopword "saying".
    this.#corrector = new SpellingCorrector(
      new Map([...this.#frequency].filter(([w]) => !isStopword(w) && !WEAK_WORDS.has(w))),
    );
    // ...but a slip on an everyday word ("acording") is still an everyday word, not a strange one.
    this.#everydayCorrector = new SpellingCorrector(
      new Map([...STOPWORDS, ...WEAK_WORDS].filter((w) => w.length >= 5).map((w) => [w, 0])),
      1,
    );
  }

  /**
   * A one-word alias stands for its concept (`rzd` is Russian Railways). A longer one adds the
   * concept beside its words, so "head of roscosmos" still shares `roscosmos` with other
   * questions; it is looked for word for word ("been to") and by its content words alone
   * ("head roscosmos" in "who heads roscosmos").
   */
  #addAlias(term: string, key: string, replaceSingle: boolean): void {
    const all = words(term).map(stem);
    if (all.length === 0 || all.length > MAX_PHRASE) return;
    const put = (map: Map<string, string[]>, k: string) => {
      // A set beside each list keeps this linear when many entries share an alias.
      const mapKey = `${this.#mapId(map)}\u0000${k}`;
      let held = this.#aliasHeld.get(mapKey);
      if (!held) this.#aliasHeld.set(mapKey, (held = new Set()));
      if (held.has(key)) return;
      held.add(key);
      const list = map.get(k);
      if (list) list.push(key);
      else map.set(k, [key]);
      const parts = k.split(' ');
      const prefixes = map === this.#wordPhrases ? this.#wordPhrasePrefixes : this.#phrasePrefixes;
      for (let n = 2; n <= parts.length; n++) prefixes.add(parts.slice(0, n).join(' '));
    };
    if (all.length === 1) {
      put(replaceSingle && !isStopword(all[0]!) ? this.#single : this.#phrases, all[0]!);
      return;
    }
    put(this.#wordPhrases, all.join(' '));
    const content = contentStems(term);
    if (content.length >= 2) put(this.#phrases, content.join(' '));
  }

  /** Terms that a text holding `term` cannot also mean. */
  opposites(term: string): readonly string[] {
    return this.#opposites.get(term) ?? [];
  }

  entity(key: string): EntityInfo | undefined {
    return this.#entities.get(key);
  }

  isKnownStem(s: string): boolean {
    return this.#knownStems.has(s);
  }

  /** Known to the knowledge base, as written or by its stem, or an everyday word. */
  isKnownWord(word: string): boolean {
    return this.#frequency.has(word) || WEAK_WORDS.has(word) || this.#knownStems.has(stem(word));
  }

  /** Knowledge text: no typo correction, every word defines the vocabulary. */
  analyseKnown(text: string): Analysis {
    return this.#analyseKnown(text);
  }

  analyseQuestion(text: string): Analysis {
    return this.#analyse(text, true);
  }

  #fixWord(word: string): AnalysedWord {
    if (this.#frequency.has(word)) return { word };
    // "rules" is no typo of "rule", and an everyday word is no typo at all.
    if (WEAK_WORDS.has(word) || this.#knownStems.has(stem(word))) return { word };
    if (scriptOf(word) === 'hangul') {
      for (const particle of HANGUL_PARTICLES)
        if (word.length > particle.length && word.endsWith(particle)) {
          const base = word.slice(0, -particle.length);
          if (this.#frequency.has(base)) return { word: base, correctedFrom: word };
        }
      return { word };
    }
    // "staying" is no slip of "studying": a word of ordinary English stands as typed, unless it
    // is so rare that a slip is likelier ("minster" for "minister").
    if (this.#english.isOrdinary(word) && this.#english.frequency(word) >= KEEP_AS_TYPED_ZIPF) return { word };
    const fixed = this.#corrector.correct(word) ?? this.#everydayCorrector.correct(word);
    if (fixed) return { word: fixed, correctedFrom: word };
    return { word };
  }

  #analyse(text: string, correct: boolean): Analysis {
    const all = words(text);
    const corrections: Array<[string, string]> = [];
    const fixedAll = all.map((w) => {
      if (!correct || isStopword(w)) return w;
      const fixed = this.#fixWord(w);
      if (fixed.correctedFrom) corrections.push([fixed.correctedFrom, fixed.word]);
      return fixed.word;
    });
    const content = fixedAll.filter((w) => !isStopword(w));
    const stems = content.map(stem);
    const terms: string[] = [];
    const unknown: string[] = [];
    const entities: Array<{ key: string; position: number }> = [];
    const speech: number[] = [];
    const article: number[] = [];
    const termSet = new Set<string>();
    const add = (t: string) => {
      if (termSet.has(t)) return;
      termSet.add(t);
      terms.push(t);
    };
    const entitySet = new Set<string>();
    const noteEntity = (key: string, position: number) => {
      if (this.#entities.has(key) && !entitySet.has(key)) {
        entitySet.add(key);
        entities.push({ key, position });
      }
    };
    const allStems = fixedAll.map(stem);
    let contentBefore = 0;
    for (let i = 0; i < allStems.length; i++) {
      // Longest phrase first, as a phrase names more than the shorter ones inside it.
      const found = phrasesAt(allStems, i, this.#wordPhrasePrefixes, this.#wordPhrases);
      for (let f = found.length - 1; f >= 0; f--)
        for (const key of found[f]!) {
          add(key);
          noteEntity(key, contentBefore);
        }
      if (!isStopword(fixedAll[i]!)) contentBefore++;
    }
    for (let i = 0; i < stems.length; i++) {
      const found = phrasesAt(stems, i, this.#phrasePrefixes, this.#phrases);
      for (let f = found.length - 1; f >= 0; f--)
        for (const key of found[f]!) {
          add(key);
          noteEntity(key, i);
        }
      const s = stems[i]!;
      if (this.#speech.has(s)) speech.push(i);
      if (ARTICLE_STEMS.has(s)) article.push(i);
      const single = this.#single.get(s);
      if (single) {
        for (const key of single) {
          add(key);
          noteEntity(key, i);
        }
      } else if (!isLetter(s)) {
        add(s);
        const phraseKeys = this.#phrases.get(s);
        if (phraseKeys) for (const key of phraseKeys) add(key);
        // Inflected Russian and Korean words escape the vocabulary too easily to count as strange.
        if (correct && !this.isKnownWord(content[i]!) && scriptOf(content[i]!) === 'latin') unknown.push(content[i]!);
      }
    }
    const unknownOffice = correct ? this.#unknownOffice(fixedAll) : undefined;
    return {
      words: fixedAll,
      kind: questionKind(fixedAll),
      terms,
      unknown,
      entities,
      speech,
      article,
      corrections,
      ...(unknownOffice ? { unknownOffice } : {}),
    };
  }

  /** "education minister": an office word whose qualifier makes a role that no fact holds. */
  #unknownOffice(all: readonly string[]): string | undefined {
    for (let i = 1; i < all.length; i++) {
      if (!this.#officeStems.has(stem(all[i]!))) continue;
      // The words right before it, up to a stopword: "who in the delegation is not a minister" qualifies nothing.
      let start = i;
      while (start > 0 && !isStopword(all[start - 1]!)) start--;
      if (start === i) continue;
      const run = all.slice(start, i + 1).map(stem);
      let known = 0;
      for (let k = Math.min(this.#longestRole, run.length); k >= 2 && known === 0; k--)
        if (this.#roles.has(run.slice(run.length - k).join(' '))) known = k;
      if (known === 0) {
        const qualifier = all[i - 1]!;
        const q = run[run.length - 2]!;
        // "hollis is the minister of what" names a person, not an office.
        const namesEntity = this.#single.get(q)?.some((key) => this.#entities.has(key));
        if (WEAK_WORDS.has(qualifier) || isLetter(qualifier) || namesEntity || this.#roleStarts.has(q)) continue;
        return `${qualifier} ${all[i]}`;
      }
      // A known office of another country: "north korea's foreign minister" is not the one the article names.
      const prefix = run.slice(0, run.length - known);
      for (let len = Math.min(3, prefix.length); len >= 1; len--) {
        const tail = prefix.slice(prefix.length - len).join(' ');
        const keys = len === 1 ? this.#single.get(tail) : this.#phrases.get(tail);
        if (!keys?.some((key) => this.#entities.get(key)?.isPlace)) continue;
        // "russia's defense ministry" is fine: some role alias of the holder starts with that place.
        const holders = this.#phrases.get(run.slice(run.length - known).join(' ')) ?? [];
        const place = prefix[prefix.length - len]!;
        if (!holders.some((h) => this.#roleStartsOf.get(h)?.has(place))) return all.slice(i - known - len + 1, i + 1).join(' ');
      }
    }
    return undefined;
  }
}

/**
 * The offices a text names, as content stems: "First Deputy Prime Minister" as a whole title,
 * "the government's communications minister" by the words before the office word.
 */
function officesNamed(text: string): string[][] {
  const out: string[][] = [];
  const tokens = [...text.matchAll(/[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu)].map((m) => m[0]);
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (!OFFICE_STEMS.has(stem(w.toLowerCase()))) continue;
    const titled = /^\p{Lu}/u.test(w);
    const run: string[] = [w];
    for (let j = i - 1; j >= 0 && run.length < 4; j--) {
      const t = tokens[j]!;
      if (!/^[\p{L}\p{N}]/u.test(t) || isStopword(t.toLowerCase()) || /['’]s$/.test(t)) break;
      if (titled && !/^\p{Lu}/u.test(t)) break;
      run.unshift(t);
      if (!titled && run.length >= 2) break;
    }
    if (run.length >= 2) out.push(contentStems(run.join(' ')));
  }
  return out;
}

const OFFICE_STEMS: ReadonlySet<string> = new Set([...OFFICE_WORDS].map(stem));

/** The keys of the phrases of two words or more that start at stems[i], shortest first. */
function phrasesAt(
  stems: readonly string[],
  i: number,
  prefixes: ReadonlySet<string>,
  phrases: ReadonlyMap<string, readonly string[]>,
): (readonly string[])[] {
  const found: (readonly string[])[] = [];
  let run = stems[i]!;
  for (let len = 2; len <= MAX_PHRASE && i + len <= stems.length; len++) {
    run += ` ${stems[i + len - 1]!}`;
    if (!prefixes.has(run)) break;
    const keys = phrases.get(run);
    if (keys) found.push(keys);
  }
  return found;
}

/** "n" in "n korea" helps find the phrase but is no term of its own. */
function isLetter(word: string): boolean {
  return word.length === 1 && scriptOf(word) === 'latin';
}

/** Stems of the content words of a short text (an alias, a synonym). */
function contentStems(text: string, keepWeak = false): string[] {
  return words(text)
    .filter((w) => !isStopword(w) || (keepWeak && WEAK_WORDS.has(w)))
    .map(stem);
}
