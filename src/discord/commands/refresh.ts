import {
  InteractionContextType,
  PermissionFlagsBits,
  PermissionsBitField,
  SlashCommandBuilder,
  type APIInteractionGuildMember,
  type ChatInputCommandInteraction,
  type GuildMember,
} from 'discord.js';
import type { Config } from '../../config.ts';
import type { RefreshReport } from '../../engine/live-engine.ts';
import { renderRefreshRefusal, renderRefreshReport, type Reply } from '../../render/discord.ts';
import { renderFleetRefreshReport } from '../../render/fleet.ts';
import { plural } from '../../knowledge/report.ts';
import type { BotContext, Command } from '../command.ts';

export const data = new SlashCommandBuilder()
  .setName('refresh')
  .setDescription('Moderators: reload the knowledge files and report what changed')
  // Hides the command from members without Manage Server; server admins may change that in
  // Server Settings > Integrations, which is why the handler checks again.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

/**
 * Manage Server (Administrator implies it), or one of the configured moderator roles.
 * Pure, so the rule is tested without Discord.
 */
export function isModerator(
  permissions: bigint | string | null | undefined,
  roleIds: Iterable<string>,
  config: Pick<Config, 'moderatorRoleIds'>,
): boolean {
  if (permissions !== null && permissions !== undefined) {
    if (new PermissionsBitField(BigInt(permissions)).has(PermissionFlagsBits.ManageGuild)) return true;
  }
  const moderatorRoles = new Set(config.moderatorRoleIds);
  for (const id of roleIds) if (moderatorRoles.has(id)) return true;
  return false;
}

/** A cached member has a role manager; an uncached one arrives as raw API data. */
export function memberRoleIds(member: GuildMember | APIInteractionGuildMember | null): readonly string[] {
  if (member === null) return [];
  return Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
}

export type RefreshDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: 'dm' | 'not-moderator' };

export function decideRefresh(
  inGuild: boolean,
  permissions: bigint | string | null | undefined,
  roleIds: Iterable<string>,
  config: Pick<Config, 'moderatorRoleIds'>,
): RefreshDecision {
  if (!inGuild) return { allowed: false, reason: 'dm' };
  return isModerator(permissions, roleIds, config) ? { allowed: true } : { allowed: false, reason: 'not-moderator' };
}

function summary(report: RefreshReport): string {
  if (!report.ok) return `refresh failed with ${plural(report.problems.length, 'problem')}; still serving ${report.current.version}`;
  return (
    `refreshed ${report.before.version} -> ${report.after.version}: ` +
    `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed` +
    (report.timings === undefined
      ? ''
      : ` (checked in ${report.timings.checkMs} ms in a worker; ${report.timings.mainThreadMs} ms on the main thread)`)
  );
}

/**
 * Reloads the knowledge and reports it: on every shard under a sharding manager, else in this
 * process. `ok` says whether this process now serves the files on disk. The one way a command
 * swaps the knowledge, so /refresh and /article report alike.
 */
export async function refreshKnowledge(ctx: BotContext, userId: string): Promise<{ readonly ok: boolean; readonly reply: Reply }> {
  const before = ctx.live.current().knowledge;
  if (ctx.fleet !== undefined) {
    const fleet = await ctx.fleet.refreshEverywhere();
    const failed = fleet.results.filter((r) => !r.ok).flatMap((r) => r.shards);
    ctx.log.info(
      `${summary(fleet.local)}; on every shard: ${fleet.results.length} answered, ` +
        `failed [${failed.join(',')}], no answer [${fleet.missing.join(',')}] (by user ${userId})`,
    );
    return { ok: fleet.local.ok, reply: renderFleetRefreshReport(fleet, { before, after: ctx.live.current().knowledge }) };
  }
  const report = await ctx.live.refresh();
  ctx.log.info(`${summary(report)} (by user ${userId})`);
  return { ok: report.ok, reply: renderRefreshReport(report, { before, after: ctx.live.current().knowledge }) };
}

export const refresh: Command = {
  data,
  // The report is for the moderator who asked; the channel needn't see it.
  visibility: () => 'ephemeral',
  // Reading and indexing the files may take longer than Discord's 3 s.
  defer: 'now',
  async execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
    const decision = decideRefresh(
      interaction.inGuild(),
      interaction.memberPermissions?.bitfield,
      memberRoleIds(interaction.member),
      ctx.config,
    );
    if (!decision.allowed) {
      ctx.log.info(`refused /refresh for user ${interaction.user.id}: ${decision.reason}`);
      return renderRefreshRefusal(decision.reason);
    }
    return (await refreshKnowledge(ctx, interaction.user.id)).reply;
  },
};
