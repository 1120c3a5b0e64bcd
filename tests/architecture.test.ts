import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down the layers of docs/architecture.md, never up, and never in a circle: a
 * layer can then be read, tested and changed knowing only what lies below it.
 */

const SRC = resolve(import.meta.dirname, '../src');

/** Bottom to top. A module is the first folder under src/, or a file directly in it. */
const LAYERS: readonly (readonly string[])[] = [
  ['lexical', 'config.ts', 'deploy-config.ts', 'log.ts', 'log-format.ts', 'url.ts'],
  ['knowledge'],
  ['engine'],
  ['render'],
  ['store', 'metrics'],
  ['app'],
  ['discord', 'http', 'shard', 'preview', 'cli'],
  ['main.ts'],
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Static imports and re-exports, type-only ones included, and dynamic imports of a literal path. */
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

function moduleOf(file: string): string {
  return relative(SRC, file).split('/')[0]!;
}

function layerOf(module: string): number {
  return LAYERS.findIndex((layer) => layer.includes(module));
}

const files = tsFiles(SRC);
const graph = new Map<string, string[]>(
  files.map((file) => [
    relative(SRC, file),
    importsOf(readFileSync(file, 'utf8')).map((spec) => relative(SRC, resolve(dirname(file), spec))),
  ]),
);

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  it('reads every kind of relative import', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "import './side-effect.ts';",
      'const d = await import("./d.ts");',
      "// import { e } from './commented.ts';",
      "import { f } from 'some-package';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './side-effect.ts', './d.ts']);
  });

  it('places every module of src/ in a layer', () => {
    const unplaced = [...new Set(files.map(moduleOf))].filter((module) => layerOf(module) < 0);
    expect(unplaced).toEqual([]);
  });

  it('finds every imported file', () => {
    // Data files beside the code (a fitted model) are imported too; they import nothing.
    const missing = [...graph].flatMap(([from, targets]) =>
      targets.filter((t) => !graph.has(t) && !(t.endsWith('.json') && existsSync(join(SRC, t)))).map((t) => `${from} -> ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no import that points up a layer', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => layerOf(moduleOf(join(SRC, to))) > layerOf(moduleOf(join(SRC, from))))
        .map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no circle between files', () => {
    expect(cycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('keeps the engine pure: no Node module (files, workers, processes), no process, no clock', () => {
    const impure = files
      .filter((file) => moduleOf(file) === 'engine')
      .filter((file) => /from\s+['"]node:|\bprocess\.|\bDate\.now\(|\bnew Date\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(impure).toEqual([]);
  });

  it('has no circle between modules', () => {
    const between = new Map<string, string[]>();
    for (const [from, targets] of graph) {
      const a = moduleOf(join(SRC, from));
      const outs = between.get(a) ?? [];
      for (const to of targets) {
        const b = moduleOf(join(SRC, to));
        if (b !== a && !outs.includes(b)) outs.push(b);
      }
      between.set(a, outs);
    }
    expect(cycles(between).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});
