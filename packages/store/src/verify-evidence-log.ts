import {
  EvidenceError,
  hashLeaf,
  MerkleFrontier,
  openCheckpoint,
  parseEnvelope,
  verifyConsistency,
  verifyEnvelope,
  consistencyProof,
  type Checkpoint,
} from '@dax/evidence';
import type { KyselyEvidenceLog } from './kysely-evidence-log.js';

/** One thing wrong with the log, naming the run it concerns. */
export interface EvidenceLogProblem {
  readonly runId?: string;
  readonly leafIndex?: number;
  readonly treeSize?: number;
  readonly message: string;
}

export interface EvidenceLogReport {
  readonly ok: boolean;
  readonly treeSize: number;
  readonly checkpointsChecked: number;
  readonly consistencyProofsChecked: number;
  /** Base64 root of the recomputed tree. */
  readonly rootHash: string;
  readonly problems: readonly EvidenceLogProblem[];
}

function messageOf(error: unknown): string {
  return EvidenceError.isInstance(error) || error instanceof Error ? error.message : 'unknown failure';
}

/**
 * Recomputes the whole log from the stored envelopes: every leaf hash, every
 * envelope signature and statement subject, every checkpoint's signature and root,
 * the head, and consistency proofs from earlier checkpoints to the latest one.
 * Each problem names the run whose envelope, leaf or checkpoint fails.
 */
export async function verifyEvidenceLog(
  log: KyselyEvidenceLog,
  options: { readonly knownCheckpoint?: string } = {},
): Promise<EvidenceLogReport> {
  const { keyring, origin } = log.settings;
  const problems: EvidenceLogProblem[] = [];
  const leaves = await log.leaves();
  const runAt: string[] = [];
  const recomputed: Buffer[] = [];
  const frontier = new MerkleFrontier();
  const rootAt = new Map<number, Buffer>();
  for (const [position, leaf] of leaves.entries()) {
    runAt.push(leaf.runId);
    if (leaf.leafIndex !== position) {
      problems.push({ runId: leaf.runId, leafIndex: leaf.leafIndex, message: `leaf index ${leaf.leafIndex} found where ${position} was expected` });
    }
    const hash = hashLeaf(Buffer.from(leaf.envelopeJson, 'utf8'));
    recomputed.push(hash);
    frontier.append(hash);
    rootAt.set(frontier.size, frontier.root());
    if (hash.toString('hex') !== leaf.leafHash) {
      problems.push({ runId: leaf.runId, leafIndex: leaf.leafIndex, message: 'stored leaf hash does not match its envelope' });
    }
    try {
      const verified = verifyEnvelope(parseEnvelope(leaf.envelopeJson), keyring);
      const statement = JSON.parse(verified.payload.toString('utf8')) as { subject?: { name?: string }[]; predicate?: { runId?: string } };
      if (statement.predicate?.runId !== leaf.runId || statement.subject?.[0]?.name !== `dax-run:${leaf.runId}`) {
        problems.push({ runId: leaf.runId, leafIndex: leaf.leafIndex, message: 'envelope attests another run' });
      }
    } catch (error) {
      problems.push({ runId: leaf.runId, leafIndex: leaf.leafIndex, message: `envelope: ${messageOf(error)}` });
    }
  }

  // A root that disagrees is blamed on the earliest leaf below it that failed on its own, else on the run whose append made it.
  const faulty = problems.map((problem) => problem.leafIndex ?? 0).sort((a, b) => a - b);
  const blame = (treeSize: number): string | undefined => {
    const first = faulty.find((index) => index < treeSize);
    return runAt[first ?? treeSize - 1];
  };

  const verifiedCheckpoints: Checkpoint[] = [];
  const stored = await log.checkpoints();
  for (const row of stored) {
    const problem = (message: string, runId = blame(row.treeSize)): void => {
      problems.push({ ...(runId === undefined ? {} : { runId }), treeSize: row.treeSize, message: `checkpoint ${row.treeSize}: ${message}` });
    };
    let checkpoint: Checkpoint;
    try {
      checkpoint = openCheckpoint(row.note, keyring, origin);
    } catch (error) {
      problem(messageOf(error), runAt[row.treeSize - 1]);
      continue;
    }
    const expected = rootAt.get(checkpoint.treeSize);
    if (checkpoint.origin !== origin) problem(`origin "${checkpoint.origin}" is not this log's`);
    else if (checkpoint.treeSize !== row.treeSize || checkpoint.rootHash.toString('base64') !== row.rootHash) problem('note and row disagree');
    else if (expected === undefined) problem('covers leaves the log does not hold');
    else if (!expected.equals(checkpoint.rootHash)) problem('root does not match the recomputed tree');
    else verifiedCheckpoints.push(checkpoint);
  }

  const head = await log.head();
  if (head.treeSize !== leaves.length || !head.rootHash.equals(frontier.root())) {
    const runId = blame(leaves.length);
    problems.push({ ...(runId === undefined ? {} : { runId }), treeSize: head.treeSize, message: 'log head does not match the recomputed tree' });
  }

  // Consistency from earlier checkpoints (the previous one and every power-of-two size) to the latest.
  let consistencyProofsChecked = 0;
  const latest = verifiedCheckpoints.at(-1);
  if (latest !== undefined) {
    const earlier = verifiedCheckpoints.filter(
      (checkpoint, index) =>
        checkpoint.treeSize < latest.treeSize &&
        (index === verifiedCheckpoints.length - 2 || (checkpoint.treeSize & (checkpoint.treeSize - 1)) === 0),
    );
    for (const checkpoint of earlier) {
      const proof = consistencyProof(recomputed, checkpoint.treeSize, latest.treeSize);
      consistencyProofsChecked += 1;
      if (!verifyConsistency(checkpoint.treeSize, latest.treeSize, checkpoint.rootHash, latest.rootHash, proof)) {
        problems.push({ runId: runAt[checkpoint.treeSize - 1]!, treeSize: checkpoint.treeSize, message: `checkpoint ${checkpoint.treeSize} is not consistent with checkpoint ${latest.treeSize}` });
      }
    }
  }

  // A checkpoint the verifier kept from earlier (e.g. an auditor's copy) must be a prefix of today's log.
  if (options.knownCheckpoint !== undefined) {
    try {
      const known = openCheckpoint(options.knownCheckpoint, keyring, origin);
      const now = rootAt.get(known.treeSize);
      if (known.origin !== origin || now === undefined || !now.equals(known.rootHash)) {
        const culprit = now === undefined ? undefined : blame(known.treeSize);
        problems.push({
          ...(culprit === undefined ? {} : { runId: culprit }),
          treeSize: known.treeSize,
          message: `the kept checkpoint ${known.treeSize} is not a prefix of this log: it was rewritten or truncated`,
        });
      } else if (known.treeSize < frontier.size) {
        consistencyProofsChecked += 1;
        const proof = consistencyProof(recomputed, known.treeSize, frontier.size);
        if (!verifyConsistency(known.treeSize, frontier.size, known.rootHash, frontier.root(), proof)) {
          problems.push({ treeSize: known.treeSize, message: `the kept checkpoint ${known.treeSize} is not consistent with the log` });
        }
      }
    } catch (error) {
      problems.push({ message: `kept checkpoint: ${messageOf(error)}` });
    }
  }

  return {
    ok: problems.length === 0,
    treeSize: leaves.length,
    checkpointsChecked: stored.length,
    consistencyProofsChecked,
    rootHash: frontier.root().toString('base64'),
    problems,
  };
}
