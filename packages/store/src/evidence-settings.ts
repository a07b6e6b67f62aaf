import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import { storeFailure } from './store-failure.js';
import {
  EvidenceError,
  ed25519Signer,
  generateEd25519PrivateKeyPem,
  Keyring,
  keyringDirName,
  loadEvidenceSigner,
  loadKeyring,
  type Signer,
} from '@dax/evidence';

/** How a store signs and verifies its evidence log. */
export interface EvidenceSettings {
  readonly signer: Signer;
  /** Keys trusted when verifying: the signer's and every retired key kept for rotation. */
  readonly keyring: Keyring;
  /** The log's origin line, also the signed-note key name of its checkpoints. */
  readonly origin: string;
}

/** Origin (and checkpoint key name) of a store's log unless `DAX_EVIDENCE_ORIGIN` names another. */
export const defaultEvidenceOrigin = 'dax.local/evidence';

/**
 * Evidence settings from the environment and data directory: the key from
 * `DAX_EVIDENCE_KEY` / `DAX_EVIDENCE_KEY_FILE` or the embedded default key, and a
 * keyring of that key plus the retired keys in `<dataDir>/evidence/keyring`.
 */
export async function loadEvidenceSettings(source: {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly dataDir?: string;
}): Promise<EvidenceSettings> {
  const signer = await loadEvidenceSigner(source);
  const keyring =
    source.dataDir === undefined
      ? new Keyring([signer.publicKeyPem])
      : await loadKeyring(join(source.dataDir, keyringDirName), [signer.publicKeyPem]);
  const origin = source.env?.DAX_EVIDENCE_ORIGIN?.trim();
  return { signer, keyring, origin: origin === undefined || origin === '' ? defaultEvidenceOrigin : origin };
}

/**
 * Settings with a key that lives only as long as this process: for in-memory stores
 * and tests. Evidence signed with it cannot be verified after the process ends.
 */
export function ephemeralEvidenceSettings(): EvidenceSettings {
  const signer = ed25519Signer(generateEd25519PrivateKeyPem());
  return { signer, keyring: new Keyring([signer.publicKeyPem]), origin: defaultEvidenceOrigin };
}

/**
 * The settings a store opener was given, or those loaded from its environment and
 * data directory; a key problem becomes its catalogue error (the store does not open).
 */
export async function resolveEvidenceSettings(options: {
  readonly evidence?: EvidenceSettings;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly dataDir?: string;
}): Promise<EvidenceSettings> {
  if (options.evidence !== undefined) return options.evidence;
  try {
    return await loadEvidenceSettings({ env: options.env ?? process.env, ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }) });
  } catch (cause) {
    if (EvidenceError.isInstance(cause)) throw new DaxError(cause.code, { cause });
    throw storeFailure(cause);
  }
}
