import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { addressKind, describeKind } from './address.ts';
import { decodePage } from './charset.ts';

/**
 * Fetching a page a moderator named, without letting the link reach what it must not (the bot's
 * machine, its network, a cloud metadata service) or hold the bot up (a huge body, a server that
 * drips bytes). Each limit has one predicate that returns the refusal line or undefined, so each
 * rule is read and tested alone; `fetchPage` only strings them together.
 */

export const IMPORT_LIMITS = Object.freeze({
  /** Ten times a long article page with its markup; past this it is not an article, and memory is bounded. */
  maxBytes: 5 * 1024 * 1024,
  /** For everything: every redirect, connect and byte. A moderator is waiting, and a drip-feeding server must not hold the bot. */
  totalMs: 10_000,
  /** Browsers allow 20; news sites need one or two (http -> https, a trailing slash). More is a loop or a trick. */
  maxRedirects: 5,
});
export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPTED_TYPES: ReadonlyMap<string, 'html' | 'text'> = new Map([
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['text/plain', 'text'],
]);

export interface FetchedPage {
  /** Where the page was in the end, after redirects. */
  readonly url: string;
  readonly kind: 'html' | 'text';
  readonly text: string;
  readonly charset: string;
}

export type FetchResult = { readonly ok: true; readonly page: FetchedPage } | { readonly ok: false; readonly reason: string };

/** Every address a host name stands for. */
export type Resolve = (hostname: string) => Promise<readonly LookupAddress[]>;

export interface FetchOptions {
  readonly limits?: Partial<ImportLimits>;
  /** Hosts fetched whatever they resolve to (IMPORT_ALLOW_HOSTS), as written in a URL: `127.0.0.1`, `[::1]`, `intranet.example`. */
  readonly allowHosts?: readonly string[];
  readonly resolve?: Resolve;
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`);
const seconds = (ms: number) => `${ms / 1000} s`;

// --- one predicate per rule --------------------------------------------------------------------

export function refuseScheme(url: URL): string | undefined {
  if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
  return `refused: ${url.href} is not an http or https address`;
}

export function refuseAddress(url: URL, address: string): string | undefined {
  const kind = addressKind(address);
  if (kind === undefined) return undefined;
  const literal = url.hostname.replace(/^\[|\]$/g, '') === address;
  return literal ? `refused: ${url.href} is ${describeKind(kind)}` : `refused: ${url.href} resolves to ${address}, ${describeKind(kind)}`;
}

export function refuseRedirect(url: URL, redirectsSoFar: number, limits: ImportLimits): string | undefined {
  if (redirectsSoFar < limits.maxRedirects) return undefined;
  return `refused: ${url.href} redirects more than ${limits.maxRedirects} times`;
}

export function refuseStatus(url: URL, status: number, statusText: string): string | undefined {
  if (status >= 200 && status < 300) return undefined;
  return `refused: ${url.href} answered ${status}${statusText ? ` ${statusText}` : ''}`;
}

export function refuseContentType(url: URL, header: string | null): string | undefined {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (ACCEPTED_TYPES.has(type)) return undefined;
  return `refused: ${url.href} is ${type === '' ? 'of no stated type' : type}, not an HTML page or plain text`;
}

/** `where`: the page's address, or the path of a saved page. */
export function refuseSize(where: URL | string, bytes: number, limits: ImportLimits): string | undefined {
  if (bytes <= limits.maxBytes) return undefined;
  return `refused: ${typeof where === 'string' ? where : where.href} is larger than ${mb(limits.maxBytes)}`;
}

export function deadlineRefusal(url: URL, limits: ImportLimits): string {
  return `refused: ${url.href} took longer than ${seconds(limits.totalMs)}`;
}

// --- fetching ----------------------------------------------------------------------------------

/** A refusal raised where a result cannot be returned: in the resolver the connection calls. */
class Refused extends Error {}

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

function hostKey(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Rejects when the deadline passes, so a hung resolver cannot outlive it. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The refusal for the first address of `url`'s host that is not public. */
async function checkHost(url: URL, resolve: Resolve, allowed: ReadonlySet<string>, signal: AbortSignal): Promise<string | undefined> {
  const host = hostKey(url);
  if (allowed.has(host)) return undefined;
  const addresses = isIP(host) !== 0 ? [host] : (await untilAborted(resolve(host), signal)).map((a) => a.address);
  if (addresses.length === 0) return `refused: ${url.href} resolves to no address`;
  for (const address of addresses) {
    const refused = refuseAddress(url, address);
    if (refused !== undefined) return refused;
  }
  return undefined;
}

/**
 * The resolver the connection itself uses. The host was checked before the request, but DNS may
 * answer differently a moment later (rebinding): checking here too means the address connected
 * to is the address checked.
 */
function guardedLookup(resolve: Resolve, allowed: ReadonlySet<string>, current: () => URL): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const url = current();
        if (!allowed.has(hostname.toLowerCase()))
          for (const a of addresses) {
            const refused = refuseAddress(url, a.address);
            if (refused !== undefined) return callback(new Refused(refused), '', 0);
          }
        const first = addresses[0];
        if (first === undefined) return callback(new Refused(`refused: ${url.href} resolves to no address`), '', 0);
        if (options.all === true) return (callback as unknown as (e: null, a: readonly LookupAddress[]) => void)(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** The body, counted as it streams: refused as soon as it passes the limit, never read whole. */
async function readBody(url: URL, body: ReadableStream<Uint8Array> | null, limits: ImportLimits): Promise<Uint8Array | string> {
  if (body === null) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    const refused = refuseSize(url, total, limits);
    if (refused !== undefined) {
      await reader.cancel().catch(() => undefined);
      return refused;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function causeOf(error: unknown): unknown {
  let e: unknown = error;
  while (e instanceof Error && !(e instanceof Refused) && e.cause !== undefined) e = e.cause;
  return e;
}

function describeFailure(url: URL, error: unknown): string {
  const cause = causeOf(error);
  if (cause instanceof Refused) return cause.message;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `could not fetch ${url.href}: its host name was not found`;
  const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return `could not fetch ${url.href}: ${message}${code !== undefined && !message?.includes(code) ? ` (${code})` : ''}`;
}

/** The page at `address`, decoded, or the one line that says why not. Never throws. */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: `refused: ${address} is not a web address` };
  }
  const schemeRefused = refuseScheme(url);
  if (schemeRefused !== undefined) return { ok: false, reason: schemeRefused };

  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  const allowed = new Set((options.allowHosts ?? []).map((h) => h.trim().replace(/^\[|\]$/g, '').toLowerCase()).filter((h) => h !== ''));
  const resolve = options.resolve ?? systemResolve;
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new Refused(deadlineRefusal(url, limits))), limits.totalMs);
  const agent = new Agent({ connect: { lookup: guardedLookup(resolve, allowed, () => url) } });
  try {
    for (let redirects = 0; ; ) {
      const refused = refuseScheme(url) ?? (await checkHost(url, resolve, allowed, controller.signal));
      if (refused !== undefined) return { ok: false, reason: refused };
      const response = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        // Node's fetch takes undici's dispatcher; the types of the two copies differ only nominally.
        dispatcher: agent as never,
        headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9', 'user-agent': 'citebot (article import)' },
      } as RequestInit);
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (location === null) return { ok: false, reason: `refused: ${url.href} redirects without saying where` };
        const tooMany = refuseRedirect(url, redirects, limits);
        if (tooMany !== undefined) return { ok: false, reason: tooMany };
        url = new URL(location, url);
        redirects++;
        continue;
      }
      const contentType = response.headers.get('content-type');
      const declared = Number(response.headers.get('content-length') ?? NaN);
      const before =
        refuseStatus(url, response.status, response.statusText) ??
        refuseContentType(url, contentType) ??
        (Number.isFinite(declared) ? refuseSize(url, declared, limits) : undefined);
      if (before !== undefined) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: before };
      }
      const body = await readBody(url, response.body, limits);
      if (typeof body === 'string') return { ok: false, reason: body };
      const kind = ACCEPTED_TYPES.get((contentType ?? '').split(';')[0]!.trim().toLowerCase())!;
      const { text, charset } = decodePage(body, contentType, kind === 'html');
      return { ok: true, page: { url: url.href, kind, text, charset } };
    }
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: deadlineRefusal(url, limits) };
    return { ok: false, reason: describeFailure(url, error) };
  } finally {
    clearTimeout(deadline);
    await agent.destroy().catch(() => undefined);
  }
}

/** `IMPORT_ALLOW_HOSTS`, comma-separated. */
export function parseAllowHosts(value: string | undefined): readonly string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
}
