import {
  consistencyProof,
  createCheckpointSigner,
  hashLeaf,
  inclusionProof,
  inTotoPayloadType,
  MerkleFrontier,
  serializeEnvelope,
  signEnvelope,
  type CheckpointSigner,
} from '@dax/evidence';
import { DaxError, type RunResult } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { EvidenceDatabase } from './evidence-database.js';
import type { EvidenceSettings } from './evidence-settings.js';
import { buildRunStatement, evidenceRevision, serializeStatement } from './run-evidence-statement.js';
import { storeFailure } from './store-failure.js';

/** One envelope of the log as stored. */
export interface EvidenceLeafRecord {
  readonly evidenceId: string;
  readonly leafIndex: number;
  readonly runId: string;
  readonly tenant: string;
  readonly revision: string;
  /** Hex RFC 6962 leaf hash, as stored (verification recomputes it from the envelope). */
  readonly leafHash: string;
  readonly keyId: string;
  readonly envelopeJson: string;
  readonly createdAt: string;
}

export interface StoredCheckpoint {
  readonly treeSize: number;
  /** Base64 root hash, as in the note. */
  readonly rootHash: string;
  /** The C2SP signed note. */
  readonly note: string;
}

/** An inclusion proof of one leaf in the tree of a checkpoint (hashes in hex). */
export interface EvidenceInclusionProof {
  readonly runId: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly hashes: readonly string[];
  readonly rootHash: string;
}

/** Evidence id of a leaf, as listed in `RunResult.evidenceIds`. */
export function evidenceIdOf(leafIndex: number): string {
  return `leaf:${leafIndex}`;
}

function toLeaf(row: EvidenceDatabase['evidence_leaves']): EvidenceLeafRecord {
  const leafIndex = Number(row.leaf_index);
  return {
    evidenceId: evidenceIdOf(leafIndex),
    leafIndex,
    runId: row.run_id,
    tenant: row.tenant,
    revision: row.revision,
    leafHash: row.leaf_hash,
    keyId: row.key_id,
    envelopeJson: row.envelope_json,
    createdAt: row.created_at,
  };
}

function toCheckpoint(row: EvidenceDatabase['evidence_checkpoints']): StoredCheckpoint {
  return { treeSize: Number(row.tree_size), rootHash: row.root_hash, note: row.note };
}

/**
 * The evidence log over the store's database: appends (inside the run's finishing
 * transaction), reads, proofs and on-demand checkpoints. Portable Kysely only.
 */
export class KyselyEvidenceLog {
  readonly #database: Kysely<EvidenceDatabase>;
  readonly #checkpointSigner: CheckpointSigner;
  readonly settings: EvidenceSettings;

  constructor(database: Kysely<EvidenceDatabase>, settings: EvidenceSettings) {
    this.#database = database;
    this.settings = settings;
    this.#checkpointSigner = createCheckpointSigner(settings.signer, settings.origin);
  }

  /**
   * Signs the run's statement and appends it as a leaf, then signs a checkpoint over
   * the new tree. Call inside the transaction that writes the result: the head row
   * is locked first (UPDATE ... RETURNING takes the row lock on Postgres, held to
   * commit, and the write lock on SQLite), so concurrent appends by any number of
   * processes are serialised and never fork the tree. A retried finish of the same run state appends nothing. Returns the run's
   * evidence ids, oldest first.
   */
  async appendRun(transaction: Kysely<EvidenceDatabase>, result: RunResult, now: string): Promise<string[]> {
    // Lock first: on SQLite a transaction whose first statement writes never meets a stale read snapshot.
    const head = await transaction
      .updateTable('evidence_log_head')
      .set({ updated_at: now })
      .where('id', '=', 1)
      .returning(['tree_size', 'frontier_json'])
      .executeTakeFirst();
    if (head === undefined) throw new DaxError('DAX_E_STORE_UNAVAILABLE', { detail: 'The evidence log head is missing.' });

    const run = await transaction
      .selectFrom('runs')
      .select(['tenant', 'input_hash'])
      .where('run_id', '=', result.runId)
      .executeTakeFirst();
    if (run === undefined) {
      throw new DaxError('DAX_E_RUN_NOT_FOUND', { detail: 'finishRun was called for a run that was never started.' });
    }
    const revision = evidenceRevision(result);
    const statement = buildRunStatement(result, { tenant: run.tenant, inputHash: run.input_hash });
    const envelope = await signEnvelope(this.settings.signer, inTotoPayloadType, serializeStatement(statement));
    const envelopeJson = serializeEnvelope(envelope);

    const existing = await transaction
      .selectFrom('evidence_leaves')
      .select('leaf_index')
      .where('run_id', '=', result.runId)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (existing === undefined) {
      const frontier = new MerkleFrontier(
        Number(head.tree_size),
        (JSON.parse(head.frontier_json) as string[]).map((hash) => Buffer.from(hash, 'base64')),
      );
      const leafHash = hashLeaf(Buffer.from(envelopeJson, 'utf8'));
      const leafIndex = frontier.append(leafHash);
      await transaction
        .insertInto('evidence_leaves')
        .values({
          leaf_index: leafIndex,
          run_id: result.runId,
          tenant: run.tenant,
          revision,
          leaf_hash: leafHash.toString('hex'),
          key_id: this.settings.signer.keyId,
          envelope_json: envelopeJson,
          created_at: now,
        })
        .execute();
      await transaction
        .updateTable('evidence_log_head')
        .set({ tree_size: frontier.size, frontier_json: JSON.stringify(frontier.hashes.map((hash) => hash.toString('base64'))) })
        .where('id', '=', 1)
        .execute();
      await this.#insertCheckpoint(transaction, frontier.size, frontier.root(), now);
    }

    const rows = await transaction
      .selectFrom('evidence_leaves')
      .select('leaf_index')
      .where('run_id', '=', result.runId)
      .orderBy('leaf_index')
      .execute();
    return rows.map((row) => evidenceIdOf(Number(row.leaf_index)));
  }

  async #insertCheckpoint(transaction: Kysely<EvidenceDatabase>, treeSize: number, root: Buffer, now: string): Promise<void> {
    const note = await this.#checkpointSigner.sign({ origin: this.settings.origin, treeSize, rootHash: root });
    await transaction
      .insertInto('evidence_checkpoints')
      .values({ tree_size: treeSize, root_hash: root.toString('base64'), note, created_at: now })
      .onConflict((conflict) => conflict.column('tree_size').doNothing())
      .execute();
  }

  /** Signs a checkpoint over the current tree now, unless one for this size exists; returns the latest. */
  async checkpoint(now: string): Promise<StoredCheckpoint | undefined> {
    try {
      await this.#database.transaction().execute(async (transaction) => {
        const head = await transaction
          .updateTable('evidence_log_head')
          .set({ updated_at: now })
          .where('id', '=', 1)
          .returning(['tree_size', 'frontier_json'])
          .executeTakeFirstOrThrow();
        const size = Number(head.tree_size);
        if (size === 0) return;
        const frontier = new MerkleFrontier(size, (JSON.parse(head.frontier_json) as string[]).map((hash) => Buffer.from(hash, 'base64')));
        await this.#insertCheckpoint(transaction, size, frontier.root(), now);
      });
    } catch (cause) {
      throw storeFailure(cause);
    }
    return this.latestCheckpoint();
  }

  /** The run's envelopes, oldest first; none for another tenant's run. */
  async runLeaves(runId: string, tenant?: string): Promise<EvidenceLeafRecord[]> {
    try {
      let query = this.#database.selectFrom('evidence_leaves').selectAll().where('run_id', '=', runId);
      if (tenant !== undefined) query = query.where('tenant', '=', tenant);
      return (await query.orderBy('leaf_index').execute()).map(toLeaf);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Leaves `[from, to)` in index order. */
  async leaves(from = 0, to = Number.MAX_SAFE_INTEGER): Promise<EvidenceLeafRecord[]> {
    try {
      const rows = await this.#database
        .selectFrom('evidence_leaves')
        .selectAll()
        .where('leaf_index', '>=', from)
        .where('leaf_index', '<', to)
        .orderBy('leaf_index')
        .execute();
      return rows.map(toLeaf);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Stored leaf hashes of the first `size` leaves. */
  async leafHashes(size: number): Promise<Buffer[]> {
    try {
      const rows = await this.#database
        .selectFrom('evidence_leaves')
        .select('leaf_hash')
        .where('leaf_index', '<', size)
        .orderBy('leaf_index')
        .execute();
      return rows.map((row) => Buffer.from(row.leaf_hash, 'hex'));
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    try {
      const row = await this.#database.selectFrom('evidence_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
      return row === undefined ? undefined : toCheckpoint(row);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async checkpoints(): Promise<StoredCheckpoint[]> {
    try {
      return (await this.#database.selectFrom('evidence_checkpoints').selectAll().orderBy('tree_size').execute()).map(toCheckpoint);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** The head row: tree size and the root its frontier gives. */
  async head(): Promise<{ treeSize: number; rootHash: Buffer }> {
    try {
      const head = await this.#database.selectFrom('evidence_log_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      const frontier = new MerkleFrontier(
        Number(head.tree_size),
        (JSON.parse(head.frontier_json) as string[]).map((hash) => Buffer.from(hash, 'base64')),
      );
      return { treeSize: frontier.size, rootHash: frontier.root() };
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Inclusion proof of a leaf in the tree of `treeSize` leaves (from the stored leaf hashes). */
  async inclusionProof(leaf: EvidenceLeafRecord, treeSize: number, rootHash: string): Promise<EvidenceInclusionProof> {
    const hashes = await this.leafHashes(treeSize);
    return {
      runId: leaf.runId,
      leafIndex: leaf.leafIndex,
      treeSize,
      leafHash: leaf.leafHash,
      hashes: inclusionProof(hashes, leaf.leafIndex, treeSize).map((hash) => hash.toString('hex')),
      rootHash: Buffer.from(rootHash, 'base64').toString('hex'),
    };
  }

  /** Consistency proof (hex) between two tree sizes, from the stored leaf hashes. */
  async consistencyProof(first: number, second: number): Promise<string[]> {
    const hashes = await this.leafHashes(second);
    return consistencyProof(hashes, first, second).map((hash) => hash.toString('hex'));
  }
}
