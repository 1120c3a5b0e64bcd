import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** Signs requests the way Discord does for an Interactions Endpoint URL (Ed25519). */
export interface DiscordSigner {
  /** The public key in hex, as the Developer Portal shows it. */
  readonly publicKeyHex: string;
  headers(body: string, timestamp?: string): Record<string, string>;
}

export function createSigner(): DiscordSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
  return {
    publicKeyHex: raw.toString('hex'),
    headers(body, timestamp = String(Math.floor(Date.now() / 1000))) {
      return {
        'content-type': 'application/json',
        'x-signature-timestamp': timestamp,
        'x-signature-ed25519': signHex(privateKey, timestamp + body),
      };
    },
  };
}

function signHex(key: KeyObject, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), key).toString('hex');
}
