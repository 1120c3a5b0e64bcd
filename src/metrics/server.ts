import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';
import type { ShardHealth } from './metrics.ts';

/**
 * GET /metrics (Prometheus text) and GET /healthz (200 when every gateway shard is ready, 503
 * otherwise, with each shard's state as JSON). Bound to loopback unless METRICS_HOST says
 * otherwise: the numbers are not for the internet.
 */

export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
  /** The shards this process (or, for the manager, every shard it runs) answers for. */
  shards(): Promise<readonly ShardHealth[]>;
}

export interface Health {
  readonly ok: boolean;
  readonly shards: readonly ShardHealth[];
}

/** Healthy when there is at least one shard and all are ready; an HTTP worker has no shards and needs none. */
export function healthOf(shards: readonly ShardHealth[], needsGateway: boolean): Health {
  return { ok: needsGateway ? shards.length > 0 && shards.every((s) => s.ready) : true, shards };
}

export async function startMetricsServer(
  source: MetricsSource,
  options: { readonly port: number; readonly host: string; readonly needsGateway: boolean; readonly log: Logger },
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET' }).end();
      } else if (path === '/metrics') {
        const text = await source.metrics();
        res.writeHead(200, { 'content-type': source.contentType }).end(text);
      } else if (path === '/healthz') {
        const health = healthOf(await source.shards(), options.needsGateway);
        res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(health));
      } else {
        res.writeHead(404).end();
      }
    };
    answer().catch((error: unknown) => {
      options.log.error(`serving ${path} failed`, error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  options.log.info(`metrics on http://${address}:${port}/metrics, health on /healthz`);
  // Scrapes must not keep a stopping process alive.
  server.unref();
  return server;
}
