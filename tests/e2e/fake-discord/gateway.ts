import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GatewayIdentifyData } from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { Intent, KNOWN_INTENT_BITS, PRIVILEGED_INTENTS, hasIntent } from './intents.ts';
import { isObject } from './payloads.ts';
import { guildCreatePayload, readyPayload, type World } from './world.ts';
import { inGuild, shardOf } from './shards.ts';

export const GATEWAY_PATH = '/gateway';

// Close codes the client reacts to (see @discordjs/ws WebSocketShard#onClose).
const Close = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

const MAX_REPLAY = 1000;

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** What GET /gateway/bot recommends; IDENTIFY with another total is recorded as a violation. */
  shardCount: number;
  /** Guild ids besides the world's own, one per other shard. */
  extraGuildIds: readonly string[];
  /** When set, IDENTIFY/RESUME with another token fails with 4004. */
  expectedToken: string | undefined;
  /** Privileged intents "enabled in the developer portal"; others close with 4014. */
  enabledPrivilegedIntents: number;
  onViolation: (message: string, payload: unknown) => void;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewayLogEntry {
  at: number;
  connection: number;
  kind: 'open' | 'received' | 'sent' | 'close';
  op?: number;
  t?: string | null;
  /** Close code, for kind "close". */
  code?: number;
  initiatedBy?: 'client' | 'server';
}

export interface GatewaySession {
  id: string;
  token: string;
  intents: number;
  identify: GatewayIdentifyData;
  seq: number;
  /** READY and every GUILD_CREATE were sent: the client can become ready. */
  ready: boolean;
  socket: WebSocket | null;
  replay: GatewayFrame[];
}

interface Connection {
  id: number;
  socket: WebSocket;
  session: GatewaySession | null;
  closedByServer: boolean;
}

/** Faults the gateway stages, as Discord and networks produce them. */
export interface GatewayFaults {
  /** On RESUME, also send again this many events the client had already received (Discord does after some closes). */
  resumeOverlap: number;
  /** Heartbeats left unanswered (no op 11) before the gateway answers again. */
  withheldAcks: number;
}

export class Gateway extends EventEmitter {
  readonly identifies: GatewayIdentifyData[] = [];
  readonly faults: GatewayFaults = { resumeOverlap: 0, withheldAcks: 0 };
  readonly log: GatewayLogEntry[] = [];
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #connections = new Set<Connection>();
  readonly #wss = new WebSocketServer({ noServer: true });
  #nextConnectionId = 1;
  #url = '';

  constructor(
    readonly world: World,
    readonly options: GatewayOptions,
  ) {
    super();
  }

  /** ws://127.0.0.1:PORT/gateway, known once the HTTP server listens. */
  set url(value: string) {
    this.#url = value;
  }

  get url(): string {
    return this.#url;
  }

  get sessions(): GatewaySession[] {
    return [...this.#sessions.values()];
  }

  get openConnections(): number {
    return [...this.#connections].filter((connection) => connection.socket.readyState === WebSocket.OPEN).length;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, request));
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    const connection: Connection = { id: this.#nextConnectionId++, socket, session: null, closedByServer: false };
    this.#connections.add(connection);
    this.log.push({ at: Date.now(), connection: connection.id, kind: 'open' });

    socket.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    socket.on('close', (code) => this.#onClose(connection, code));
    socket.on('error', () => undefined);

    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    if (query.get('v') !== '10') {
      this.options.onViolation(`gateway connected with v=${query.get('v')}; expected v=10`, request.url);
      this.#closeConnection(connection, Close.InvalidApiVersion, 'Invalid API version');
      return;
    }
    if (query.get('encoding') !== 'json' || query.has('compress')) {
      this.options.onViolation('gateway must be used with encoding=json and no compression', request.url);
      this.#closeConnection(connection, Close.DecodeError, 'Unsupported encoding');
      return;
    }
    this.#send(connection, {
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["fake-discord-gateway",{}]'] },
      s: null,
      t: null,
    });
  }

  #send(connection: Connection, frame: GatewayFrame): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    connection.socket.send(JSON.stringify(frame));
    this.log.push({ at: Date.now(), connection: connection.id, kind: 'sent', op: frame.op, t: frame.t });
  }

  #closeConnection(connection: Connection, code: number, reason: string): void {
    connection.closedByServer = true;
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.close(code, reason);
  }

  #onClose(connection: Connection, code: number): void {
    this.#connections.delete(connection);
    this.log.push({
      at: Date.now(),
      connection: connection.id,
      kind: 'close',
      code,
      initiatedBy: connection.closedByServer ? 'server' : 'client',
    });
    const session = connection.session;
    if (session && session.socket === connection.socket) {
      session.socket = null;
      // Discord invalidates a session when the client closes with 1000/1001.
      if (!connection.closedByServer && (code === 1000 || code === 1001)) this.#sessions.delete(session.id);
    }
    this.emit('change');
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      payload = JSON.parse(data.toString());
    } catch {
      this.options.onViolation('gateway frame is not JSON text', data.toString());
      this.#closeConnection(connection, Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isObject(payload) || typeof payload.op !== 'number') {
      this.#closeConnection(connection, Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.log.push({ at: Date.now(), connection: connection.id, kind: 'received', op: payload.op });
    const d = payload.d;

    if (payload.op === 1) {
      if (this.faults.withheldAcks > 0) {
        this.faults.withheldAcks -= 1;
        this.emit('change');
        return;
      }
      this.#send(connection, { op: 11, d: null, s: null, t: null });
      this.emit('change');
      return;
    }
    if (payload.op === 2) {
      this.#identify(connection, d);
      return;
    }
    if (payload.op === 6) {
      this.#resume(connection, d);
      return;
    }
    if (!connection.session) {
      this.#closeConnection(connection, Close.NotAuthenticated, 'Not authenticated.');
      return;
    }
    switch (payload.op) {
      case 3: // presence update
      case 4: // voice state update
        return;
      case 8:
        this.#requestGuildMembers(connection.session, d);
        return;
      default:
        this.options.onViolation(`unknown gateway opcode ${payload.op}`, payload);
        this.#closeConnection(connection, Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #identify(connection: Connection, d: unknown): void {
    if (connection.session) {
      this.#closeConnection(connection, Close.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!isObject(d) || typeof d.token !== 'string' || typeof d.intents !== 'number') {
      this.options.onViolation('IDENTIFY without token or intents', d);
      this.#closeConnection(connection, Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    const identify = d as unknown as GatewayIdentifyData;
    this.identifies.push(identify);
    if (this.options.expectedToken !== undefined && identify.token !== this.options.expectedToken) {
      this.#closeConnection(connection, Close.AuthenticationFailed, 'Authentication failed.');
      this.emit('change');
      return;
    }
    if ((identify.intents & ~KNOWN_INTENT_BITS) !== 0) {
      this.#closeConnection(connection, Close.InvalidIntents, 'Invalid intent(s).');
      this.emit('change');
      return;
    }
    if ((identify.intents & PRIVILEGED_INTENTS & ~this.options.enabledPrivilegedIntents) !== 0) {
      this.#closeConnection(connection, Close.DisallowedIntents, 'Disallowed intent(s).');
      this.emit('change');
      return;
    }

    const [shardId, shardTotal] = identify.shard ?? [0, 1];
    if (shardTotal !== this.options.shardCount) {
      this.options.onViolation(`IDENTIFY with shard [${shardId}, ${shardTotal}]; the bot has ${this.options.shardCount} shard(s)`, identify.shard);
    }
    if (shardId < 0 || shardId >= shardTotal) {
      this.#closeConnection(connection, Close.InvalidShard, 'Invalid shard.');
      this.emit('change');
      return;
    }

    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      token: identify.token,
      intents: identify.intents,
      identify,
      seq: 0,
      ready: false,
      socket: connection.socket,
      replay: [],
    };
    connection.session = session;
    this.#sessions.set(session.id, session);
    const guildIds = this.guildIdsOf(session);
    this.#dispatchTo(session, 'READY', {
      ...readyPayload(this.world, session.id, this.#url),
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      shard: [shardId, shardTotal],
    });
    // Without the Guilds intent Discord sends no GUILD_CREATE; discord.js then
    // marks the guild unavailable and becomes ready without waiting.
    if (hasIntent(session.intents, Intent.Guilds)) {
      for (const id of guildIds) this.#dispatchTo(session, 'GUILD_CREATE', inGuild(guildCreatePayload(this.world), this.world.guild.id, id));
    }
    session.ready = true;
    this.emit('change');
  }

  #resume(connection: Connection, d: unknown): void {
    const session =
      isObject(d) && typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const seq = isObject(d) && typeof d.seq === 'number' ? d.seq : -1;
    const tokenOk = isObject(d) && session !== undefined && d.token === session.token;
    if (!session || !tokenOk || seq < 0 || seq > session.seq) {
      // Not resumable: the client must identify again.
      this.#send(connection, { op: 9, d: false, s: null, t: null });
      this.emit('change');
      return;
    }
    const previous = [...this.#connections].find(
      (other) => other !== connection && other.session === session && other.socket === session.socket,
    );
    if (previous) this.#closeConnection(previous, Close.UnknownError, 'Session resumed elsewhere');
    connection.session = session;
    session.socket = connection.socket;
    const from = seq - this.faults.resumeOverlap;
    for (const frame of session.replay) if (frame.s !== null && frame.s > from) this.#send(connection, frame);
    session.seq += 1;
    this.#send(connection, { op: 0, t: 'RESUMED', s: session.seq, d: { _trace: ['["fake-discord-gateway",{}]'] } });
    this.emit('change');
  }

  #requestGuildMembers(session: GatewaySession, d: unknown): void {
    if (!isObject(d) || d.guild_id !== this.world.guild.id) return;
    if (!hasIntent(session.intents, Intent.GuildMembers)) {
      this.options.onViolation('REQUEST_GUILD_MEMBERS needs the GuildMembers intent', d);
      return;
    }
    const ids = d.user_ids === undefined ? null : new Set([d.user_ids].flat().map(String));
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
    const members = [...this.world.members.values()]
      .filter((member) => (ids ? ids.has(member.user.id) : member.user.username.toLowerCase().startsWith(query)))
      .slice(0, limit);
    this.#dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: this.world.guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(ids ? { not_found: [...ids].filter((id) => !members.some((member) => member.user.id === id)) } : {}),
      ...(typeof d.nonce === 'string' ? { nonce: d.nonce } : {}),
    });
  }

  #dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const frame: GatewayFrame = { op: 0, t, s: session.seq, d };
    session.replay.push(frame);
    if (session.replay.length > MAX_REPLAY) session.replay.shift();
    const connection = [...this.#connections].find((candidate) => candidate.socket === session.socket);
    if (connection) this.#send(connection, frame);
  }

  /** The guilds a session's shard serves, by Discord's rule. */
  guildIdsOf(session: GatewaySession): string[] {
    const [, total] = session.identify.shard ?? [0, 1];
    const mine = this.shardOfSession(session);
    return [this.world.guild.id, ...this.options.extraGuildIds].filter((id) => shardOf(id, total) === mine);
  }

  shardOfSession(session: GatewaySession): number {
    return (session.identify.shard ?? [0, 1])[0];
  }

  /** Whether the session's shard gets the events of this guild (of DMs when undefined). */
  serves(session: GatewaySession, guildId: string | undefined): boolean {
    const [, total] = session.identify.shard ?? [0, 1];
    return shardOf(guildId, total) === this.shardOfSession(session);
  }

  /**
   * Sends an event to every identified session, connected or waiting to
   * resume (it is replayed then). `build` returns null to withhold the event
   * from a session, as Discord does for missing intents.
   * Returns how many sessions received (or will receive on resume) the event.
   */
  dispatch(t: string, build: (session: GatewaySession) => unknown): number {
    let delivered = 0;
    for (const session of this.#sessions.values()) {
      if (!session.ready) continue;
      const d = build(session);
      if (d === null || d === undefined) continue;
      this.#dispatchTo(session, t, d);
      delivered += 1;
    }
    return delivered;
  }

  /** Asks connected clients to reconnect and resume (opcode 7). */
  requestReconnect(): void {
    for (const connection of this.#connections) this.#send(connection, { op: 7, d: null, s: null, t: null });
  }

  /**
   * Drops connections like a network failure would; sessions stay resumable. 1006 (abnormal
   * closure) cannot be sent in a close frame: the socket is cut without one.
   */
  dropConnections(code: number = Close.UnknownError): void {
    for (const connection of this.#connections) {
      if (code === 1006) {
        connection.closedByServer = true;
        connection.socket.terminate();
      } else this.#closeConnection(connection, code, 'Connection dropped by fake');
    }
  }

  /** Opcode 9: with `resumable` the client may RESUME; without, every session is gone and clients identify again. */
  invalidateSessions(resumable = false): void {
    for (const connection of this.#connections) this.#send(connection, { op: 9, d: resumable, s: null, t: null });
    if (!resumable) this.#sessions.clear();
  }

  close(): void {
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    this.#sessions.clear();
    this.#wss.close();
  }
}
