import { EventEmitter } from 'node:events';
import type { APIApplicationCommand, APIInteraction, APIMessage, APIUser, GatewayIdentifyData, GatewayMessageCreateDispatchData } from 'discord.js';
import { Gateway, type GatewayLogEntry, type GatewaySession } from './gateway.ts';
import { PRIVILEGED_INTENTS, messageForIntents } from './intents.ts';
import {
  MessageFlag,
  buttonInteraction,
  commandInteraction,
  isObject,
  syntheticButtonMessage,
  userMessage,
  type CommandOptionsInput,
  type InteractionContext,
  type JsonObject,
} from './payloads.ts';
import type { RouteName } from './rest-routes.ts';
import { sharedSchemaValidator } from './schema-validator.ts';
import { Recorder, type RecordedRequest, type Violation } from './recorder.ts';
import { FakeHttpServer, type InjectedFailure } from './server.ts';
import { guildIdsForShards, inGuild, shardOf } from './shards.ts';
import { nextSnowflake } from './snowflake.ts';
import { FakeStore, type InteractionCallbackRecord, type InteractionRecord } from './store.ts';
import { createWorld, type FakeGuild, type World } from './world.ts';

export type { RecordedRequest, Violation } from './recorder.ts';
export type { InjectedFailure } from './server.ts';
export type { RouteName } from './rest-routes.ts';
export type { InteractionCallbackRecord, InteractionRecord } from './store.ts';
export type { GatewayLogEntry, GatewaySession } from './gateway.ts';
export type { FakeGuild, SampleUsers } from './world.ts';
export type { CommandOptionsInput, OptionValue } from './payloads.ts';
export { Intent } from './intents.ts';

const DEFAULT_TIMEOUT_MS = 5000;

export interface FakeDiscordOptions {
  /** Require this bot token (REST answers 401, the gateway closes with 4004). Any token is accepted otherwise. */
  token?: string;
  /** HELLO heartbeat interval; discord.js sends its first heartbeat after a random share of it. */
  heartbeatIntervalMs?: number;
  /** Record a violation for message bodies with content but without `allowed_mentions: { parse: [] }`. Default true. */
  requireAllowedMentionsNone?: boolean;
  /** Answer bodies Discord would refuse with Discord's 400. Default true; violations are recorded either way. */
  rejectInvalidBodies?: boolean;
  /** Discord forgets interactions not acknowledged within 3 s. */
  interactionAckTimeoutMs?: number;
  /** Privileged intents enabled "in the developer portal"; others close the gateway with 4014. Default: all. */
  enabledPrivilegedIntents?: number;
  botUsername?: string;
  guildName?: string;
  /**
   * What GET /gateway/bot recommends. Above 1, the fake adds a copy of its guild (other id,
   * same channels and roles) for each other shard, and routes each guild's events to its shard.
   */
  shards?: number;
}

/** A sample user by role, or any user object. */
export type UserRef = APIUser | 'moderator' | 'member' | 'otherBot';

export interface InteractionOptions {
  /** Default: the plain member. */
  user?: UserRef;
  /** Interaction in the user's DM with the bot instead of the guild. */
  dm?: boolean;
  /** Guild channel; default: the "ask" channel. */
  channelId?: string;
  /** Member permissions bitfield sent with the interaction, e.g. "0" or "32"; default: from the member's roles. */
  permissions?: string | bigint;
  /** Default "en-US". */
  locale?: string;
  /**
   * `webhook`: build and record the interaction without sending it over the gateway, for a test
   * that delivers it to an Interactions Endpoint URL itself. Default `gateway`.
   */
  via?: 'gateway' | 'webhook';
  /** One of `guildIds` (the fake's guild or a copy of it, for sharding); default the fake's guild. */
  guildId?: string;
}

export interface SendMessageOptions {
  content: string;
  /** Guild channel; default: the "general" channel. Ignored for DMs. */
  channelId?: string;
  /** Default: the plain member, or the other bot with `bot: true`. */
  author?: UserRef;
  /** Prefixes `<@bot>` unless the content already mentions the bot, and lists the bot in `mentions`. */
  mentionsBot?: boolean;
  dm?: boolean;
  /** Authored by another bot. */
  bot?: boolean;
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
  /** Live record of what the bot did with the interaction. */
  record: InteractionRecord;
  /** The shards whose sessions the interaction was sent to (by its guild, or 0 for DMs). */
  shards: readonly number[];
  /** Resolves with the first accepted callback (reply, defer, update, choices, modal). */
  waitForResponse(timeoutMs?: number): Promise<InteractionCallbackRecord>;
  /**
   * Resolves with the first message of this interaction (original or follow-up) that is
   * no longer "thinking" and matches `predicate`.
   */
  waitForReply(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  /** Resolves with the choices of an autocomplete response. */
  waitForChoices(timeoutMs?: number): Promise<JsonObject[]>;
}

export interface SentMessage {
  /** The message as Discord created it, before intent filtering. */
  message: GatewayMessageCreateDispatchData;
  /** Whether a session received it; false when intents withheld it. */
  delivered: boolean;
  /** The bot's next message in the same channel that replies to this one or references nothing. */
  waitForReply(timeoutMs?: number): Promise<APIMessage>;
}

type RequestPredicate = RouteName | ((request: RecordedRequest) => boolean);

function componentsHaveCustomId(components: unknown, customId: string): boolean {
  if (!Array.isArray(components)) return false;
  return components.some(
    (component) =>
      isObject(component) &&
      (component.custom_id === customId ||
        componentsHaveCustomId(component.components, customId) ||
        componentsHaveCustomId(component.accessory === undefined ? undefined : [component.accessory], customId)),
  );
}

export class FakeDiscord {
  /** REST base for discord.js: `new Client({ rest: { api: fake.url } })` requests `${url}/v10/...`. */
  readonly url: string;
  readonly gatewayUrl: string;
  /** The token to give the bot: `options.token`, or a generated one (any token is accepted then). */
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guild: FakeGuild;
  readonly moderator: APIUser;
  readonly member: APIUser;
  readonly otherBot: APIUser;

  readonly #world: World;
  readonly #store: FakeStore;
  readonly #gateway: Gateway;
  readonly #http: FakeHttpServer;
  readonly #recorder: Recorder;
  readonly #changes = new EventEmitter();

  constructor(world: World, store: FakeStore, gateway: Gateway, http: FakeHttpServer, recorder: Recorder, token: string) {
    this.#world = world;
    this.#store = store;
    this.#gateway = gateway;
    this.#http = http;
    this.#recorder = recorder;
    this.url = `http://127.0.0.1:${http.port}/api`;
    this.gatewayUrl = gateway.url;
    this.token = token;
    this.applicationId = world.applicationId;
    this.botUser = world.botUser;
    this.guild = world.guild;
    this.moderator = world.users.moderator;
    this.member = world.users.member;
    this.otherBot = world.users.otherBot;
    this.#changes.setMaxListeners(0);
    const changed = () => this.#changes.emit('change');
    recorder.on('change', changed);
    gateway.on('change', changed);
  }

  /** Every REST request, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#recorder.requests;
  }

  /** Everything Discord would refuse or the project forbids; a clean run leaves this empty. */
  get violations(): readonly Violation[] {
    return this.#recorder.violations;
  }

  /** Returns the violations so far and forgets them, for tests that provoke some on purpose. */
  takeViolations(): Violation[] {
    return this.#recorder.violations.splice(0);
  }

  /** IDENTIFY payloads received (token, intents, properties...). */
  get identifies(): readonly GatewayIdentifyData[] {
    return this.#gateway.identifies;
  }

  get gatewayLog(): readonly GatewayLogEntry[] {
    return this.#gateway.log;
  }

  get sessions(): readonly GatewaySession[] {
    return this.#gateway.sessions;
  }

  /** Open gateway connections. */
  /** The fake's guild first, then one copy per other shard when sharded. */
  get guildIds(): readonly string[] {
    return [this.guild.id, ...this.#gateway.options.extraGuildIds];
  }

  /** The fake's guild id for shard `shard`: its events go to that shard only. */
  guildOfShard(shard: number): string {
    const id = this.guildIds.find((candidate) => shardOf(candidate, this.#gateway.options.shardCount) === shard);
    if (id === undefined) throw new Error(`fake-discord: no guild for shard ${shard}`);
    return id;
  }

  get connections(): number {
    return this.#gateway.openConnections;
  }

  get commands(): { global: APIApplicationCommand[]; guild: APIApplicationCommand[] } {
    return { global: this.#store.globalCommands, guild: this.#store.commandsFor(this.guild.id) };
  }

  /** Messages the bot created (channel messages and interaction responses), oldest first, current state. */
  botMessages(): APIMessage[] {
    return this.#store.botMessages();
  }

  interaction(id: string): InteractionRecord | undefined {
    return this.#store.interactions.get(id);
  }

  requestsTo(route: RouteName): RecordedRequest[] {
    return this.#recorder.requests.filter((request) => request.route === route);
  }

  /**
   * Resolves with the first request, already recorded or future, that matches.
   * Make predicates specific (ids, bodies) when earlier steps made similar requests.
   */
  waitForRequest(predicate: RequestPredicate, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedRequest> {
    const matches = typeof predicate === 'string' ? (request: RecordedRequest) => request.route === predicate : predicate;
    const description = typeof predicate === 'string' ? `a ${predicate} request` : 'a matching request';
    return this.waitFor(() => this.#recorder.requests.find(matches), timeoutMs, description);
  }

  /** Resolves once a client identified and received READY and its GUILD_CREATE. */
  waitForReady(timeoutMs = 10_000): Promise<GatewaySession> {
    return this.waitFor(
      () => this.#gateway.sessions.find((session) => session.ready && session.socket !== null),
      timeoutMs,
      'a bot to identify and receive its guild',
    );
  }

  /** Resolves with the first gateway payload with opcode `op` received from the client. */
  waitForGatewayOp(op: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<GatewayLogEntry> {
    return this.waitFor(
      () => this.#gateway.log.find((entry) => entry.kind === 'received' && entry.op === op),
      timeoutMs,
      `gateway opcode ${op}`,
    );
  }

  /** Re-checks `check` after every request and gateway change until it returns a value. */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs = DEFAULT_TIMEOUT_MS, description = 'a condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        let value: T | undefined | null | false;
        try {
          value = check();
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value !== undefined && value !== null && value !== false) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${description}.\n${this.#summary()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#changes.off('change', attempt);
      };
      this.#changes.on('change', attempt);
      attempt();
    });
  }

  #summary(): string {
    const requests = this.#recorder.requests
      .slice(-8)
      .map((request) => `  ${request.method} ${request.path} -> ${request.status}`)
      .join('\n');
    const violations = this.#recorder.violations.map((violation) => `  ${violation.route}: ${violation.message}`).join('\n');
    return `Last requests:\n${requests || '  (none)'}\nViolations:\n${violations || '  (none)'}`;
  }

  #user(ref: UserRef | undefined, fallback: APIUser): APIUser {
    if (ref === undefined) return fallback;
    if (typeof ref === 'string') return this.#world.users[ref];
    return ref;
  }

  #requireSession(): void {
    if (!this.#gateway.sessions.some((session) => session.ready)) {
      throw new Error('fake-discord: no bot session; await fake.waitForReady() first');
    }
  }

  #context(options: InteractionOptions): InteractionContext {
    return {
      user: this.#user(options.user, this.member),
      dm: options.dm ?? false,
      channelId: options.channelId ?? this.guild.askChannelId,
      permissions: options.permissions === undefined ? undefined : options.permissions.toString(),
      locale: options.locale ?? 'en-US',
    };
  }

  #pushInteraction(built: APIInteraction, context: InteractionOptions = {}): SentInteraction {
    const via = context.via ?? 'gateway';
    const guildId = context.dm === true ? undefined : (context.guildId ?? this.guild.id);
    const payload = guildId === undefined ? built : inGuild(built, this.guild.id, guildId);
    if (via === 'gateway') this.#requireSession();
    const record = this.#store.addInteraction(payload);
    const shards: number[] = [];
    if (via === 'gateway') {
      this.#gateway.dispatch('INTERACTION_CREATE', (session) => {
        if (!this.#gateway.serves(session, guildId)) return null;
        shards.push(this.#gateway.shardOfSession(session));
        return payload;
      });
    }
    const messages = () =>
      [record.original, ...record.followUps].filter(
        (message): message is APIMessage => message !== null && ((message.flags ?? 0) & MessageFlag.Loading) === 0,
      );
    return {
      id: record.id,
      token: record.token,
      payload,
      record,
      shards,
      waitForResponse: (timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.waitFor(() => record.callbacks.find((callback) => callback.accepted), timeoutMs, `a response to interaction ${record.id}`),
      waitForReply: (predicate = () => true, timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.waitFor(() => messages().find(predicate), timeoutMs, `a reply to interaction ${record.id}`),
      waitForChoices: (timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.waitFor(() => record.choices ?? undefined, timeoutMs, `autocomplete choices for interaction ${record.id}`),
    };
  }

  /**
   * Pushes a slash command (INTERACTION_CREATE type 2). `name` may address a
   * subcommand: "config set". Option types come from the registered command
   * when the bot registered it, otherwise from the JS value types.
   */
  sendCommand(name: string, options: CommandOptionsInput = {}, context: InteractionOptions = {}): SentInteraction {
    const ctx = this.#context(context);
    const registered = this.#store.findCommand(name.trim().split(/\s+/)[0] ?? '', ctx.dm ? undefined : this.guild.id);
    return this.#pushInteraction(commandInteraction(this.#world, ctx, { name, options, registered }), context);
  }

  /** Pushes an autocomplete interaction (type 4) with `focused` as the option being typed. */
  sendAutocomplete(name: string, options: CommandOptionsInput, focused: string, context: InteractionOptions = {}): SentInteraction {
    const ctx = this.#context(context);
    const registered = this.#store.findCommand(name.trim().split(/\s+/)[0] ?? '', ctx.dm ? undefined : this.guild.id);
    return this.#pushInteraction(commandInteraction(this.#world, ctx, { name, options, registered, focused }), context);
  }

  /**
   * Pushes a button click (type 3, component_type 2). Without `message`, the
   * newest bot message carrying that custom_id is clicked; failing that, a
   * synthetic bot message with just this button in the context's channel.
   */
  sendButton(customId: string, message?: APIMessage, context: InteractionOptions = {}): SentInteraction {
    const target =
      message ?? [...this.#store.botMessages()].reverse().find((candidate) => componentsHaveCustomId(candidate.components, customId));
    const dmChannel = target ? this.#world.dmChannels.get(target.channel_id) : undefined;
    const ctx = this.#context({
      ...context,
      dm: context.dm ?? dmChannel !== undefined,
      channelId: context.channelId ?? target?.channel_id,
      user: context.user ?? dmChannel?.recipients?.[0],
    });
    const clicked = target ?? syntheticButtonMessage(this.#world, ctx.channelId, customId);
    return this.#pushInteraction(buttonInteraction(this.#world, ctx, customId, clicked), { ...context, dm: ctx.dm });
  }

  /** Pushes MESSAGE_CREATE from a user, filtered by each session's intents like Discord does. */
  sendMessage(options: SendMessageOptions): SentMessage {
    this.#requireSession();
    const author = this.#user(options.author, options.bot ? this.otherBot : this.member);
    const message = userMessage(this.#world, {
      content: options.content,
      author,
      channelId: options.channelId ?? this.guild.generalChannelId,
      dm: options.dm ?? false,
      mentionsBot: options.mentionsBot ?? false,
    });
    this.#store.putMessage(message, message.guild_id, false);
    const delivered =
      this.#gateway.dispatch('MESSAGE_CREATE', (session) =>
        this.#gateway.serves(session, message.guild_id) ? messageForIntents(session.intents, message, this.botUser.id) : null,
      ) > 0;
    return {
      message,
      delivered,
      waitForReply: (timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.waitFor(
          () =>
            this.#store
              .botMessages()
              .find(
                (candidate) =>
                  candidate.channel_id === message.channel_id &&
                  BigInt(candidate.id) > BigInt(message.id) &&
                  candidate.interaction_metadata === undefined &&
                  (candidate.message_reference === undefined || candidate.message_reference.message_id === message.id),
              ),
          timeoutMs,
          `a bot reply to message ${message.id}`,
        ),
    };
  }

  /**
   * Makes the next `times` requests to `route` fail with `status` before they
   * take effect: 429 with Retry-After (discord.js waits and retries) or a 5xx
   * (discord.js retries up to its `retries` option, then throws).
   */
  injectFailure(failure: InjectedFailure): void {
    this.#http.injectFailure(failure);
  }

  /** Forgets injected failures that no request has met yet. */
  clearFailures(): void {
    this.#http.clearFailures();
  }

  /** Gateway opcode 7: clients reconnect and RESUME. */
  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  /** Closes gateway connections (default code 4000) as a network failure would; sessions stay resumable. */
  dropConnections(code?: number): void {
    this.#gateway.dropConnections(code);
  }

  /** Gateway opcode 9: not resumable (default), clients must IDENTIFY again; resumable, they RESUME. */
  invalidateSessions(resumable = false): void {
    this.#gateway.invalidateSessions(resumable);
  }

  /** From now on, every RESUME also replays this many events the client had already received. */
  replayOnResume(events: number): void {
    this.#gateway.faults.resumeOverlap = events;
  }

  /** Leaves the next `beats` heartbeats unanswered; discord.js then closes and resumes. */
  withholdHeartbeatAcks(beats = 1): void {
    this.#gateway.faults.withheldAcks += beats;
  }

  async close(): Promise<void> {
    this.#gateway.close();
    await this.#http.close();
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = createWorld({
    ...(options.botUsername === undefined ? {} : { botUsername: options.botUsername }),
    ...(options.guildName === undefined ? {} : { guildName: options.guildName }),
  });
  const store = new FakeStore(world);
  const recorder = new Recorder();
  const shardCount = options.shards ?? 1;
  const gateway = new Gateway(world, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    shardCount,
    extraGuildIds: shardCount > 1 ? guildIdsForShards(shardCount, world.guild.id) : [],
    expectedToken: options.token,
    enabledPrivilegedIntents: options.enabledPrivilegedIntents ?? PRIVILEGED_INTENTS,
    onViolation: (message, payload) => recorder.addViolation('gateway', message, payload),
  });
  const http = new FakeHttpServer({
    recorder,
    world,
    store,
    gateway,
    validator: sharedSchemaValidator(),
    settings: {
      expectedToken: options.token,
      requireAllowedMentionsNone: options.requireAllowedMentionsNone ?? true,
      rejectInvalidBodies: options.rejectInvalidBodies ?? true,
      interactionAckTimeoutMs: options.interactionAckTimeoutMs ?? 3000,
    },
  });
  await http.listen();
  gateway.url = `ws://127.0.0.1:${http.port}/gateway`;
  // Shaped like a real token (id.timestamp.hmac) for code that sanity-checks it.
  const token =
    options.token ??
    `${Buffer.from(world.applicationId).toString('base64url')}.${nextSnowflake().slice(-6)}.${'x'.repeat(38)}`;
  return new FakeDiscord(world, store, gateway, http, recorder, token);
}
