import { copyFile, rename, stat, writeFile } from 'node:fs/promises';
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

/** Writes the article; `backedUp` says whether an older one was kept. */
export async function writeArticle(dir: string, markdown: string): Promise<{ readonly backedUp: boolean }> {
  const current = join(dir, KNOWLEDGE_FILES.article);
  const backedUp = await exists(current);
  if (backedUp) {
    const temporary = `${join(dir, PREVIOUS_ARTICLE)}.${process.pid}.tmp`;
    await copyFile(current, temporary);
    await rename(temporary, join(dir, PREVIOUS_ARTICLE));
  }
  await writeWhole(current, markdown);
  return { backedUp };
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
