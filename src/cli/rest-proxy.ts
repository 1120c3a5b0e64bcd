import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from 'discord.js';
import { z } from 'zod';
import { loadConfig, loadDotenv } from '../config.ts';
import { createLogger } from '../log.ts';
import { exitOnStopSignals } from '../app/stop-signals.ts';

/**
 * `npm run rest-proxy`: one @discordjs/proxy for every shard and HTTP worker of the bot, so they
 * share one view of Discord's rate limits (50 requests per second per bot, not per process).
 * Point each of them at it with DISCORD_REST_PROXY. It passes each request's own Authorization
 * header on, so it holds no token itself.
 */

loadDotenv();
const settings = z
  .object({
    REST_PROXY_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{1,5}$/, 'must be a port number').default('8081')),
    REST_PROXY_HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).default('127.0.0.1')),
  })
  .safeParse(process.env);
const loaded = loadConfig();
if (!settings.success || !loaded.ok) {
  const problems = [
    ...(settings.success ? [] : settings.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`)),
    ...(loaded.ok ? [] : loaded.problems),
  ];
  for (const problem of problems) process.stderr.write(`rest-proxy: ${problem}\n`);
  process.exit(1);
}
const { config } = loaded;
const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });

// Upstream: Discord, or the Discord-compatible server of DISCORD_API_URL.
const rest = new REST({ ...(config.discordApiUrl !== undefined && { api: config.discordApiUrl }) });
const forward = proxyRequests(rest);
/** Interaction and webhook tokens are secrets for 15 minutes: never logged. */
function maskTokens(path: string): string {
  return path.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?]+/g, '/$1/$2/:token');
}
const server = createServer((req, res) => {
  res.once('finish', () => log.debug(`${req.method} ${maskTokens(req.url ?? '')} -> ${res.statusCode}`));
  Promise.resolve(forward(req, res)).catch((error: unknown) => {
    log.error(`forwarding ${req.method} ${maskTokens(req.url ?? '')} failed`, error);
    if (!res.headersSent) res.writeHead(502).end();
  });
});
exitOnStopSignals(log, async () => {
  server.close();
  server.closeIdleConnections();
}, 'closing the REST proxy');

server.listen(Number(settings.data.REST_PROXY_PORT), settings.data.REST_PROXY_HOST);
await once(server, 'listening');
const { address, port } = server.address() as AddressInfo;
log.info(`REST proxy on http://${address}:${port} (set DISCORD_REST_PROXY to it), forwarding to ${config.discordApiUrl ?? 'Discord'}`);
