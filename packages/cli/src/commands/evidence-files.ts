import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  hashLeaf,
  Keyring,
  openCheckpoint,
  parseEnvelope,
  preAuthEncoding,
  verifyEnvelope,
  verifyInclusion,
} from '@dax/evidence';
import { DaxError } from '@dax/protocol';

/** What `dax evidence export` writes, from the local store or a gateway's auditor API. */
export interface EvidenceExport {
  readonly runId: string;
  /** The DSSE envelope exactly as hashed into the log. */
  readonly envelopeJson: string;
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly inclusionProof: {
    readonly leafIndex: number;
    readonly treeSize: number;
    readonly leafHash: string;
    readonly hashes: readonly string[];
    readonly rootHash: string;
  };
  /** The checkpoint the proof leads to, as a signed note. */
  readonly checkpointNote: string;
  /** The log's origin, which is also the checkpoint's key name. */
  readonly origin: string;
}

/** The files of an export, keyed by file name; checked before anything is written. */
export function evidenceFiles(bundle: EvidenceExport): Record<string, Buffer | string> {
  const envelope = parseEnvelope(bundle.envelopeJson);
  const keyring = new Keyring([bundle.publicKeyPem]);
  const verified = verifyEnvelope(envelope, keyring);
  const signature = envelope.signatures.find((entry) => entry.keyid === verified.keyId)!;
  const checkpoint = openCheckpoint(bundle.checkpointNote, keyring, bundle.origin);
  const proof = bundle.inclusionProof;
  const leafHash = hashLeaf(Buffer.from(bundle.envelopeJson, 'utf8'));
  const included =
    leafHash.toString('hex') === proof.leafHash &&
    checkpoint.treeSize === proof.treeSize &&
    checkpoint.rootHash.toString('hex') === proof.rootHash &&
    verifyInclusion(leafHash, proof.leafIndex, proof.treeSize, proof.hashes.map((hash) => Buffer.from(hash, 'hex')), checkpoint.rootHash);
  if (!included) {
    throw new DaxError('DAX_E_EVIDENCE_INVALID', { detail: `The inclusion proof of run ${bundle.runId} does not lead to the checkpoint.` });
  }
  return {
    'statement.json': verified.payload,
    'envelope.json': bundle.envelopeJson,
    'pae.bin': preAuthEncoding(verified.payloadType, verified.payload),
    'signature.bin': Buffer.from(signature.sig, 'base64'),
    'public-key.pem': bundle.publicKeyPem,
    'inclusion-proof.json': `${JSON.stringify({ runId: bundle.runId, keyId: bundle.keyId, ...proof, hashes: [...proof.hashes] }, null, 2)}\n`,
    'checkpoint.txt': bundle.checkpointNote,
  };
}

/** Writes the checked files into `directory` (created when missing). */
export async function writeEvidenceFiles(directory: string, files: Record<string, Buffer | string>): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const names = Object.keys(files).sort();
  for (const name of names) await writeFile(join(directory, name), files[name]!);
  return names;
}
