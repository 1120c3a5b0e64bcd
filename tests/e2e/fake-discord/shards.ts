/**
 * Discord's sharding rule: a guild's events go to shard `(guild_id >> 22) % shard_count`; DMs
 * go to shard 0. The fake's extra guilds are copies of its one guild under other ids, one per
 * shard, so each shard of a sharded bot has a guild of its own to serve.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;

export function shardOf(guildId: string | undefined, shardCount: number): number {
  if (guildId === undefined) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** One guild id for each shard that `existing` does not cover already, in shard order. */
export function guildIdsForShards(shardCount: number, existing: string): string[] {
  const covered = shardOf(existing, shardCount);
  const base = BigInt(Date.now()) - DISCORD_EPOCH - 86_400_000n;
  const ids: string[] = [];
  for (let shard = 0; shard < shardCount; shard++) {
    if (shard === covered) continue;
    let stamp = base + BigInt(shard);
    while (Number(stamp % BigInt(shardCount)) !== shard) stamp += 1n;
    ids.push(((stamp << 22n) | BigInt(ids.length + 1)).toString());
  }
  return ids;
}

/** A payload of the fake's guild, moved to another guild id. */
export function inGuild<T>(payload: T, fromId: string, toId: string): T {
  if (fromId === toId) return payload;
  return JSON.parse(JSON.stringify(payload).split(fromId).join(toId)) as T;
}
