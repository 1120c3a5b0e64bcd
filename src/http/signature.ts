import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Discord signs each request to an Interactions Endpoint URL with the application's Ed25519 key:
 * `X-Signature-Ed25519` (hex) over `X-Signature-Timestamp` followed by the raw body. Discord
 * also sends requests with bad signatures on purpose and stops using an endpoint that accepts one.
 */

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex characters)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function isSignedByDiscord(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (signatureHex === undefined || timestamp === undefined || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
