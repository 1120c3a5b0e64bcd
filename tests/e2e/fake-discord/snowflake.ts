// Discord snowflakes carry a millisecond timestamp. @discordjs/rest reads it
// (e.g. to route deletions of messages older than two weeks differently) and
// its bucket keys expect 17..19 digit ids, so fakes must mint real-looking ones.

const DISCORD_EPOCH = 1_420_070_400_000n;

let lastTimestamp = 0n;
let increment = 0n;

export function nextSnowflake(at: number = Date.now()): string {
  let timestamp = BigInt(at) - DISCORD_EPOCH;
  // Uniqueness matters more than clock accuracy: borrow the next millisecond
  // once 4096 ids were minted in the current one, or if the clock went back.
  if (timestamp < lastTimestamp) timestamp = lastTimestamp;
  if (timestamp === lastTimestamp) {
    increment += 1n;
    if (increment > 0xfffn) {
      timestamp += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastTimestamp = timestamp;
  // Worker 1, process 1: arbitrary but non-zero like real ids.
  return ((timestamp << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9]{17,20}$/.test(value);
}
