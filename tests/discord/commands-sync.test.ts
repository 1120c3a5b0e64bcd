import { Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { normaliseCommand, sameCommands, syncCommands, type CommandsRest, type Scope } from '../../src/discord/commands-sync.ts';
import { commandBodies } from '../../src/discord/registry.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const APP = '100000000000000001';
const GUILD: Scope = { kind: 'guild', guildId: '700000000000000001' };
const GLOBAL: Scope = { kind: 'global' };

/** What Discord sends back for a registered command: ids added, defaults spelled out, false flags left out. */
function asDiscordReturns(body: Record<string, unknown>, scope: Scope, i: number): Record<string, unknown> {
  const options = ((body.options as Record<string, unknown>[] | undefined) ?? []).map((o) => {
    const { required, ...rest } = o;
    return { ...rest, ...(required === true && { required }), name_localizations: null, description_localizations: null };
  });
  const contexts = (body.contexts as number[] | undefined) ?? [0, 1, 2];
  return {
    id: `11000000000000000${i}`,
    application_id: APP,
    version: `12000000000000000${i}`,
    default_permission: true,
    type: 1,
    name: body.name,
    name_localizations: null,
    description: body.description,
    description_localizations: null,
    default_member_permissions: body.default_member_permissions ?? null,
    ...(scope.kind === 'global' && { dm_permission: contexts.includes(1), contexts, integration_types: [0] }),
    ...(scope.kind === 'guild' && { guild_id: GUILD.kind === 'guild' ? GUILD.guildId : '' }),
    nsfw: false,
    ...(options.length > 0 && { options }),
  };
}

const wanted = commandBodies();
const registered = (scope: Scope) => wanted.map((b, i) => asDiscordReturns(b as unknown as Record<string, unknown>, scope, i));

describe('sameCommands', () => {
  it('sees the commands Discord echoes back as the same as the code, in guild and global scope', () => {
    expect(sameCommands(registered(GUILD), wanted, GUILD)).toBe(true);
    expect(sameCommands(registered(GLOBAL), wanted, GLOBAL)).toBe(true);
  });

  it('ignores the order Discord lists commands in', () => {
    expect(sameCommands([...registered(GUILD)].reverse(), wanted, GUILD)).toBe(true);
  });

  it('notices a changed description', () => {
    const changed = registered(GUILD).map((c) => (c.name === 'help' ? { ...c, description: 'old words' } : c));
    expect(sameCommands(changed, wanted, GUILD)).toBe(false);
  });

  it('notices a changed option, such as a new max length', () => {
    const changed = registered(GUILD).map((c) =>
      c.name === 'ask' ? { ...c, options: (c.options as object[]).map((o, i) => (i === 0 ? { ...o, max_length: 200 } : o)) } : c,
    );
    expect(sameCommands(changed, wanted, GUILD)).toBe(false);
  });

  it('notices changed default permissions', () => {
    const changed = registered(GUILD).map((c) => (c.name === 'refresh' ? { ...c, default_member_permissions: null } : c));
    expect(sameCommands(changed, wanted, GUILD)).toBe(false);
  });

  it('notices a missing or an extra command', () => {
    expect(sameCommands(registered(GUILD).slice(1), wanted, GUILD)).toBe(false);
    expect(sameCommands([...registered(GUILD), { name: 'old', description: 'gone', type: 1 }], wanted, GUILD)).toBe(false);
  });

  it('notices a global command newly allowed in DMs', () => {
    const changed = registered(GLOBAL).map((c) => (c.name === 'refresh' ? { ...c, contexts: [0, 1, 2], dm_permission: true } : c));
    expect(sameCommands(changed, wanted, GLOBAL)).toBe(false);
  });

  it('reads an older dm_permission and the newer contexts as the same fact', () => {
    const older = { name: 'x', description: 'd', dm_permission: false, contexts: null };
    const newer = { name: 'x', description: 'd', contexts: [0] };
    expect(normaliseCommand(older, GLOBAL)).not.toEqual(normaliseCommand({ name: 'x', description: 'd' }, GLOBAL));
    expect((normaliseCommand(older, GLOBAL) as { dm_permission: boolean }).dm_permission).toBe(
      (normaliseCommand(newer, GLOBAL) as { dm_permission: boolean }).dm_permission,
    );
  });
});

function fakeRest(current: unknown[]) {
  const calls: { method: 'get' | 'put'; route: string; body?: unknown }[] = [];
  const rest = {
    async get(route: string) {
      calls.push({ method: 'get', route });
      return current;
    },
    async put(route: string, options?: { body?: unknown }) {
      calls.push({ method: 'put', route, body: options?.body });
      return options?.body;
    },
  };
  return { rest: rest as unknown as CommandsRest, calls };
}

describe('syncCommands', () => {
  it('sends nothing when the registered commands already match', async () => {
    const { rest, calls } = fakeRest(registered(GUILD));
    const result = await syncCommands(rest, APP, GUILD, wanted, recordingLogger());
    expect(result).toEqual({ changed: false, count: wanted.length });
    expect(calls.map((c) => c.method)).toEqual(['get']);
  });

  it('overwrites all commands in one request when they differ, in the guild when one is set', async () => {
    const { rest, calls } = fakeRest([]);
    const result = await syncCommands(rest, APP, GUILD, wanted, recordingLogger());
    expect(result.changed).toBe(true);
    expect(calls).toEqual([
      { method: 'get', route: Routes.applicationGuildCommands(APP, '700000000000000001') },
      { method: 'put', route: Routes.applicationGuildCommands(APP, '700000000000000001'), body: wanted },
    ]);
  });

  it('registers globally without a guild', async () => {
    const { rest, calls } = fakeRest([]);
    await syncCommands(rest, APP, GLOBAL, wanted, recordingLogger());
    expect(calls[1]!.route).toBe(Routes.applicationCommands(APP));
  });

  it('overwrites without looking when forced', async () => {
    const { rest, calls } = fakeRest(registered(GUILD));
    await syncCommands(rest, APP, GUILD, wanted, recordingLogger(), { force: true });
    expect(calls.map((c) => c.method)).toEqual(['put']);
  });
});
