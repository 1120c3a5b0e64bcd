import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig, loadDotenv, type Config } from '../config.ts';

/**
 * What every command-line tool does first, the same way `npm start` does: read `./.env` (real
 * environment variables win), validate the configuration, and stop with one line per problem,
 * prefixed with the tool's name, when something is wrong.
 */
export function cliConfig(tool: string): Config {
  loadDotenv();
  const loaded = loadConfig();
  if (loaded.ok) return loaded.config;
  for (const problem of loaded.problems) process.stderr.write(`${tool}: ${problem}\n`);
  process.exit(1);
}

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

/** The first line of an error's message, for tools that must fail in one line. */
export function oneLine(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException).code;
    const first = error.message.split('\n')[0] ?? error.name;
    return code !== undefined && !first.includes(code) ? `${first} (${code})` : first;
  }
  return String(error).split('\n')[0] ?? '';
}
