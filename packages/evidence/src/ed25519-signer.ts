import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { EvidenceError } from './evidence-error.js';
import { keyIdOf } from './key-id.js';
import type { Signer } from './signer.js';

function privateKeyFrom(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (cause) {
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'The evidence signing key is not a readable private key PEM.', { cause });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'The evidence signing key must be an Ed25519 key.');
  }
  return key;
}

/** A signer over an Ed25519 private key held in this process (PKCS#8 PEM). */
export function ed25519Signer(privateKeyPem: string): Signer {
  const privateKey = privateKeyFrom(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem,
    algorithm: 'ed25519',
    sign(bytes) {
      try {
        return Promise.resolve(new Uint8Array(sign(null, bytes, privateKey)));
      } catch (cause) {
        return Promise.reject(new EvidenceError('DAX_E_EVIDENCE_SIGNING_FAILED', 'Ed25519 signing failed.', { cause }));
      }
    },
  };
}

/** A new Ed25519 private key as a PKCS#8 PEM. */
export function generateEd25519PrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
