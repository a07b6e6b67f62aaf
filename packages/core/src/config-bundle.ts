import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { DaxError } from '@dax/protocol';
import { canonicalJson } from './canonical-json.js';
import type { ConfigKind, ConfigVersion, MigrationNote } from './config-version.js';
import { configVersionId } from './create-config-governance.js';

/** A version carried between installations: content, note and provenance, signed with Ed25519. */
export interface ConfigBundle {
  readonly format: 'dax-config-bundle/1';
  readonly version: {
    readonly id: string;
    readonly kind: ConfigKind;
    readonly domain: string;
    readonly content: unknown;
    readonly note: MigrationNote;
    readonly proposedBy: string;
    readonly proposedAt: string;
    readonly status: string;
    readonly approvals: ConfigVersion['approvals'];
  };
  readonly signature: {
    readonly algorithm: 'Ed25519';
    /** The signer's public key, SPKI DER in base64. */
    readonly publicKey: string;
    /** Signature over the canonical JSON of `version`, base64. */
    readonly value: string;
  };
}

/** Signs a version into a bundle with an Ed25519 private key (PEM or KeyObject). */
export function signConfigBundle(version: ConfigVersion, privateKey: KeyObject | string): ConfigBundle {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const payload = {
    id: version.id,
    kind: version.kind,
    domain: version.domain,
    content: version.content,
    note: version.note,
    proposedBy: version.proposedBy,
    proposedAt: version.proposedAt,
    status: version.status,
    approvals: version.approvals,
  };
  const value = sign(null, Buffer.from(canonicalJson(payload)), key).toString('base64');
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
  return { format: 'dax-config-bundle/1', version: payload, signature: { algorithm: 'Ed25519', publicKey, value } };
}

function invalid(detail: string, cause?: unknown): DaxError {
  return new DaxError('DAX_E_CONFIG_BUNDLE_INVALID', { detail, cause });
}

/**
 * Checks a bundle: its shape, that the content hashes to the id, that the signature
 * verifies, and that the signing key is one of the trusted public keys (SPKI base64).
 * Returns the signed version fields.
 */
export function verifyConfigBundle(raw: unknown, trustedPublicKeys: readonly string[]): ConfigBundle['version'] {
  const bundle = raw as Partial<ConfigBundle> | null;
  const version = bundle?.version;
  const signature = bundle?.signature;
  if (bundle?.format !== 'dax-config-bundle/1' || version === undefined || signature?.algorithm !== 'Ed25519') throw invalid('Not a dax-config-bundle/1 document.');
  if (typeof version.id !== 'string' || (version.kind !== 'layers' && version.kind !== 'models') || typeof version.domain !== 'string') throw invalid('The version fields are malformed.');
  if (configVersionId(version.content) !== version.id) throw invalid('The content does not hash to the version id.');
  if (!trustedPublicKeys.includes(signature.publicKey)) throw invalid('The bundle is signed by a key that is not trusted here.');
  let verified = false;
  try {
    const key = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
    verified = verify(null, Buffer.from(canonicalJson(version)), key, Buffer.from(signature.value, 'base64'));
  } catch (error) {
    throw invalid('The signature cannot be checked.', error);
  }
  if (!verified) throw invalid('The signature does not verify.');
  return version;
}
