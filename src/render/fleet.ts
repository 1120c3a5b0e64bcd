import type { FleetReport, ShardRefresh } from '../engine/live-engine.ts';
import type { ChangeContext } from './changes.ts';
import { fitEmbed, renderRefreshReport, type Reply } from './discord.ts';
import { LIMITS } from './limits.ts';
import { truncate } from './truncate.ts';

/**
 * The moderator's report of a refresh across shards: what changed (from the shard that was
 * asked), then each shard's result and version. Shards with the same result share a line, so
 * the list stays short with hundreds of shards; failures and silent shards are always named.
 */

function ranges(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

function label(ids: readonly number[]): string {
  return `${ids.length === 1 ? 'shard' : 'shards'} ${ranges(ids)}`;
}

/** One line per distinct outcome: "✅ shards 0–3: version `abc`". */
export function shardLines(report: Pick<FleetReport, 'results' | 'missing'>): string[] {
  const groups = new Map<string, { ids: number[]; result: ShardRefresh }>();
  for (const result of report.results) {
    const key = `${result.ok}:${result.version}:${result.problems}`;
    const group = groups.get(key) ?? { ids: [], result };
    group.ids.push(...result.shards);
    groups.set(key, group);
  }
  const lines = [...groups.values()]
    .sort((a, b) => Number(a.result.ok) - Number(b.result.ok) || Math.min(...a.ids) - Math.min(...b.ids))
    .map(({ ids, result }) =>
      result.ok
        ? `✅ ${label(ids)}: version \`${result.version}\``
        : `❌ ${label(ids)}: refresh failed (${result.problems} problem${result.problems === 1 ? '' : 's'}), still serving \`${result.version}\``,
    );
  if (report.missing.length > 0) lines.unshift(`⚠️ ${label(report.missing)}: no answer, not refreshed`);
  return lines;
}

/** `changes`: this shard's knowledge before and after, so its report names entries and a new article as /refresh does alone. */
export function renderFleetRefreshReport(report: FleetReport, changes: ChangeContext = {}): Reply {
  const local = renderRefreshReport(report.local, changes);
  const [first, ...rest] = local.embeds;
  if (first === undefined) return local;
  const total = report.results.reduce((n, r) => n + r.shards.length, 0) + report.missing.length;
  const refreshed = report.results.filter((r) => r.ok).reduce((n, r) => n + r.shards.length, 0);
  const field = { name: `Shards: ${refreshed} of ${total} refreshed`, value: truncate(shardLines(report).join('\n'), LIMITS.embedFieldValue) };
  const fields = [field, ...(first.fields ?? [])].slice(0, LIMITS.embedFields);
  return { ...local, embeds: [fitEmbed({ ...first, fields }), ...rest] };
}
