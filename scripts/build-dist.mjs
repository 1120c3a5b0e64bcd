// Compiles src/ to dist/ (tsc, incrementally) when a source or build setting is newer than the
// last build, so `npm start` starts at once when nothing changed: even an incremental tsc
// that finds nothing to do takes seconds to load. Plain JavaScript: it runs before any build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stampFile = join(dist, '.build-stamp.json');
const settings = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => join(root, f));

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

// Data files beside the code (word lists read through import.meta.url) are copied as they are.
const files = filesUnder(join(root, 'src'));
const names = files.map((f) => relative(root, f)).sort();
const newest = Math.max(...[...files, ...settings.filter(existsSync)].map((f) => statSync(f).mtimeMs));

let stamp;
try {
  stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
} catch {
  stamp = undefined;
}
const sameFiles = stamp !== undefined && JSON.stringify(stamp.files) === JSON.stringify(names);
if (sameFiles && stamp.builtAt >= newest) process.exit(0);
// A removed or renamed source must not live on in dist/.
if (stamp !== undefined && !sameFiles) rmSync(dist, { recursive: true, force: true });

const startedAt = Date.now();
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  process.stderr.write(
    'citebot: dist/ is missing or older than src/, and TypeScript is not installed to build it. ' +
      'Run `npm install` (with dev dependencies) and `npm run build` where the code is deployed from.\n',
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('citebot: compiling src/ to dist/ failed; see the errors above.\n');
  process.exit(result.status ?? 1);
}
for (const file of files.filter((f) => !f.endsWith('.ts'))) {
  const target = join(dist, relative(join(root, 'src'), file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
// The time the build began: a source saved during the build is seen as newer next time.
writeFileSync(stampFile, JSON.stringify({ builtAt: startedAt, files: names }));
