import { MessageFlags, PermissionFlagsBits, type Interaction } from 'discord.js';

/**
 * Stand-ins for discord.js interactions with the same acknowledgement rules (one first
 * response; edit or follow up only after it), recording every call in order.
 */

export const BOT_ID = '900000000000000001';
export const USER_ID = '800000000000000001';
export const GUILD_ID = '700000000000000001';

export type Call = { readonly method: string; readonly payload: unknown };

export interface FakeOptions {
  readonly kind: 'command' | 'autocomplete' | 'button' | 'select';
  /** The embeds and component rows (API JSON) of the message a button sits on. */
  readonly messageEmbeds?: readonly unknown[];
  readonly messageComponents?: readonly unknown[];
  /** The values picked in a select menu. */
  readonly values?: readonly string[];
  readonly commandName?: string;
  /** The subcommand chosen, for a command that has them. */
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, string | boolean | { id: string; bot?: boolean } | undefined>>;
  readonly focused?: string;
  readonly customId?: string;
  /** The message a button sits on was ephemeral. */
  readonly onEphemeralMessage?: boolean;
  readonly inGuild?: boolean;
  readonly permissions?: bigint;
  readonly roles?: readonly string[];
  /** Milliseconds each call to Discord takes. */
  readonly latency?: number;
  /** Calls that fail as if Discord refused them. */
  readonly failing?: readonly string[];
  /** Calls that never get an answer (a hung request). */
  readonly hanging?: readonly string[];
  /** Calls answered with Discord's 40060: an earlier response had landed. */
  readonly alreadyAcknowledged?: readonly string[];
  /** Calls that fail with no word on whether they landed (a 5xx after retries, a dropped connection). */
  readonly inconclusive?: readonly string[];
}

export class FakeInteraction {
  readonly calls: Call[] = [];
  deferred = false;
  replied = false;
  responded = false;
  ephemeral: boolean | null = null;
  readonly id = '600000000000000001';
  readonly user = { id: USER_ID };
  readonly client = { user: { id: BOT_ID }, users: { cache: new Map() }, channels: { cache: new Map() } };
  readonly guild = null;
  readonly values: readonly string[];
  readonly guildId: string | null;
  readonly commandName: string;
  readonly customId: string;
  readonly memberPermissions: { bitfield: bigint } | null;
  readonly member: { roles: readonly string[] } | null;
  readonly message: { id: string; flags: { has(flag: number): boolean }; embeds: { toJSON(): unknown }[]; components: { toJSON(): unknown }[] };
  readonly options: {
    getBoolean(name: string): boolean | null;
    getString(name: string, required?: boolean): string | null;
    getSubcommand(): string;
    getFocused(): string;
    getUser(name: string): { id: string; bot: boolean } | null;
  };

  constructor(private readonly o: FakeOptions) {
    const inGuild = o.inGuild ?? true;
    this.guildId = inGuild ? GUILD_ID : null;
    this.commandName = o.commandName ?? 'ask';
    this.customId = o.customId ?? '';
    this.memberPermissions = inGuild ? { bitfield: o.permissions ?? 0n } : null;
    this.member = inGuild ? { roles: o.roles ?? [] } : null;
    this.message = {
      id: '500000000000000001',
      flags: { has: (flag) => flag === MessageFlags.Ephemeral && o.onEphemeralMessage === true },
      embeds: (o.messageEmbeds ?? []).map((e) => ({ toJSON: () => e })),
      components: (o.messageComponents ?? []).map((c) => ({ toJSON: () => c })),
    };
    this.values = o.values ?? [];
    const values = o.options ?? {};
    this.options = {
      getBoolean: (name) => (typeof values[name] === 'boolean' ? (values[name] as boolean) : null),
      getString: (name, required) => {
        const v = values[name];
        if (typeof v === 'string') return v;
        if (required === true) throw new Error(`option ${name} missing`);
        return null;
      },
      getFocused: () => o.focused ?? '',
      getSubcommand: () => {
        if (o.subcommand === undefined) throw new Error('no subcommand chosen');
        return o.subcommand;
      },
      getUser: (name) => {
        const v = values[name];
        return typeof v === 'object' ? { id: v.id, bot: v.bot ?? false } : null;
      },
    };
  }

  isChatInputCommand() {
    return this.o.kind === 'command';
  }
  isAutocomplete() {
    return this.o.kind === 'autocomplete';
  }
  isButton() {
    return this.o.kind === 'button';
  }
  isStringSelectMenu() {
    return this.o.kind === 'select';
  }
  isMessageComponent() {
    return this.o.kind === 'button' || this.o.kind === 'select';
  }
  inGuild() {
    return this.guildId !== null;
  }

  private async call(method: string, payload: unknown): Promise<void> {
    this.calls.push({ method, payload });
    if ((this.o.latency ?? 0) > 0) await new Promise((r) => setTimeout(r, this.o.latency));
    if (this.o.failing?.includes(method)) throw new Error(`${method} refused (fake)`);
    if (this.o.hanging?.includes(method)) await new Promise(() => undefined);
    if (this.o.alreadyAcknowledged?.includes(method))
      throw Object.assign(new Error('Interaction has already been acknowledged.'), { code: 40060 });
    if (this.o.inconclusive?.includes(method)) throw Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
  }

  async deferReply(options: { flags?: number } = {}) {
    if (this.deferred || this.replied) throw new Error('InteractionAlreadyReplied');
    await this.call('deferReply', options);
    this.deferred = true;
    this.ephemeral = options.flags === MessageFlags.Ephemeral;
  }
  async reply(options: { flags?: number }) {
    if (this.deferred || this.replied) throw new Error('InteractionAlreadyReplied');
    await this.call('reply', options);
    this.replied = true;
    this.ephemeral = options.flags === MessageFlags.Ephemeral;
  }
  async update(options: unknown) {
    if (this.deferred || this.replied) throw new Error('InteractionAlreadyReplied');
    await this.call('update', options);
    this.replied = true;
  }
  async deferUpdate() {
    if (this.deferred || this.replied) throw new Error('InteractionAlreadyReplied');
    await this.call('deferUpdate', {});
    this.deferred = true;
  }
  async editReply(options: unknown) {
    if (!this.deferred && !this.replied) throw new Error('InteractionNotReplied');
    await this.call('editReply', options);
    this.replied = true;
  }
  async followUp(options: unknown) {
    if (!this.deferred && !this.replied) throw new Error('InteractionNotReplied');
    await this.call('followUp', options);
    this.replied = true;
  }
  async respond(choices: unknown) {
    if (this.responded) throw new Error('InteractionAlreadyReplied');
    await this.call('respond', choices);
    this.responded = true;
  }

  asInteraction(): Interaction {
    return this as unknown as Interaction;
  }

  methods(): string[] {
    return this.calls.map((c) => c.method);
  }
}

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
