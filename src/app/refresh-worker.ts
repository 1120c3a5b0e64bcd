import { parentPort, workerData } from 'node:worker_threads';
import { cachedDerivation } from '../knowledge/derive/cache.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { buildEngine } from '../engine/engine.ts';
import type { CheckRequest, CheckResponse } from './off-thread.ts';

/**
 * Worker thread: reads, validates and cross-checks a knowledge directory, and builds an index
 * from it once to prove it builds and to time the build, so the main thread only ever builds
 * knowledge that has passed every check. The checked knowledge base goes back as plain data.
 */

const request = workerData as CheckRequest;
const started = performance.now();
// A changed article is derived here, off the main thread; an unchanged one comes from the cache.
const derive = request.derivedCacheDir === undefined ? {} : { derive: cachedDerivation(request.derivedCacheDir) };
const result = await loadKnowledge(request.dir, new Date(request.loadedAt), derive);
const checkMs = performance.now() - started;
let buildMs: number | undefined;
let response: CheckResponse;
if (result.ok) {
  const building = performance.now();
  try {
    buildEngine(result.knowledge);
    buildMs = performance.now() - building;
    response = { result, checkMs, buildMs };
  } catch (error) {
    response = {
      result: { ok: false, problems: [{ file: request.dir, message: `the index could not be built: ${(error as Error).message}` }] },
      checkMs,
    };
  }
} else response = { result, checkMs };
parentPort!.postMessage(response);
