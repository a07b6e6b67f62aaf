import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** Key id of a public key: hex SHA-256 of its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
