import { describe, expect, it } from 'vitest';
import { isSignedByDiscord, publicKeyFromHex } from '../../src/http/signature.ts';
import { createSigner } from '../e2e/support/signed-requests.ts';

describe('isSignedByDiscord', () => {
  const signer = createSigner();
  const key = publicKeyFromHex(signer.publicKeyHex);
  const body = '{"type":1}';
  const headers = signer.headers(body, '1700000000');
  const signature = headers['x-signature-ed25519'];

  it('accepts the signature of the timestamp followed by the raw body', () => {
    expect(isSignedByDiscord(key, signature, '1700000000', Buffer.from(body))).toBe(true);
  });

  it('refuses a changed body, a changed timestamp, another key, or no signature at all', () => {
    expect(isSignedByDiscord(key, signature, '1700000000', Buffer.from('{"type":2}'))).toBe(false);
    expect(isSignedByDiscord(key, signature, '1700000001', Buffer.from(body))).toBe(false);
    expect(isSignedByDiscord(publicKeyFromHex(createSigner().publicKeyHex), signature, '1700000000', Buffer.from(body))).toBe(false);
    expect(isSignedByDiscord(key, undefined, '1700000000', Buffer.from(body))).toBe(false);
    expect(isSignedByDiscord(key, signature, undefined, Buffer.from(body))).toBe(false);
  });

  it('refuses a signature that is not 64 bytes of hex without throwing', () => {
    expect(isSignedByDiscord(key, 'zz', '1', Buffer.from(body))).toBe(false);
    expect(isSignedByDiscord(key, signature!.slice(2), '1700000000', Buffer.from(body))).toBe(false);
  });

  it('takes a public key only as 32 bytes of hex', () => {
    expect(() => publicKeyFromHex('abcd')).toThrow(/32 bytes/);
  });
});
