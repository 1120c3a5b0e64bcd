import { EventEmitter } from 'node:events';
import type { UploadedFile } from './payloads.ts';
import type { RouteName } from './route-kit.ts';

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, segments decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  /** Operation id of the matched route, null for routes the fake does not know. */
  route: RouteName | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Decoded JSON body (`payload_json` for multipart), undefined without a body. */
  body: unknown;
  files: UploadedFile[];
  authorization: string | undefined;
  time: number;
  /** 0 for a request the fake left unanswered. */
  status: number;
  response: unknown;
  /** The staged fault this request met, if any. */
  fault?: string;
}

export interface Violation {
  /** Operation id, "gateway", or "METHOD /path" when no route matched. */
  route: string;
  message: string;
  body: unknown;
}

/** What the bot did, shared by the REST server and the gateway; emits "change" on every addition. */
export class Recorder extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];

  addRequest(request: RecordedRequest): void {
    this.requests.push(request);
    this.emit('change');
  }

  addViolation(route: string, message: string, body: unknown): void {
    this.violations.push({ route, message, body });
    this.emit('change');
  }
}
