import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction, type Interaction } from 'discord.js';
import type { InFlight } from '../app/in-flight.ts';
import type { Logger } from '../log.ts';
import { isSignedByDiscord } from './signature.ts';
import type { WebhookInteractions } from './webhook-interactions.ts';

/**
 * Discord's Interactions Endpoint URL: `POST /interactions`, signature checked before anything
 * else is read. Nothing is kept between requests, so any number of these serve behind a load
 * balancer; a deferred reply is finished over Discord's webhook routes by whichever worker
 * deferred it.
 */

export const INTERACTIONS_PATH = '/interactions';
/** Discord's interaction payloads are a few KiB; anything far larger is not from Discord. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface InteractionsServerOptions {
  readonly key: KeyObject;
  readonly interactions: WebhookInteractions;
  readonly handle: (interaction: Interaction) => Promise<void>;
  readonly inFlight: InFlight;
  readonly log: Logger;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createInteractionsServer(options: InteractionsServerOptions): Server {
  const { key, interactions, handle, inFlight, log } = options;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== INTERACTIONS_PATH) return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return send(res, 405, { error: 'method not allowed' });
    }
    const body = await readBody(req);
    if (body === 'too-large') return send(res, 413, { error: 'request body too large' });
    if (!isSignedByDiscord(key, header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), body)) {
      log.debug('refused an interaction request with a missing or bad signature');
      return send(res, 401, { error: 'invalid request signature' });
    }
    let payload: APIInteraction;
    try {
      payload = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      return send(res, 400, { error: 'the body is not JSON' });
    }
    if (payload.type === InteractionType.Ping) return send(res, 200, { type: InteractionResponseType.Pong });

    const accepted = inFlight.track(async () => {
      const { response, done } = interactions.answer(payload, handle);
      const first = await response;
      if (first === undefined) {
        log.warn(`interaction ${payload.id} (type ${payload.type}) ended without a response`);
        send(res, 500, { error: 'no response' });
      } else {
        send(res, 200, first);
      }
      // A deferred reply is still being finished: the stop waits for it too.
      await done;
    });
    if (!accepted) send(res, 503, { error: 'shutting down' });
  }

  return createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log.error('serving an interaction request failed', error);
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
}
