import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { Router } from './path-template.ts';

// Discord's published OpenAPI document (MIT, see discord-openapi.LICENSE),
// vendored so that tests never read outside the repository.
const SPEC_URL = new URL('./discord-openapi.json', import.meta.url);
const SPEC_ID = 'discord-openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  operationId: string;
  method: string;
  path: string;
  bodySchema: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Makes the document compilable and faithful to what the API accepts:
 * - ajv refuses `enum: []` (two guild join-request schemas have it);
 * - unsafe-integer fields without a format (permission bitfields such as
 *   `default_member_permissions`) are sent as decimal strings by discord.js and
 *   accepted so by Discord. Only these are widened: a global `coerceTypes`
 *   would also accept numbers as message content and makes string nonces match
 *   both branches of their `oneOf`.
 */
function normalise(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalise);
  if (!isRecord(node)) return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' && Array.isArray(value) && value.length === 0) continue;
    out[key] = normalise(value);
  }
  const types = Array.isArray(out.type) ? out.type : [out.type];
  if (types.includes('integer') && typeof out.maximum === 'number' && out.maximum > Number.MAX_SAFE_INTEGER && out.format === undefined) {
    return { anyOf: [out, { type: 'string', pattern: '^[0-9]{1,20}$' }] };
  }
  return out;
}

export interface SchemaProblem {
  /** JSON pointer into the body ("/data/content"). */
  path: string;
  message: string;
}

function formatErrors(errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  // anyOf/oneOf report every failed branch; the deepest errors name the actual
  // problem ("body/data/content must NOT have more than 2000 characters"),
  // while the shallow ones only say which union member did not fit.
  const list = errors ?? [];
  const depth = (error: ErrorObject) => error.instancePath.split('/').length;
  const deepest = Math.max(0, ...list.map(depth));
  const problems = new Map<string, SchemaProblem>();
  // A union of constants fails once per member; say it once.
  const constants = new Map<string, unknown[]>();
  for (const error of list.filter((candidate) => depth(candidate) === deepest)) {
    const where = error.instancePath === '' ? 'body' : `body${error.instancePath}`;
    if (error.keyword === 'const') {
      const values = constants.get(error.instancePath) ?? [];
      values.push((error.params as { allowedValue?: unknown }).allowedValue);
      constants.set(error.instancePath, values);
      problems.set(`const ${error.instancePath}`, { path: error.instancePath, message: `${where} must be one of ${JSON.stringify(values)}` });
      continue;
    }
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
        : error.keyword === 'enum'
          ? ` (${JSON.stringify(error.params)})`
          : '';
    const message = `${where} ${error.message ?? error.keyword}${extra}`;
    problems.set(message, { path: error.instancePath, message });
    if (problems.size >= 4) break;
  }
  return [...problems.values()];
}

export class SchemaValidator {
  readonly #ajv: Ajv2020;
  readonly #operations = new Map<string, Operation>();
  readonly #router = new Router<string>();
  readonly #compiled = new Map<string, ValidateFunction | null>();

  constructor(specUrl: URL = SPEC_URL) {
    const spec = normalise(JSON.parse(readFileSync(specUrl, 'utf8')) as Json);
    if (!isRecord(spec) || !isRecord(spec.paths)) throw new Error('fake-discord: unexpected OpenAPI document');
    for (const [path, item] of Object.entries(spec.paths)) {
      if (!isRecord(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (!isRecord(operation) || typeof operation.operationId !== 'string') continue;
        const requestBody = operation.requestBody;
        const content = isRecord(requestBody) && isRecord(requestBody.content) ? requestBody.content : {};
        const json = content['application/json'];
        this.#operations.set(operation.operationId, {
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          bodySchema: isRecord(json) ? json.schema : undefined,
        });
        this.#router.add(method, path, operation.operationId);
      }
    }

    this.#ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
    addFormatsModule.default(this.#ajv);
    this.#ajv.addFormat('snowflake', /^(0|[1-9][0-9]{0,19})$/);
    this.#ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.#ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.#ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
    this.#ajv.addFormat('nonce', { type: 'string', validate: (s: string) => s.length <= 25 });
    // The whole document is registered once; operations reference into it so
    // only the schemas a route needs get compiled, on first use.
    this.#ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  /** The spec's operation for a request, e.g. `create_message`. */
  operationFor(method: string, path: string): { operationId: string; params: Record<string, string> } | null {
    const match = this.#router.match(method, path);
    return match ? { operationId: match.value, params: match.params } : null;
  }

  hasOperation(operationId: string): boolean {
    return this.#operations.has(operationId);
  }

  /** Problems with `body` for `operationId`; empty when valid or when the operation takes no JSON body. */
  validateBody(operationId: string, body: unknown): SchemaProblem[] {
    const validate = this.#validatorFor(operationId);
    if (!validate) return [];
    return validate(body) ? [] : formatErrors(validate.errors);
  }

  #validatorFor(operationId: string): ValidateFunction | null {
    if (this.#compiled.has(operationId)) return this.#compiled.get(operationId) ?? null;
    const schema = this.#operations.get(operationId)?.bodySchema;
    let validate: ValidateFunction | null = null;
    if (schema !== undefined) {
      const rooted = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`));
      validate = this.#ajv.compile(rooted);
    }
    this.#compiled.set(operationId, validate);
    return validate;
  }
}

let shared: SchemaValidator | undefined;

/** One validator per process: the spec is immutable and compiling is the slow part. */
export function sharedSchemaValidator(): SchemaValidator {
  shared ??= new SchemaValidator();
  return shared;
}
