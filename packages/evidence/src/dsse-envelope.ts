import { EvidenceError } from './evidence-error.js';
import type { Keyring } from './keyring.js';
import type { Signer } from './signer.js';

/** DSSE payload type of an in-toto statement. */
export const inTotoPayloadType = 'application/vnd.in-toto+json';

export interface DsseSignature {
  readonly keyid: string;
  /** Base64 of the raw signature over the PAE bytes. */
  readonly sig: string;
}

/** A DSSE envelope (https://github.com/secure-systems-lab/dsse, protocol v1). */
export interface DsseEnvelope {
  /** Base64 of the serialised payload. */
  readonly payload: string;
  readonly payloadType: string;
  readonly signatures: readonly DsseSignature[];
}

/**
 * DSSE pre-authentication encoding, the bytes that are signed:
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, LEN being the byte length in
 * ASCII decimal.
 */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const header = Buffer.from(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `, 'utf8');
  return Buffer.concat([header, payload]);
}

/** Signs `payload` into an envelope with one signature. */
export async function signEnvelope(signer: Signer, payloadType: string, payload: Uint8Array): Promise<DsseEnvelope> {
  let signature: Uint8Array;
  try {
    signature = await signer.sign(preAuthEncoding(payloadType, payload));
  } catch (cause) {
    throw new EvidenceError('DAX_E_EVIDENCE_SIGNING_FAILED', 'The evidence envelope could not be signed.', { cause });
  }
  if (signature.length === 0) {
    throw new EvidenceError('DAX_E_EVIDENCE_SIGNING_FAILED', 'The signer returned an empty signature.');
  }
  return {
    payload: Buffer.from(payload).toString('base64'),
    payloadType,
    signatures: [{ keyid: signer.keyId, sig: Buffer.from(signature).toString('base64') }],
  };
}

/** The envelope as stored and as hashed into the log: fixed key order, no whitespace. */
export function serializeEnvelope(envelope: DsseEnvelope): string {
  return JSON.stringify({
    payload: envelope.payload,
    payloadType: envelope.payloadType,
    signatures: envelope.signatures.map((signature) => ({ keyid: signature.keyid, sig: signature.sig })),
  });
}

/** Parses a stored or exported envelope; `DAX_E_EVIDENCE_INVALID` if it is not one. */
export function parseEnvelope(text: string): DsseEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The envelope is not JSON.', { cause });
  }
  const candidate = value as Partial<DsseEnvelope> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.payload !== 'string' ||
    typeof candidate.payloadType !== 'string' ||
    !Array.isArray(candidate.signatures) ||
    !candidate.signatures.every(
      (signature: Partial<DsseSignature> | null) =>
        signature !== null && typeof signature.keyid === 'string' && typeof signature.sig === 'string',
    )
  ) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The envelope does not have the DSSE shape.');
  }
  return { payload: candidate.payload, payloadType: candidate.payloadType, signatures: candidate.signatures };
}

export interface VerifiedEnvelope {
  readonly payload: Buffer;
  readonly payloadType: string;
  readonly keyId: string;
}

/**
 * Verifies an envelope against trusted keys: at least one signature by a known key
 * must verify over the PAE, and no signature by a known key may fail.
 */
export function verifyEnvelope(envelope: DsseEnvelope, keyring: Keyring): VerifiedEnvelope {
  const payload = Buffer.from(envelope.payload, 'base64');
  if (payload.toString('base64') !== envelope.payload) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The envelope payload is not canonical base64.');
  }
  const signed = preAuthEncoding(envelope.payloadType, payload);
  let verifiedBy: string | undefined;
  for (const signature of envelope.signatures) {
    if (!keyring.has(signature.keyid)) continue;
    if (!keyring.verify(signature.keyid, signed, Buffer.from(signature.sig, 'base64'))) {
      throw new EvidenceError('DAX_E_EVIDENCE_INVALID', `The envelope signature by key ${signature.keyid} does not verify.`);
    }
    verifiedBy ??= signature.keyid;
  }
  if (verifiedBy === undefined) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The envelope carries no signature by a trusted key.');
  }
  return { payload, payloadType: envelope.payloadType, keyId: verifiedBy };
}
