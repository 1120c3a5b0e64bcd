import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './knowledge.ts';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npx tsx <args>` from the repository root with `env`, feeding `input` on stdin. With
 * `cwd` (a folder with its own `.env`, say) it runs the repository's tsx from there, and script
 * paths in `args` are taken from the repository root.
 */
export function tsx(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const [command, argv] =
      options.cwd === undefined
        ? ['npx', ['tsx', ...args]]
        : [join(ROOT, 'node_modules', '.bin', 'tsx'), args.map((a) => (a.startsWith('src/') ? join(ROOT, a) : a))];
    const child = spawn(command, argv, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
