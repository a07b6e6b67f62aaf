import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '@dax/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';

/**
 * This installation's Ed25519 key for configuration bundles, in the data directory
 * (`config-signing-key.pem`, mode 0600), created on first use.
 */
export function configSigningKey(io: CliIo, globals: GlobalOptions): KeyObject {
  const dataDir = globals.dataDir ?? resolveDataDir(io.env);
  const path = join(dataDir, 'config-signing-key.pem');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return createPrivateKey(readFileSync(path, 'utf8'));
}

/** The SPKI (DER, base64) of a public or private key given as PEM. */
export function publicKeyBase64(pem: string): string {
  return createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
}
