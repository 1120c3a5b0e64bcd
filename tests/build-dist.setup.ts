import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once before any test file starts `npm start`, whose own build step would
 * otherwise run in several processes at once on a fresh clone.
 */
export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build-dist.mjs', import.meta.url));
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
