/**
 * Chat-style copies of well-written questions, as people type them in Discord: lowercase, no
 * punctuation, a typo or two, abbreviations, filler and casual openers. Seeded, so a refit from
 * the same corpus sees the same copies.
 */

/** A small deterministic generator (mulberry32): the same seed gives the same copies. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ['hey ', 'yo ', 'quick q ', 'so ', 'ok so ', 'pls ', 'hi bot ', 'idk but ', 'wait '];
const FILLER = [' lol', ' pls', ' ?', ' ??', ' tho', ' btw', ' thx', ' rn'];
const SHORT: Readonly<Record<string, string>> = {
  you: 'u', are: 'r', because: 'bc', people: 'ppl', about: 'abt', please: 'pls', what: 'wat', with: 'w', without: 'w/o',
  government: 'govt', number: 'no', year: 'yr', years: 'yrs', thanks: 'thx', before: 'b4', information: 'info',
};

function typo(word: string, rand: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const r = rand();
  if (r < 0.4) return word.slice(0, i) + word.slice(i + 1);
  if (r < 0.8) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + word[i] + word.slice(i);
}

export function roughen(question: string, rand: () => number): string {
  let words = question
    .toLowerCase()
    .replace(/[?.!,;:"“”()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  words = words.map((w) => (rand() < 0.3 && SHORT[w] ? SHORT[w]! : w));
  const typos = rand() < 0.5 ? 1 : rand() < 0.3 ? 2 : 0;
  for (let k = 0; k < typos; k++) {
    const i = Math.floor(rand() * words.length);
    words[i] = typo(words[i]!, rand);
  }
  let out = words.join(' ');
  if (rand() < 0.35) out = OPENERS[Math.floor(rand() * OPENERS.length)]! + out;
  if (rand() < 0.35) out += FILLER[Math.floor(rand() * FILLER.length)]!;
  return out;
}
