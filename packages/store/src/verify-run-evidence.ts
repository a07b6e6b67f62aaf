import {
  EvidenceError,
  hashLeaf,
  inclusionProof,
  openCheckpoint,
  parseEnvelope,
  verifyEnvelope,
  verifyInclusion,
} from '@dax/evidence';
import { DaxError, type RunResult } from '@dax/protocol';
import type { KyselyEvidenceLog } from './kysely-evidence-log.js';
import { buildRunStatement, evidenceRevision, serializeStatement } from './run-evidence-statement.js';

export interface RunEnvelopeCheck {
  readonly evidenceId: string;
  readonly revision: string;
  readonly keyId: string;
  readonly signature: boolean;
  readonly leafHash: boolean;
  readonly included: boolean;
  /** Compared for the envelope of the run's current state only; earlier states are history. */
  readonly matchesStoredRun?: boolean;
  readonly problem?: string;
}

export interface RunEvidenceReport {
  readonly ok: boolean;
  readonly runId: string;
  readonly checkpointSize: number;
  readonly envelopes: readonly RunEnvelopeCheck[];
  readonly problems: readonly string[];
  /**
   * The run's texts were removed (erasure or retention): its statement was compared
   * without the text digests, which only the removed texts could reproduce.
   */
  readonly textsRemoved?: boolean;
}

/** A statement's JSON without the digests of texts (the subject digest and every `…Sha256` field). */
function withoutTextDigests(statement: Buffer): string {
  return JSON.stringify(JSON.parse(statement.toString('utf8')), (key, value: unknown) =>
    key.endsWith('Sha256') || key === 'digest' ? undefined : value,
  );
}

/**
 * Checks a run's evidence: each envelope's signature against the trusted keys, its
 * leaf hash, its inclusion in the latest signed checkpoint, and that the statement
 * of the run's current state is exactly the one rebuilt from the stored run.
 */
export async function verifyRunEvidence(
  log: KyselyEvidenceLog,
  run: { readonly result: RunResult; readonly tenant: string; readonly inputHash: string; readonly textsRemoved?: boolean },
): Promise<RunEvidenceReport> {
  const runId = run.result.runId;
  const leaves = await log.runLeaves(runId, run.tenant);
  const stored = await log.latestCheckpoint();
  if (leaves.length === 0 || stored === undefined) throw new DaxError('DAX_E_EVIDENCE_NOT_FOUND');
  const problems: string[] = [];
  let checkpointRoot: Buffer | undefined;
  try {
    checkpointRoot = openCheckpoint(stored.note, log.settings.keyring, log.settings.origin).rootHash;
  } catch (error) {
    problems.push(`latest checkpoint: ${EvidenceError.isInstance(error) ? error.message : 'unreadable'}`);
  }
  const hashes = await log.leafHashes(stored.treeSize);
  const currentRevision = evidenceRevision(run.result);
  const expected = serializeStatement(buildRunStatement(run.result, { tenant: run.tenant, inputHash: run.inputHash }));
  const envelopes: RunEnvelopeCheck[] = [];
  for (const leaf of leaves) {
    let signature = false;
    let payload: Buffer | undefined;
    let problem: string | undefined;
    try {
      payload = verifyEnvelope(parseEnvelope(leaf.envelopeJson), log.settings.keyring).payload;
      signature = true;
    } catch (error) {
      problem = EvidenceError.isInstance(error) ? error.message : 'envelope unreadable';
    }
    const leafHash = hashLeaf(Buffer.from(leaf.envelopeJson, 'utf8'));
    const leafHashOk = leafHash.toString('hex') === leaf.leafHash;
    const included =
      checkpointRoot !== undefined &&
      leaf.leafIndex < stored.treeSize &&
      verifyInclusion(leafHash, leaf.leafIndex, stored.treeSize, inclusionProof(hashes, leaf.leafIndex, stored.treeSize), checkpointRoot);
    const matches =
      leaf.revision !== currentRevision
        ? undefined
        : payload !== undefined && (run.textsRemoved === true ? withoutTextDigests(payload) === withoutTextDigests(expected) : payload.equals(expected));
    envelopes.push({
      evidenceId: leaf.evidenceId,
      revision: leaf.revision,
      keyId: leaf.keyId,
      signature,
      leafHash: leafHashOk,
      included,
      ...(matches === undefined ? {} : { matchesStoredRun: matches }),
      ...(problem === undefined ? {} : { problem }),
    });
    if (!signature) problems.push(`${leaf.evidenceId}: ${problem ?? 'signature does not verify'}`);
    if (!leafHashOk) problems.push(`${leaf.evidenceId}: stored leaf hash does not match the envelope`);
    if (!included) problems.push(`${leaf.evidenceId}: not included in the latest checkpoint`);
    if (matches === false) problems.push(`${leaf.evidenceId}: statement does not match the stored run`);
  }
  if (!envelopes.some((envelope) => envelope.matchesStoredRun === true)) {
    if (!problems.some((entry) => entry.includes('statement does not match'))) problems.push(`no envelope attests the run's current state (${currentRevision})`);
  }
  return {
    ok: problems.length === 0,
    runId,
    checkpointSize: stored.treeSize,
    envelopes,
    problems,
    ...(run.textsRemoved === true ? { textsRemoved: true } : {}),
  };
}
