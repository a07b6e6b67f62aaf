import { parseEnvelope, preAuthEncoding } from '@dax/evidence';
import { DaxError } from '@dax/protocol';
import type { EvidenceInclusionProof, EvidenceLeafRecord, KyselyEvidenceLog, StoredCheckpoint } from './kysely-evidence-log.js';

/** Everything a third party needs to check one run's latest evidence offline. */
export interface RunEvidenceBundle {
  readonly runId: string;
  readonly evidenceId: string;
  readonly revision: string;
  /** The in-toto statement (the envelope's payload, parsed). */
  readonly statement: unknown;
  /** The DSSE envelope exactly as logged. */
  readonly envelopeJson: string;
  /** The DSSE PAE: the bytes the signature covers. */
  readonly pae: Buffer;
  readonly signature: Buffer;
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly inclusionProof: EvidenceInclusionProof;
  readonly checkpoint: StoredCheckpoint;
}

/**
 * The bundle for a run's latest envelope, proved against the latest checkpoint.
 * `DAX_E_EVIDENCE_NOT_FOUND` when the run has none (or belongs to another tenant).
 */
export async function runEvidenceBundle(log: KyselyEvidenceLog, runId: string, tenant?: string): Promise<RunEvidenceBundle> {
  const leaves = await log.runLeaves(runId, tenant);
  const leaf: EvidenceLeafRecord | undefined = leaves.at(-1);
  const checkpoint = await log.latestCheckpoint();
  if (leaf === undefined || checkpoint === undefined || checkpoint.treeSize <= leaf.leafIndex) {
    throw new DaxError('DAX_E_EVIDENCE_NOT_FOUND');
  }
  const envelope = parseEnvelope(leaf.envelopeJson);
  const signature = envelope.signatures.find((entry) => entry.keyid === leaf.keyId) ?? envelope.signatures[0];
  const publicKeyPem = log.settings.keyring.publicKeyPem(leaf.keyId);
  if (signature === undefined || publicKeyPem === undefined) {
    throw new DaxError('DAX_E_EVIDENCE_INVALID', { detail: 'The envelope was signed by a key this store does not know.' });
  }
  const payload = Buffer.from(envelope.payload, 'base64');
  return {
    runId,
    evidenceId: leaf.evidenceId,
    revision: leaf.revision,
    statement: JSON.parse(payload.toString('utf8')) as unknown,
    envelopeJson: leaf.envelopeJson,
    pae: preAuthEncoding(envelope.payloadType, payload),
    signature: Buffer.from(signature.sig, 'base64'),
    keyId: leaf.keyId,
    publicKeyPem,
    inclusionProof: await log.inclusionProof(leaf, checkpoint.treeSize, checkpoint.rootHash),
    checkpoint,
  };
}
