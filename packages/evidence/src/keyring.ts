import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EvidenceError } from './evidence-error.js';
import { keyIdOf } from './key-id.js';

/**
 * Public keys trusted for verification, by key id. Old keys stay here after a
 * rotation so earlier evidence still verifies.
 */
export class Keyring {
  readonly #keys = new Map<string, { readonly key: KeyObject; readonly pem: string }>();

  constructor(publicKeyPems: Iterable<string> = []) {
    for (const pem of publicKeyPems) this.add(pem);
  }

  /** Adds an Ed25519 public key (SPKI PEM); returns its key id. */
  add(publicKeyPem: string): string {
    let key: KeyObject;
    try {
      key = createPublicKey(publicKeyPem);
    } catch (cause) {
      throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'A keyring entry is not a public key PEM.', { cause });
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'A keyring entry is not an Ed25519 key.');
    }
    const keyId = keyIdOf(key);
    this.#keys.set(keyId, { key, pem: key.export({ type: 'spki', format: 'pem' }).toString() });
    return keyId;
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  get keyIds(): readonly string[] {
    return [...this.#keys.keys()];
  }

  publicKeyPem(keyId: string): string | undefined {
    return this.#keys.get(keyId)?.pem;
  }

  /** Raw 32-byte Ed25519 public keys, for signed-note key ids. */
  rawPublicKeys(): readonly { keyId: string; raw: Uint8Array; key: KeyObject }[] {
    return [...this.#keys].map(([keyId, entry]) => ({ keyId, raw: rawEd25519(entry.key), key: entry.key }));
  }

  /** True only when `keyId` is known and the signature verifies over exactly `bytes`. */
  verify(keyId: string, bytes: Uint8Array, signature: Uint8Array): boolean {
    const entry = this.#keys.get(keyId);
    if (entry === undefined) return false;
    try {
      return verify(null, bytes, entry.key, signature);
    } catch {
      return false;
    }
  }
}

/** The 32-byte public key inside an Ed25519 SPKI (the last 32 bytes of the DER). */
export function rawEd25519(key: KeyObject): Uint8Array {
  const der = key.export({ type: 'spki', format: 'der' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** A keyring holding every `*.pem` public key in a directory (missing directory: empty keyring). */
export async function loadKeyring(directory: string, extra: Iterable<string> = []): Promise<Keyring> {
  const keyring = new Keyring(extra);
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return keyring;
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'The evidence keyring directory cannot be read.', { cause: error });
  }
  for (const name of names.filter((entry) => entry.endsWith('.pem')).sort()) {
    keyring.add(await readFile(join(directory, name), 'utf8'));
  }
  return keyring;
}
