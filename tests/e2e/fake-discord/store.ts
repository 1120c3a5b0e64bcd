import type { APIApplicationCommand, APIInteraction, APIMessage } from 'discord.js';
import type { JsonObject } from './payloads.ts';
import type { World } from './world.ts';

export interface InteractionCallbackRecord {
  type: number;
  data: JsonObject | undefined;
  at: number;
  /** False when Discord would have rejected it (late, duplicate, wrong type). */
  accepted: boolean;
}

export interface InteractionRecord {
  id: string;
  token: string;
  payload: APIInteraction;
  sentAt: number;
  callbacks: InteractionCallbackRecord[];
  /** The accepted callback type, once acknowledged. */
  responseType: number | null;
  /** Current state of `@original`, if the response created or targets a message. */
  original: APIMessage | null;
  followUps: APIMessage[];
  /** Choices answered to an autocomplete interaction. */
  choices: JsonObject[] | null;
  /** Modal shown in response, if any. */
  modal: JsonObject | null;
  /**
   * A callback's outcome was hidden from the client (a staged hang, or a 5xx after it took
   * effect): the client cannot know whether it landed, so trying again (and being told 40060)
   * is right, not a second answer.
   */
  outcomeHidden: boolean;
}

export interface StoredMessage {
  message: APIMessage;
  guildId: string | undefined;
  /** Authored by the bot under test (via REST). */
  fromBot: boolean;
}

export class FakeStore {
  readonly interactions = new Map<string, InteractionRecord>();
  readonly #interactionsByToken = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, StoredMessage>();
  /** `channel:nonce` of bot messages sent with `enforce_nonce`, to the message created. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();

  constructor(readonly world: World) {}

  addInteraction(payload: APIInteraction): InteractionRecord {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      sentAt: Date.now(),
      callbacks: [],
      responseType: null,
      original: null,
      followUps: [],
      choices: null,
      modal: null,
      outcomeHidden: false,
    };
    this.interactions.set(record.id, record);
    this.#interactionsByToken.set(record.token, record);
    return record;
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    return this.#interactionsByToken.get(token);
  }

  putMessage(message: APIMessage, guildId: string | undefined, fromBot: boolean): APIMessage {
    this.messages.set(message.id, { message, guildId, fromBot });
    return message;
  }

  /** Replaces a stored message and every interaction reference to it. */
  replaceMessage(message: APIMessage): void {
    const stored = this.messages.get(message.id);
    if (stored) stored.message = message;
    for (const record of this.interactions.values()) {
      if (record.original?.id === message.id) record.original = message;
      record.followUps = record.followUps.map((followUp) => (followUp.id === message.id ? message : followUp));
    }
  }

  deleteMessage(id: string): boolean {
    return this.messages.delete(id);
  }

  commandsFor(guildId: string | undefined): APIApplicationCommand[] {
    return guildId === undefined ? this.globalCommands : (this.guildCommands.get(guildId) ?? []);
  }

  setCommands(guildId: string | undefined, commands: APIApplicationCommand[]): void {
    if (guildId === undefined) this.globalCommands = commands;
    else this.guildCommands.set(guildId, commands);
  }

  /** A registered command by name, guild commands first (they shadow global ones in the client). */
  findCommand(name: string, guildId: string | undefined): APIApplicationCommand | undefined {
    const isChatInput = (command: APIApplicationCommand) => command.name === name && (command.type ?? 1) === 1;
    return (guildId ? this.commandsFor(guildId).find(isChatInput) : undefined) ?? this.globalCommands.find(isChatInput);
  }

  /** Bot messages, oldest first. */
  botMessages(): APIMessage[] {
    return [...this.messages.values()].filter((stored) => stored.fromBot).map((stored) => stored.message);
  }
}
