import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { words } from '../engine/normalise.ts';
import type { KnowledgeBase, Passage } from '../knowledge/types.ts';

/**
 * Questions for the benchmark and for the answer snapshot: the project's own question sets,
 * plus reworded variants made by fixed, deterministic transformations, so the timings are of
 * questions the knowledge does not hold word for word.
 */

/** The question sets about the shipped article, in a fixed order. */
export const SHIPPED_SETS = [
  'tests/fixtures/questions.yaml',
  'tests/fixtures/questions-holdout.yaml',
  'tests/fixtures/questions-channel.yaml',
  'tests/fixtures/questions-forum.yaml',
  'tests/fixtures/questions-mixed.yaml',
];
export const GENERALISATION_DIR = 'tests/fixtures/generalisation';

export async function yamlQuestions(path: string): Promise<string[]> {
  const fixture = parseYaml(await readFile(path, 'utf8')) as { answerable?: { q: string }[]; unanswerable?: { q: string }[] };
  return [...(fixture.answerable ?? []), ...(fixture.unanswerable ?? [])].map((i) => i.q);
}

export async function jsonlQuestions(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}

/** Every question of the sets about the shipped article, each once, in a fixed order. */
export async function shippedQuestions(root = '.'): Promise<string[]> {
  const out: string[] = [];
  for (const set of SHIPPED_SETS) out.push(...(await yamlQuestions(join(root, set)).catch(() => [])));
  return [...new Set(out)];
}

/** The generalisation articles (slug, article path, questions), sorted by slug. */
export async function generalisationSets(root = '.'): Promise<{ slug: string; article: string; questions: string[] }[]> {
  const dir = join(root, GENERALISATION_DIR);
  const slugs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return Promise.all(
    slugs.map(async (slug) => ({
      slug,
      article: join(dir, slug, 'article.md'),
      questions: await jsonlQuestions(join(dir, slug, 'questions.jsonl')),
    })),
  );
}

const FILLERS = ['hey so', 'quick q', 'ok so', 'um'];

/** A deterministic slip: the two middle letters of the longest word swapped. */
function typo(ws: string[]): string[] | undefined {
  let at = -1;
  for (let i = 0; i < ws.length; i++) if (ws[i]!.length >= 5 && (at < 0 || ws[i]!.length > ws[at]!.length)) at = i;
  if (at < 0) return undefined;
  const w = ws[at]!;
  const m = Math.floor(w.length / 2);
  if (w[m - 1] === w[m]) return undefined;
  const out = [...ws];
  out[at] = w.slice(0, m - 1) + w[m] + w[m - 1] + w.slice(m + 1);
  return out;
}

/** Reworded forms of one question: a word dropped, two swapped, filler added, a typo, lowercase without punctuation. */
export function variants(question: string, seed: number): string[] {
  const ws = question.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  if (ws.length >= 3) {
    const drop = 1 + (seed % (ws.length - 1));
    out.push(ws.filter((_, i) => i !== drop).join(' '));
    const swap = seed % (ws.length - 1);
    const swapped = [...ws];
    [swapped[swap], swapped[swap + 1]] = [swapped[swap + 1]!, swapped[swap]!];
    out.push(swapped.join(' '));
  }
  out.push(`${FILLERS[seed % FILLERS.length]} ${question}`);
  const slipped = typo(ws);
  if (slipped) out.push(slipped.join(' '));
  out.push(words(question).join(' '));
  return out;
}

const key = (text: string) => words(text).join(' ');

/**
 * Held-out questions: the question sets and their variants, less any text that equals a
 * phrasing the knowledge indexes (compared normalised), each once, in a fixed order.
 */
export function heldOut(questions: readonly string[], kb: KnowledgeBase): string[] {
  const indexed = new Set<string>();
  for (const e of kb.qa) for (const q of e.questions) indexed.add(key(q));
  for (const f of kb.facts) for (const t of [f.name, ...f.aliases, f.role ?? '', ...f.roleAliases]) indexed.add(key(t));
  const seen = new Set<string>();
  const out: string[] = [];
  questions.forEach((q, i) => {
    for (const text of [q, ...variants(q, i)]) {
      const k = key(text);
      if (indexed.has(k) || seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  });
  return out;
}

/**
 * N times the knowledge: every Q&A entry and fact copied with its id suffixed `-kN`, and the
 * article's paragraphs repeated, copy k after the original ones, so every sentence id the
 * copies cite exists (copy k of entry cites copy k of its passages). Scale 1 is the knowledge itself.
 */
export function scaleKnowledge(kb: KnowledgeBase, n: number): KnowledgeBase {
  if (n <= 1) return kb;
  const paragraphs = kb.article.paragraphs.length;
  const shiftId = (id: string, k: number) => {
    const m = /^p(\d+)(.*)$/.exec(id);
    return m ? `p${Number(m[1]) + k * paragraphs}${m[2]}` : id;
  };
  const shift = (p: Passage, k: number): Passage => ({ ...p, id: shiftId(p.id, k), paragraph: p.paragraph + k * paragraphs });
  const copies = Array.from({ length: n }, (_, k) => k);
  const paragraphList = copies.flatMap((k) => kb.article.paragraphs.map((p) => shift(p, k)));
  const sentenceList = copies.flatMap((k) => kb.article.sentences.map((p) => shift(p, k)));
  const passages = new Map<string, Passage>();
  for (const p of [...paragraphList, ...sentenceList]) passages.set(p.id, p);
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-k${k}`);
  return {
    ...kb,
    article: { ...kb.article, paragraphs: paragraphList, sentences: sentenceList, passages },
    qa: copies.flatMap((k) => kb.qa.map((e) => ({ ...e, id: suffix(e.id, k), cite: e.cite.map((c) => shiftId(c, k)) }))),
    facts: copies.flatMap((k) => kb.facts.map((f) => ({ ...f, id: suffix(f.id, k), cite: f.cite.map((c) => shiftId(c, k)) }))),
    derivedFactIds: new Set(copies.flatMap((k) => [...kb.derivedFactIds].map((id) => suffix(id, k)))),
    mentions: copies.flatMap((k) =>
      kb.mentions.map((m) => ({ ...m, passageId: shiftId(m.passageId, k), ...(m.entityId ? { entityId: suffix(m.entityId, k) } : {}) })),
    ),
  };
}
