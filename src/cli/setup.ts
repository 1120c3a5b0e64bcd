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
