import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngine } from '../../src/engine/engine.ts';
import type { Engine } from '../../src/engine/types.ts';
import { KNOWLEDGE_FILES, loadKnowledge, type KnowledgeSources } from '../../src/knowledge/loader.ts';
import type { KnowledgeBase, Passage } from '../../src/knowledge/types.ts';

/** The repository root and the real knowledge directory the bot ships with. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');

let knowledge: Promise<KnowledgeBase> | undefined;
let engine: Promise<Engine> | undefined;

/** The real knowledge, loaded once per test file; a load problem fails loudly with every problem listed. */
export function realKnowledge(): Promise<KnowledgeBase> {
  knowledge ??= loadKnowledge(KNOWLEDGE_DIR).then((result) => {
    if (!result.ok)
      throw new Error(`knowledge/ does not load:\n${result.problems.map((p) => `${p.file} [${p.entry ?? '-'}]: ${p.message}`).join('\n')}`);
    return result.knowledge;
  });
  return knowledge;
}

/** One engine over the real knowledge, built once per test file. */
export function realEngine(): Promise<Engine> {
  engine ??= realKnowledge().then(buildEngine);
  return engine;
}

/** The raw text of every real knowledge file, for building variants in memory. */
export async function realSources(): Promise<Record<keyof KnowledgeSources, string>> {
  const read = (file: string) => readFile(join(KNOWLEDGE_DIR, file), 'utf8');
  return {
    [KNOWLEDGE_FILES.article]: await read(KNOWLEDGE_FILES.article),
    [KNOWLEDGE_FILES.qa]: await read(KNOWLEDGE_FILES.qa),
    [KNOWLEDGE_FILES.facts]: await read(KNOWLEDGE_FILES.facts),
    [KNOWLEDGE_FILES.concepts]: await read(KNOWLEDGE_FILES.concepts),
  };
}

/** A throwaway copy of knowledge/ in the OS temp dir; call `remove` when done. */
export async function copyKnowledge(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'citebot-knowledge-'));
  const dir = join(parent, 'knowledge');
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** The sentence with this id, or a thrown error naming it. */
export function sentence(kb: KnowledgeBase, id: string): Passage {
  const passage = kb.article.passages.get(id);
  if (!passage || passage.sentence === undefined) throw new Error(`${id} is not a sentence of the article`);
  return passage;
}

/** The article body as the file has it, without front matter: what "verbatim" is checked against. */
export function articleBody(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
}

/** How the loader compares questions for duplicates: case and punctuation do not count. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
