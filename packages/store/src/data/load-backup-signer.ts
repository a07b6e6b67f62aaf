import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import type { BackupSigner } from './backup-signer.js';

export const backupSigningKeyFileName = 'backup-signing-key.pem';

/** Key id of an Ed25519 public key: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function backupKeyIdOf(publicKey: KeyObject): string {
  return `ed25519:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16)}`;
}

/** A BackupSigner over an Ed25519 private key held in this process. */
export function createBackupSigner(privateKey: KeyObject): BackupSigner {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: backupKeyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data) => Promise.resolve(new Uint8Array(sign(null, data, privateKey))),
  };
}

/**
 * The data directory's backup signing key (`backup-signing-key.pem`, Ed25519,
 * PKCS#8, mode 0600), generated on first use.
 */
export function loadBackupSigner(dataDir: string): BackupSigner {
  const path = join(dataDir, backupSigningKeyFileName);
  try {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: `${path} cannot be created.`, cause });
    }
  }
  try {
    chmodSync(path, 0o600);
    return createBackupSigner(createPrivateKey(readFileSync(path)));
  } catch (cause) {
    throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: `${path} is not a usable Ed25519 private key.`, cause });
  }
}
