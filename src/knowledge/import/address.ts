import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses an imported page may come from: public unicast only. A moderator's link
 * must not reach the bot's own machine, its network or its cloud's metadata service, so every
 * address a host resolves to is classified here before the bot connects to it. Pure.
 */

export type AddressKind =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared (CGNAT)'
  | 'multicast'
  | 'unspecified'
  | 'documentation'
  | 'reserved';

interface Range {
  readonly base: bigint;
  readonly bits: number;
  readonly kind: AddressKind;
}

function v4ToBigInt(address: string): bigint {
  return address.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

/** Expands `::` and a trailing dotted IPv4 part; `address` is a valid IPv6 literal. */
function v6ToBigInt(address: string): bigint {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted !== null) {
    const v4 = v4ToBigInt(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

const v4 = (cidr: string, kind: AddressKind): Range => {
  const [base, bits] = cidr.split('/');
  return { base: v4ToBigInt(base!), bits: Number(bits), kind };
};
const v6 = (cidr: string, kind: AddressKind): Range => {
  const [base, bits] = cidr.split('/');
  return { base: v6ToBigInt(base!), bits: Number(bits), kind };
};

/** IANA's special-purpose IPv4 registry, less what is globally reachable. */
const V4_RANGES: readonly Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared (CGNAT)'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

/** IPv6 outside these is judged by the IPv4 address it carries (mapped, NAT64, 6to4) or is public unicast. */
const V6_RANGES: readonly Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('64:ff9b:1::/48', 'private'),
  v6('100::/64', 'reserved'),
  v6('2001:db8::/32', 'documentation'),
  v6('2001::/23', 'reserved'),
  v6('fc00::/7', 'private'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'),
  v6('ff00::/8', 'multicast'),
];

function within(value: bigint, width: number, range: Range): boolean {
  const shift = BigInt(width - range.bits);
  return value >> shift === range.base >> shift;
}

function v4Kind(value: bigint): AddressKind | undefined {
  return V4_RANGES.find((r) => within(value, 32, r))?.kind;
}

/** The IPv4 address an IPv6 address stands for, where it is a way of writing one. */
function embeddedV4(value: bigint): bigint | undefined {
  if (value >> 32n === 0xffffn) return value & 0xffffffffn; // ::ffff:a.b.c.d, IPv4-mapped
  if (value >> 32n === 0n) return value & 0xffffffffn; // ::a.b.c.d, the deprecated IPv4-compatible form
  if (value >> 32n === v6ToBigInt('64:ff9b::') >> 32n) return value & 0xffffffffn; // NAT64
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 6to4
  return undefined;
}

/**
 * Undefined for a public unicast address; otherwise what kind of address it is. Anything that
 * is not an IP address at all is `reserved`, so a surprise from a resolver is never let through.
 */
export function addressKind(address: string): AddressKind | undefined {
  if (isIPv4(address)) return v4Kind(v4ToBigInt(address));
  if (!isIPv6(address)) return 'reserved';
  const value = v6ToBigInt(address);
  const special = V6_RANGES.find((r) => within(value, 128, r))?.kind;
  if (special !== undefined) return special;
  const carried = embeddedV4(value);
  if (carried !== undefined) return v4Kind(carried) ?? (value >> 32n === 0n ? 'reserved' : undefined);
  // Only 2000::/3 is handed out as global unicast.
  return value >> 125n === 1n ? undefined : 'reserved';
}

/** "a private address", "an unspecified address". */
export function describeKind(kind: AddressKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} address`;
}
