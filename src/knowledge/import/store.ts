import { copyFile, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KNOWLEDGE_FILES } from '../loader.ts';

/**
 * Replacing `article.md` so that it can be put back: the one it replaces is kept beside it as
 * `article.previous.md` (which the loader does not read), and every write lands whole (a
 * temporary file renamed over the old one), so a refresh never reads half an article.
 */

export const PREVIOUS_ARTICLE = 'article.previous.md';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface Written {
  /** Whether there was an article to keep. */
  readonly backedUp: boolean;
  /** Puts both files back exactly as they were before the write, for an article the knowledge will not load with. */
  revert(): Promise<void>;
}

/** Writes the article, keeping the one it replaces as PREVIOUS_ARTICLE. */
export async function writeArticle(dir: string, markdown: string): Promise<Written> {
  const current = join(dir, KNOWLEDGE_FILES.article);
  const previous = join(dir, PREVIOUS_ARTICLE);
  const [oldCurrent, oldPrevious] = await Promise.all([readIfThere(current), readIfThere(previous)]);
  if (oldCurrent !== undefined) await writeWhole(previous, oldCurrent);
  await writeWhole(current, markdown);
  return {
    backedUp: oldCurrent !== undefined,
    async revert() {
      if (oldCurrent === undefined) await rm(current, { force: true });
      else await writeWhole(current, oldCurrent);
      if (oldPrevious === undefined) await rm(previous, { force: true });
      else await writeWhole(previous, oldPrevious);
    },
  };
}

export type RestoreResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Puts the previous article back; the one it replaces becomes the previous one, so restoring
 * twice brings back what was there before the first.
 */
export async function restorePreviousArticle(dir: string): Promise<RestoreResult> {
  const current = join(dir, KNOWLEDGE_FILES.article);
  const previous = join(dir, PREVIOUS_ARTICLE);
  if (!(await exists(previous))) return { ok: false, reason: `there is no ${PREVIOUS_ARTICLE} in ${dir} to restore` };
  const swap = `${current}.${process.pid}.swap`;
  const hadCurrent = await exists(current);
  if (hadCurrent) await copyFile(current, swap);
  await rename(previous, current);
  if (hadCurrent) await rename(swap, previous);
  return { ok: true };
}
