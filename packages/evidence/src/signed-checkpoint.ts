import { createHash, createPublicKey } from 'node:crypto';
import { EvidenceError } from './evidence-error.js';
import { rawEd25519, type Keyring } from './keyring.js';
import type { Signer } from './signer.js';

/** A tree head: which log (origin), how many leaves, and their RFC 6962 root. */
export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Buffer;
}

const emDash = '\u2014';

function assertKeyName(name: string): void {
  if (name === '' || /[\s+]/u.test(name)) {
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'A signed-note key name must be non-empty, without spaces or "+".');
  }
}

/** The checkpoint's note text (C2SP tlog-checkpoint): origin, size, base64 root, each ending in a newline. */
export function checkpointBody(checkpoint: Checkpoint): string {
  if (checkpoint.origin === '' || checkpoint.origin.includes('\n')) {
    throw new RangeError('A checkpoint origin must be one non-empty line.');
  }
  return `${checkpoint.origin}\n${checkpoint.treeSize}\n${checkpoint.rootHash.toString('base64')}\n`;
}

/** C2SP signed-note Ed25519 key id: SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4]. */
export function noteKeyHash(name: string, rawPublicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Buffer.of(0x0a, 0x01))
    .update(rawPublicKey)
    .digest()
    .subarray(0, 4);
}

/** Signs checkpoints with one key under one name; the note key id is computed once. */
export interface CheckpointSigner {
  sign(checkpoint: Checkpoint): Promise<string>;
}

/** A checkpoint signer writing C2SP signed notes: text, a blank line, `— <name> base64(keyhash || signature)`. */
export function createCheckpointSigner(signer: Signer, keyName: string): CheckpointSigner {
  assertKeyName(keyName);
  const keyHash = noteKeyHash(keyName, rawEd25519(createPublicKey(signer.publicKeyPem)));
  return {
    async sign(checkpoint) {
      const body = checkpointBody(checkpoint);
      let signature: Uint8Array;
      try {
        signature = await signer.sign(Buffer.from(body, 'utf8'));
      } catch (cause) {
        throw new EvidenceError('DAX_E_EVIDENCE_SIGNING_FAILED', 'The checkpoint could not be signed.', { cause });
      }
      const encoded = Buffer.concat([keyHash, signature]).toString('base64');
      return `${body}\n${emDash} ${keyName} ${encoded}\n`;
    },
  };
}

/** Signs one checkpoint as a C2SP signed note. */
export function signCheckpoint(checkpoint: Checkpoint, signer: Signer, keyName: string): Promise<string> {
  return createCheckpointSigner(signer, keyName).sign(checkpoint);
}

/** Parses the checkpoint body lines; `DAX_E_EVIDENCE_INVALID` when malformed. */
function parseBody(body: string): Checkpoint {
  const lines = body.split('\n');
  const [origin, size, root] = lines;
  if (lines.length < 4 || lines.at(-1) !== '' || origin === undefined || origin === '' || size === undefined || root === undefined) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The checkpoint body is malformed.');
  }
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The checkpoint tree size is malformed.');
  }
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The checkpoint root hash is malformed.');
  }
  return { origin, treeSize: Number(size), rootHash };
}

/**
 * Verifies a signed checkpoint note against trusted keys named `keyName`: signatures
 * by unknown keys are ignored, one by a known key that fails rejects the note, and
 * at least one must verify. Returns the checkpoint it states.
 */
export function openCheckpoint(note: string, keyring: Keyring, keyName: string): Checkpoint {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The checkpoint is not a signed note.');
  }
  const body = note.slice(0, split + 1);
  const signatureLines = note.slice(split + 2, -1).split('\n');
  const known = keyring.rawPublicKeys().map((entry) => ({ ...entry, hash: noteKeyHash(keyName, entry.raw) }));
  let verified = false;
  for (const line of signatureLines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (match === null) throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'A checkpoint signature line is malformed.');
    if (match[1] !== keyName) continue;
    const bytes = Buffer.from(match[2]!, 'base64');
    if (bytes.length < 5) throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'A checkpoint signature is too short.');
    const key = known.find((entry) => entry.hash.equals(bytes.subarray(0, 4)));
    if (key === undefined) continue;
    if (!keyring.verify(key.keyId, Buffer.from(body, 'utf8'), bytes.subarray(4))) {
      throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'A checkpoint signature by a trusted key does not verify.');
    }
    verified = true;
  }
  if (!verified) throw new EvidenceError('DAX_E_EVIDENCE_INVALID', 'The checkpoint carries no signature by a trusted key.');
  return parseBody(body);
}
