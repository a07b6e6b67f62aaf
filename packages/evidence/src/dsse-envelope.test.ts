import { describe, expect, it } from 'vitest';
import { ed25519Signer, generateEd25519PrivateKeyPem } from './ed25519-signer.js';
import { inTotoPayloadType, parseEnvelope, preAuthEncoding, serializeEnvelope, signEnvelope, verifyEnvelope } from './dsse-envelope.js';
import { EvidenceError } from './evidence-error.js';
import { Keyring } from './keyring.js';
import type { Signer } from './signer.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return EvidenceError.isInstance(error) ? error.code : 'other';
  }
}

describe('DSSE', () => {
  it('encodes PAE exactly as the DSSE v1 specification example', () => {
    expect(preAuthEncoding('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
    expect(preAuthEncoding('t', Buffer.from('é')).toString()).toBe('DSSEv1 1 t 2 é');
  });

  it('signs and verifies an envelope; tampering with payload, type or signature fails', async () => {
    const signer = ed25519Signer(generateEd25519PrivateKeyPem());
    const keyring = new Keyring([signer.publicKeyPem]);
    const envelope = await signEnvelope(signer, inTotoPayloadType, Buffer.from('{"a":1}'));
    const roundTrip = parseEnvelope(serializeEnvelope(envelope));
    expect(verifyEnvelope(roundTrip, keyring).payload.toString()).toBe('{"a":1}');
    expect(codeOf(() => verifyEnvelope({ ...envelope, payload: Buffer.from('{"a":2}').toString('base64') }, keyring))).toBe('DAX_E_EVIDENCE_INVALID');
    expect(codeOf(() => verifyEnvelope({ ...envelope, payloadType: 'text/plain' }, keyring))).toBe('DAX_E_EVIDENCE_INVALID');
    const otherKeyring = new Keyring([ed25519Signer(generateEd25519PrivateKeyPem()).publicKeyPem]);
    expect(codeOf(() => verifyEnvelope(envelope, otherKeyring))).toBe('DAX_E_EVIDENCE_INVALID');
    expect(codeOf(() => parseEnvelope('{"payload":1}'))).toBe('DAX_E_EVIDENCE_INVALID');
  });

  it('turns a failing signer into DAX_E_EVIDENCE_SIGNING_FAILED', async () => {
    const broken: Signer = { keyId: 'k', publicKeyPem: '', algorithm: 'ed25519', sign: () => Promise.reject(new Error('hsm offline')) };
    await expect(signEnvelope(broken, inTotoPayloadType, Buffer.from('x'))).rejects.toMatchObject({ code: 'DAX_E_EVIDENCE_SIGNING_FAILED' });
  });
});
