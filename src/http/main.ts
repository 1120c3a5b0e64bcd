import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createClient } from '../discord/client.ts';
import { restThroughProxy } from '../discord/shard-options.ts';
import { createDispatcher } from '../discord/dispatch.ts';
import { STOP_GRACE_MS } from '../discord/bot.ts';
import { createInFlight } from '../app/in-flight.ts';
import { createLogger } from '../log.ts';
import { fail, loadEngine, readSettings, serveMetrics } from '../app/startup.ts';
import { exitOnStopSignals } from '../app/stop-signals.ts';
import { createInteractionsServer, INTERACTIONS_PATH } from './server.ts';
import { publicKeyFromHex } from './signature.ts';
import { createWebhookInteractions } from './webhook-interactions.ts';

/**
 * `npm run start:http`: slash commands, autocomplete and buttons over HTTP (Discord's
 * Interactions Endpoint URL), with no gateway connection. Mentions and DMs need the gateway bot.
 */

const { config, deploy } = readSettings();
if (deploy.publicKey === undefined) {
  fail('DISCORD_PUBLIC_KEY is not set: copy Public Key from the Developer Portal (your app > General Information) into .env.');
}
const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

const { metrics, live } = await serveMetrics(deploy, await loadEngine(config, log), log, false);
const client = createClient(config, restThroughProxy(deploy));
// Webhook routes need no token; other REST calls, if any, are the bot's.
if (config.discordToken !== undefined) client.rest.setToken(config.discordToken);
const inFlight = createInFlight();
const server = createInteractionsServer({
  key: publicKeyFromHex(deploy.publicKey),
  interactions: createWebhookInteractions(client),
  handle: createDispatcher({ live: metrics === undefined ? live : metrics.meter(live, 'slash'), config, log }),
  inFlight,
  log,
});

exitOnStopSignals(log, async () => {
  server.close();
  server.closeIdleConnections();
  const drained = await inFlight.close(STOP_GRACE_MS);
  if (!drained.finished) log.warn(`stopping: ${drained.pending} interaction(s) still unfinished after ${STOP_GRACE_MS} ms`);
  server.closeAllConnections();
  await client.destroy();
});

server.listen(deploy.httpPort, deploy.httpHost);
try {
  await once(server, 'listening');
} catch (error) {
  fail(`Could not listen on ${deploy.httpHost}:${deploy.httpPort} (HTTP_HOST, HTTP_PORT): ${(error as Error).message}`);
}
const { address, port } = server.address() as AddressInfo;
log.info(`serving interactions on http://${address}:${port}${INTERACTIONS_PATH}`);
