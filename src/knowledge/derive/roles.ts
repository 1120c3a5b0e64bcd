import { COUNTRIES, MINISTRY_NAMES, PORTFOLIOS, ROLE_EXPANSIONS, ROLE_HEADS } from './cues.ts';
import { ADJECTIVE_COUNTRY, countryOf } from './names.ts';

/**
 * The ways a question may name an office: "Russian Railways CEO" is also "ceo of russian
 * railways", "russian railways chief executive" and "ceo"; "Foreign Minister" in an article
 * about Russia is also "russian foreign minister" and "minister of foreign affairs".
 */

const MAX_ALIASES = 40;
const STATE_OFFICE = /minister|president|premier|chancellor|secretary|ambassador|leader|governor|king|queen|prince|envoy|general|spokes/;

interface Country {
  readonly name: string;
  readonly adjective?: string;
  readonly aliases: readonly string[];
}

function country(name: string): Country | undefined {
  const c = COUNTRIES.find((x) => x.name === name);
  if (!c) return undefined;
  return { name: c.name, ...(c.adjectives?.[0] !== undefined && { adjective: c.adjectives[0] }), aliases: c.aliases ?? [] };
}

/** "russian railways ceo" -> ["russian railways", "ceo"] when the head is a known office word. */
function splitTitle(role: string, heads: readonly string[]): { owner: string; head: string } | undefined {
  for (const head of heads) {
    if (role === head) return undefined;
    if (role.endsWith(` ${head}`)) {
      const owner = role.slice(0, -head.length - 1).trim();
      if (owner) return { owner, head };
    }
  }
  return undefined;
}

/** "senior commander", "regional secretary": the phrase ends in a word for an office. */
function endsInOffice(phrase: string): boolean {
  return ROLE_HEADS.has(phrase.split(' ').at(-1)!) || HEADS.some((h) => phrase.endsWith(h));
}

/** Words that qualify an office rather than name its owner: "First Deputy Prime Minister". */
const MODIFIERS = new Set(['head', 'regional', 'national', 'first', 'second', 'deputy', 'vice', 'senior', 'acting', 'assistant', 'executive', 'chief', 'interim', 'former', 'joint', 'co', 'group', 'general', 'managing']);

const HEADS = [
  'first deputy prime minister', 'deputy prime minister', 'prime minister', 'minister', 'director general', 'director-general',
  'chief executive officer', 'chief executive', 'ceo', 'managing director', 'director', 'president', 'chairman', 'co-chairman',
  'chairwoman', 'chair', 'secretary', 'head', 'chief', 'boss', 'leader', 'manager', 'coach', 'captain', 'spokesman',
  'spokeswoman', 'spokesperson', 'mayor', 'governor', 'founder', 'editor', 'analyst', 'officer', 'commissioner',
];

/** Spelled-out and abbreviated forms of every office word in `s`. */
function expand(s: string): string[] {
  const out = new Set([s]);
  for (const group of ROLE_EXPANSIONS)
    for (const form of group) {
      const re = new RegExp(`(^|[\\s-])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s,])`);
      if (!re.test(s)) continue;
      for (const other of group) if (other !== form) out.add(s.replace(re, `$1${other}`));
    }
  return [...out];
}

export function roleAliases(role: string, context: { country?: string | undefined } = {}): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const t = s.toLowerCase().replace(/\s+/g, ' ').trim();
    if (t) for (const e of expand(t)) out.add(e);
  };
  const original = role.replace(/’/g, "'").replace(/\s+/g, ' ').trim();
  let r = original.toLowerCase();
  add(r);
  const originalWords = original.split(' ');

  // A nationality in front: "russian president" -> "president", "president of russia", "russia's president".
  const words = r.split(' ');
  let nation: Country | undefined;
  for (let n = 2; n >= 1; n--) {
    const adj = words.slice(0, n).join(' ');
    const c = ADJECTIVE_COUNTRY.get(adj);
    const next = originalWords[n] ?? '';
    const office = HEADS.some((h) => words.slice(n).join(' ').startsWith(h)) || !/^\p{Lu}/u.test(next);
    if (c && words.length > n && office) {
      nation = country(c);
      r = words.slice(n).join(' ');
      add(r);
      break;
    }
  }
  // Whose office it is: "bt's futurologist", "chief executive of acme", "Russian Railways CEO".
  const of = /^(.+?) (?:of|at|for|with) (?:the )?(.+)$/.exec(r);
  const ofHead = of && endsInOffice(of[1]!) ? of : undefined;
  const poss = /^(.+?)'s? (.+)$/.exec(r);
  const possessive = poss && !/ (?:of|at|for|with) /.test(poss[1]!) ? poss : undefined;
  let owner: string | undefined;
  let head = r;
  if (possessive) {
    owner = possessive[1]!;
    head = possessive[2]!;
  } else if (ofHead) {
    head = ofHead[1]!;
    owner = ofHead[2]!;
  } else {
    const title = splitTitle(r, HEADS);
    const ownerText = title ? original.slice(0, title.owner.length) : '';
    // Only a name or a portfolio owns an office: "Acme Director General", "Finance Director", not "head coach".
    const named = /(?:^|\s)\p{Lu}/u.test(ownerText) && !/-based$/i.test(ownerText);
    const portfolio = title !== undefined && title.owner.split(' ').every((w) => PORTFOLIOS.has(w));
    if (title && (named || portfolio) && !title.owner.split(' ').every((w) => MODIFIERS.has(w))) {
      owner = title.owner;
      head = title.head;
    } else if (title && (title.owner.split(' ').every((w) => MODIFIERS.has(w)) || /-based$/.test(title.owner))) {
      // "head coach" is a coach, "Paris-based co-chairman" a co-chairman.
      add(title.head);
    }
  }
  const owners: string[] = [];
  let isPortfolio = false;
  if (owner) {
    owners.push(owner);
    // "space agency Acme Director General": also just "Acme".
    const at = original.toLowerCase().indexOf(owner);
    if (at >= 0) {
      const ownerWords = original.slice(at, at + owner.length).split(' ');
      const k = ownerWords.findIndex((w) => /^\p{Lu}/u.test(w));
      if (k > 0) owners.push(ownerWords.slice(k).join(' ').toLowerCase());
    }
  }
  if (owner) {
    const ownerCountry = countryOf(owner) ?? ADJECTIVE_COUNTRY.get(owner);
    if (ownerCountry) nation ??= country(ownerCountry);
    isPortfolio =
      !ownerCountry && !possessive && (owner.split(' ').every((w) => PORTFOLIOS.has(w)) || (/^(minister|secretary|commissioner)$/.test(head) && owner.split(' ').length <= 2));
    if (isPortfolio) {
      // "foreign minister" -> "minister of foreign affairs", "foreign affairs minister".
      const portfolio = MINISTRY_NAMES[owner] ?? owner;
      add(`${head} of ${portfolio}`);
      add(`${head} for ${portfolio}`);
      if (portfolio !== owner) add(`${portfolio} ${head}`);
      add(`${owner} ${head}`);
    } else {
      add(head);
      if (!ownerCountry)
        for (const o of owners) {
          add(`${head} of ${o}`);
          add(`${head} at ${o}`);
          add(`${o} ${head}`);
          add(/s$/.test(o) ? `${o}' ${head}` : `${o}'s ${head}`);
          if (/^(ceo|chief executive|director general|director-general|managing director|director|chairman|president)$/.test(head)) {
            add(`head of ${o}`);
            add(`${o} head`);
            add(`${o} boss`);
            add(`${o} chief`);
          }
        }
    }
  }
  // An office of state without a country is the country's the article is about.
  if (!nation && context.country && (!owner || isPortfolio) && STATE_OFFICE.test(head)) nation = country(context.country);
  if (nation) {
    const base = owner && (countryOf(owner) || ADJECTIVE_COUNTRY.get(owner)) ? head : r;
    const names = [nation.name, ...nation.aliases.filter((a) => !/^the /i.test(a) && a.length <= 4 && !a.includes('.'))];
    if (nation.adjective) add(`${nation.adjective} ${base}`);
    for (const n of names) {
      add(`${n}'s ${base}`);
      add(`${base} of ${n}`);
    }
    if (/leader|president|head/.test(base)) add(`${nation.adjective ?? nation.name} ${base.replace(/ of .*$/, '')}`);
  }
  return [...out].slice(0, MAX_ALIASES);
}
