import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Undefined when `dir` is a folder; otherwise the one line that says what is wrong with it. */
export async function folderProblem(dir: string, variable: string): Promise<string | undefined> {
  const where = `${dir}${resolve(dir) === dir ? '' : ` (${resolve(dir)})`}`;
  try {
    const info = await stat(dir);
    return info.isDirectory() ? undefined : `${variable}: ${where} is not a folder`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${variable}: the folder ${where} does not exist`;
    return `${variable}: the folder ${where} cannot be read (${code ?? 'unknown error'})`;
  }
}
