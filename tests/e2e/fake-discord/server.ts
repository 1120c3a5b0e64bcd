import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDiscordLimits } from './discord-limits.ts';
import { GATEWAY_PATH, type Gateway } from './gateway.ts';
import type { UploadedFile } from './payloads.ts';
import { splitPath } from './path-template.ts';
import { API_PREFIX, buildRouter } from './rest-routes.ts';
import type { Recorder } from './recorder.ts';
import type { RouteDefinition, RouteName, RouteResult, RouteSettings } from './route-kit.ts';
import type { SchemaValidator } from './schema-validator.ts';
import type { FakeStore } from './store.ts';
import type { World } from './world.ts';

export interface HttpSettings extends RouteSettings {
  expectedToken: string | undefined;
  requireAllowedMentionsNone: boolean;
  /** Answer bodies Discord would reject with Discord's 400 (default), not only record them. */
  rejectInvalidBodies: boolean;
}

export interface HttpServerDeps {
  recorder: Recorder;
  world: World;
  store: FakeStore;
  gateway: Gateway;
  validator: SchemaValidator;
  settings: HttpSettings;
}

interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
  error?: string;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch {
      return { body: raw.toString('utf8'), files: [], error: 'body is not valid JSON' };
    }
  }
  if (contentType?.startsWith('multipart/form-data')) {
    // discord.js uploads files as multipart with the JSON body in `payload_json`.
    const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, size: value.size, contentType: value.type || 'application/octet-stream' });
      }
    }
    return { body, files };
  }
  return { body: raw.toString('utf8'), files: [], error: `unsupported content type ${contentType ?? '(none)'}` };
}

function send(response: ServerResponse, result: RouteResult): void {
  if (result.body === undefined) {
    // A JSON content type on an empty 204 makes discord.js try to parse it.
    response.writeHead(result.status, result.headers);
    response.end();
    return;
  }
  const text = JSON.stringify(result.body);
  response.writeHead(result.status, {
    ...result.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export interface InjectedFailure {
  route: RouteName;
  /**
   * 429 (rate limited, with Retry-After), a 5xx, or 'hang': the request is never answered
   * (the client's own deadline or timeout ends it).
   */
  status: number | 'hang';
  /** For 429: seconds discord.js is told to wait. Default 0.05. */
  retryAfterSeconds?: number;
  /** For 429: the global limit (X-RateLimit-Global), not the route's. */
  global?: boolean;
  /** For a 5xx or 'hang': the request takes effect first, as when Discord fails after processing it. */
  landed?: boolean;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

function failureResult(failure: InjectedFailure): RouteResult {
  if (failure.status !== 429) {
    return { status: Number(failure.status), body: { message: `${failure.status}: Injected failure`, code: 0 } };
  }
  const retryAfter = failure.retryAfterSeconds ?? 0.05;
  const scope = failure.global === true ? 'global' : 'user';
  return {
    status: 429,
    headers: {
      'retry-after': String(retryAfter),
      ...(failure.global === true
        ? { 'x-ratelimit-global': 'true' }
        : {
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': String(retryAfter),
            'x-ratelimit-bucket': `fake-${failure.route}`,
          }),
      'x-ratelimit-scope': scope,
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global: failure.global === true, code: 0 },
  };
}

export class FakeHttpServer {
  readonly #router = buildRouter();
  readonly #failures: InjectedFailure[] = [];
  readonly #server: Server;
  #port = 0;

  constructor(readonly deps: HttpServerDeps) {
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        deps.recorder.addViolation(`${request.method} ${request.url}`, `fake-discord failed: ${String(error)}`, undefined);
        if (!response.headersSent) send(response, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
      });
    });
    this.#server.on('upgrade', (request, socket, head) => {
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (pathname.replace(/\/$/, '') === GATEWAY_PATH) deps.gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  }

  get port(): number {
    return this.#port;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Makes the next matching requests fail before they reach the route; they have no effect. */
  injectFailure(failure: InjectedFailure): void {
    this.#failures.push({ ...failure, times: failure.times ?? 1 });
  }

  /** Forgets staged failures that no request has met yet. */
  clearFailures(): void {
    this.#failures.length = 0;
  }

  #takeFailure(route: RouteName | null): InjectedFailure | undefined {
    const index = this.#failures.findIndex((failure) => failure.route === route);
    const failure = this.#failures[index];
    if (!failure) return undefined;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) this.#failures.splice(index, 1);
    return failure;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parsed = await parseBody(await readBody(request), request.headers['content-type']);
    const inApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const rawPath = inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const match = inApi ? this.#router.match(method, rawPath) : null;
    const path = `/${splitPath(rawPath).join('/')}`;
    const routeName = match?.value.operation ?? null;
    const violation = (message: string) =>
      this.deps.recorder.addViolation(routeName ?? `${method} ${url.pathname}`, message, parsed.body);

    let result: RouteResult;
    const failure = this.#takeFailure(routeName);
    if (failure && failure.landed !== true) {
      result = failure.status === 'hang' ? { status: 0 } : failureResult(failure);
    } else if (!match) {
      const known = inApi ? this.deps.validator.operationFor(method, rawPath) : null;
      violation(
        !inApi
          ? `request outside ${API_PREFIX}`
          : known
            ? `${known.operationId} is not implemented by the fake`
            : 'no such Discord route',
      );
      result = { status: 404, body: { message: '404: Not Found', code: 0 } };
    } else {
      result = this.#checkRequest(match.value, request, parsed, violation) ?? match.value.handle({
        params: match.params,
        query: url.searchParams,
        body: parsed.body,
        files: parsed.files,
        world: this.deps.world,
        store: this.deps.store,
        gateway: this.deps.gateway,
        settings: this.deps.settings,
        receivedAt,
        violation,
      });
      if (failure) result = failure.status === 'hang' ? { status: 0, body: result.body } : failureResult(failure);
    }

    const hidden = failure !== undefined && (failure.status === 'hang' || (failure.landed === true && result.status !== 0));
    if (hidden && routeName === 'create_interaction_response') {
      const record = this.deps.store.interactions.get(match?.params.interaction_id ?? '');
      if (record) record.outcomeHidden = true;
    }

    // Recorded before answering, so a test waiting for this request is never
    // behind the bot that made it.
    this.deps.recorder.addRequest({
      method,
      path,
      route: routeName,
      params: match?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body: parsed.body,
      files: parsed.files,
      authorization: request.headers.authorization,
      time: Date.now(),
      status: result.status,
      response: result.body,
      ...(failure ? { fault: failure.landed === true ? `${failure.status} after taking effect` : String(failure.status) } : {}),
    });
    // A hung request stays open until the client gives up or the server closes.
    if (failure?.status === 'hang') return;
    send(response, result);
  }

  /** Authentication and body checks; a result means the request is refused. */
  #checkRequest(
    route: RouteDefinition,
    request: IncomingMessage,
    parsed: ParsedBody,
    violation: (message: string) => void,
  ): RouteResult | null {
    const { settings, validator } = this.deps;
    if (route.auth) {
      const authorization = request.headers.authorization;
      if (!authorization?.startsWith('Bot ')) {
        violation('missing "Authorization: Bot <token>" header');
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      }
      if (settings.expectedToken !== undefined && authorization !== `Bot ${settings.expectedToken}`) {
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      }
    }
    if (parsed.error) {
      violation(parsed.error);
      return { status: 400, body: { message: '400: Bad Request', code: 50109 } };
    }
    if (parsed.body === undefined) return null;

    const limitProblems = checkDiscordLimits(route.operation, parsed.body, {
      requireAllowedMentionsNone: settings.requireAllowedMentionsNone,
      fileCount: parsed.files.length,
    });
    // Where both flag the same field, the explicit limit message is the clearer one.
    const limitPaths = new Set(limitProblems.map((problem) => problem.path));
    const schemaProblems = validator
      .validateBody(route.operation, parsed.body)
      .filter((problem) => !limitPaths.has(problem.path))
      .map((problem) => `schema: ${problem.message}`);
    for (const message of schemaProblems) violation(message);
    for (const problem of limitProblems) violation(problem.message);
    const rejected = [...schemaProblems, ...limitProblems.filter((problem) => problem.rejects).map((problem) => problem.message)];
    if (!settings.rejectInvalidBodies || rejected.length === 0) return null;
    return {
      status: 400,
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { _errors: rejected.map((message) => ({ code: 'BASE_TYPE_INVALID', message })) },
      },
    };
  }
}
