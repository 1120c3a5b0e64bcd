import { COUNTRIES, FAMILY_NAME_FIRST, HONORIFICS } from './cues.ts';

/**
 * Other ways to write a name: a person's surname, full name without middle names, spelling
 * variants, possessives; an organisation's acronym; a country's other names.
 */

const uniq = (xs: readonly string[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const t = x.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
};

const possessives = (s: string): string[] => (/s$/i.test(s) ? [`${s}'`, `${s}’`] : [`${s}'s`, `${s}’s`]);

/** The name a person is called by on second mention: "Lavrov", but "Kim" for Kim Jong Un. */
export function surname(name: string): string {
  const parts = name.split(/\s+/);
  if (parts.length >= 2 && FAMILY_NAME_FIRST.has(parts[0]!.toLowerCase())) return parts[0]!;
  return parts.at(-1)!;
}

/** "Valdés" is also typed "Valdes". */
const ascii = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const withAscii = (xs: readonly string[]): string[] => xs.flatMap((x) => (ascii(x) === x ? [x] : [x, ascii(x)]));

export function personAliases(name: string, seen: readonly string[]): string[] {
  const parts = name.split(/\s+/);
  const out = [name, ...seen];
  if (parts.length >= 2) out.push(surname(name));
  if (parts.length >= 3 && !FAMILY_NAME_FIRST.has(parts[0]!.toLowerCase())) out.push(`${parts[0]} ${parts.at(-1)}`);
  // "Kim Jong Un" / "Kim Jong-un": given names written as one hyphenated word, and back.
  if (parts.length === 3 && FAMILY_NAME_FIRST.has(parts[0]!.toLowerCase())) {
    out.push(`${parts[0]} ${parts[1]}-${parts[2]!.toLowerCase()}`, `${parts[1]} ${parts[2]}`);
  }
  if (name.includes('-')) out.push(name.replace(/-/g, ' '));
  for (const form of [name, surname(name)]) out.push(...possessives(form));
  return uniq(withAscii(out.filter((a) => !HONORIFICS.has(a.toLowerCase()))));
}

/** Initials of a name of three or more words: "Media Lab Europe" -> "MLE"; two words make none. */
export function acronymOf(name: string): string | undefined {
  const words = name.replace(/^the\s+/i, '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length < 3) return undefined;
  return words.map((w) => w[0]).join('');
}

export function organisationAliases(name: string, seen: readonly string[], acronym?: string): string[] {
  const bare = name.replace(/^the\s+/i, '');
  const out = [name, bare, `the ${bare}`, ...seen, ...possessives(bare)];
  const initials = acronym ?? acronymOf(bare);
  if (initials) out.push(initials);
  if (bare.includes('-')) out.push(bare.replace(/-/g, ' '));
  if (bare.includes('&')) out.push(bare.replace(/\s*&\s*/g, ' and '));
  return uniq(withAscii(out));
}

export function placeAliases(name: string, seen: readonly string[]): string[] {
  const country = COUNTRIES.find((c) => c.name === name || (c.aliases ?? []).includes(name));
  const out = [name, ...seen, ...(country ? [country.name, ...(country.aliases ?? [])] : []), ...possessives(name)];
  return uniq(withAscii(out));
}

/** An id from a name: lowercase ASCII letters, digits and dashes, at most 40 characters. */
export function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let id = ascii.slice(0, 40).replace(/-+$/, '');
  return id;
}
