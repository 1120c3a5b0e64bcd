import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config.ts';
import { createDispatcher } from '../../../src/discord/dispatch.ts';
import { data, decideRefresh, isModerator, memberRoleIds } from '../../../src/discord/commands/refresh.ts';
import type { RefreshReport } from '../../../src/engine/live-engine.ts';
import { MESSAGES } from '../../../src/render/discord.ts';
import { fakeEngine, fakeLive, LOADED_AT } from '../../support/fake-engine.ts';
import { FakeInteraction, type FakeOptions } from '../../support/fake-interactions.ts';
import { recordingLogger } from '../../support/recording-logger.ts';

const MOD_ROLE = '500000000000000001';
const OTHER_ROLE = '500000000000000002';
const CONFIG = { moderatorRoleIds: [MOD_ROLE] };

describe('isModerator', () => {
  it('accepts a member with Manage Server', () => {
    expect(isModerator(PermissionFlagsBits.ManageGuild, [], CONFIG)).toBe(true);
  });

  it('accepts an Administrator, which implies Manage Server', () => {
    expect(isModerator(PermissionFlagsBits.Administrator, [], CONFIG)).toBe(true);
  });

  it('accepts a member with a moderator role', () => {
    expect(isModerator(0n, [OTHER_ROLE, MOD_ROLE], CONFIG)).toBe(true);
  });

  it('accepts permissions given as Discord sends them, a decimal string', () => {
    expect(isModerator('2080', [], CONFIG)).toBe(true);
  });

  it('refuses a member with neither, even with other strong permissions', () => {
    expect(isModerator(PermissionFlagsBits.BanMembers | PermissionFlagsBits.ManageMessages, [OTHER_ROLE], CONFIG)).toBe(false);
    expect(isModerator('0', [], CONFIG)).toBe(false);
  });

  it('refuses everyone by role when no moderator roles are configured', () => {
    expect(isModerator(null, [MOD_ROLE], { moderatorRoleIds: [] })).toBe(false);
  });
});

describe('decideRefresh', () => {
  it('refuses in direct messages', () => {
    expect(decideRefresh(false, PermissionFlagsBits.Administrator, [], CONFIG)).toEqual({ allowed: false, reason: 'dm' });
  });

  it('refuses a non-moderator in a server', () => {
    expect(decideRefresh(true, 0n, [], CONFIG)).toEqual({ allowed: false, reason: 'not-moderator' });
  });

  it('allows a moderator in a server', () => {
    expect(decideRefresh(true, 0n, [MOD_ROLE], CONFIG)).toEqual({ allowed: true });
  });
});

describe('memberRoleIds', () => {
  it('reads roles from raw member data and from a cached member', () => {
    expect(memberRoleIds({ roles: [MOD_ROLE] } as never)).toEqual([MOD_ROLE]);
    expect(memberRoleIds({ roles: { cache: new Map([[MOD_ROLE, {}]]) } } as never)).toEqual([MOD_ROLE]);
    expect(memberRoleIds(null)).toEqual([]);
  });
});

describe('/refresh definition', () => {
  it('is hidden by default from members without Manage Server, and offered in servers only', () => {
    const json = data.toJSON();
    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json.contexts).toEqual([0]);
  });
});

describe('/refresh at run time', () => {
  const config: Config = { knowledgeDir: 'k', askChannelIds: [], moderatorRoleIds: [MOD_ROLE], logLevel: 'info' };

  async function run(o: Partial<FakeOptions>, report?: RefreshReport) {
    const live = fakeLive(fakeEngine(), report === undefined ? undefined : async () => report);
    const dispatch = createDispatcher({ live, config, log: recordingLogger() });
    const i = new FakeInteraction({ kind: 'command', commandName: 'refresh', ...o });
    await dispatch(i.asInteraction());
    return { i, live };
  }

  it('refuses a non-moderator privately and reloads nothing', async () => {
    const { i, live } = await run({ permissions: 0n, roles: [OTHER_ROLE] });
    expect(live.refreshes).toBe(0);
    expect(i.calls[0]!.payload).toEqual({ flags: MessageFlags.Ephemeral });
    expect(i.calls[1]!.payload).toMatchObject({ content: MESSAGES.refreshOnlyModerators });
  });

  it('refuses in a DM and reloads nothing', async () => {
    const { i, live } = await run({ inGuild: false });
    expect(live.refreshes).toBe(0);
    expect(i.calls[1]!.payload).toMatchObject({ content: MESSAGES.refreshOnlyInServers });
  });

  it('lets a moderator role refresh and shows the report privately', async () => {
    const report: RefreshReport = {
      ok: false,
      current: { version: 'v1v1v1v1v1v1', loadedAt: LOADED_AT },
      problems: [{ file: 'qa.yaml', entry: 'x', message: 'bad' }],
    };
    const { i, live } = await run({ permissions: 0n, roles: [MOD_ROLE] }, report);
    expect(live.refreshes).toBe(1);
    expect(i.methods()).toEqual(['deferReply', 'editReply']);
    expect(JSON.stringify(i.calls[1]!.payload)).toContain('Refresh failed');
  });
});
