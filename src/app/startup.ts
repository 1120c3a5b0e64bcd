import { DEFAULTS, loadConfig, loadDotenv, type Config } from '../config.ts';
import { loadDeployConfig, type DeployConfig } from '../deploy-config.ts';
import { plural } from '../knowledge/report.ts';
import { folderProblem } from './folder-problem.ts';
import { createLiveEngine, KnowledgeLoadError, formatProblem } from './live.ts';
import type { LiveEngine } from '../engine/live-engine.ts';
import type { Logger } from '../log.ts';
import { createMetrics, type Metrics } from '../metrics/metrics.ts';
import { startMetricsServer } from '../metrics/server.ts';

/** What every entry point does first: read the settings, load the knowledge, or say why not. */

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `.env`, then the environment; every problem printed, then exit 1. */
export function readSettings(): { readonly config: Config; readonly deploy: DeployConfig } {
  loadDotenv();
  const loaded = loadConfig();
  const deploy = loadDeployConfig();
  const problems = [...(loaded.ok ? [] : loaded.problems), ...(deploy.ok ? [] : deploy.problems)];
  if (!loaded.ok || !deploy.ok) {
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  return { config: loaded.config, deploy: deploy.config };
}

export async function loadEngine(config: Config, log: Logger): Promise<LiveEngine> {
  const missing = await folderProblem(config.knowledgeDir, 'KNOWLEDGE_DIR');
  if (missing !== undefined) fail(missing);
  try {
    const live = await createLiveEngine(config.knowledgeDir, { derivedCacheDir: config.dataDir ?? DEFAULTS.dataDir });
    const { version, loadedAt } = live.current().knowledge;
    log.info(`knowledge version ${version} loaded from ${config.knowledgeDir} at ${loadedAt.toISOString()}`);
    return live;
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      for (const problem of error.problems) log.error(formatProblem(problem));
      fail(`The knowledge in ${config.knowledgeDir} has ${plural(error.problems.length, 'problem')}; fix them and start again.`);
    }
    throw error;
  }
}

/**
 * With METRICS_PORT set, this process's metrics and health are served, and `live` is returned
 * with its refreshes counted; without it, nothing is measured.
 */
export async function serveMetrics(
  deploy: DeployConfig,
  live: LiveEngine,
  log: Logger,
  needsGateway: boolean,
): Promise<{ readonly metrics?: Metrics; readonly live: LiveEngine }> {
  if (deploy.metricsPort === undefined) return { live };
  const metrics = createMetrics();
  metrics.watchKnowledge(live);
  try {
    await startMetricsServer(
      { contentType: metrics.registry.contentType, metrics: () => metrics.registry.metrics(), shards: async () => metrics.shards() },
      { port: deploy.metricsPort, host: deploy.metricsHost, needsGateway, log },
    );
  } catch (error) {
    fail(`Could not serve metrics on ${deploy.metricsHost}:${deploy.metricsPort} (METRICS_HOST, METRICS_PORT): ${(error as Error).message}`);
  }
  return { metrics, live: metrics.meterRefresh(live) };
}
