import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  systemClock,
  type Clock,
  type PausedRunState,
  type ReopenedRun,
  type RunListPage,
  type RunListQuery,
  type RunStartRecord,
  type RunStore,
} from '@dax/core';
import {
  DaxError,
  runResultSchema,
  runStatusSchema,
  type RunResult,
  type RunStatus,
  type TraceEntry,
} from '@dax/protocol';
import { EvidenceError } from '@dax/evidence';
import type { Kysely } from 'kysely';
import type { EvidenceDatabase } from './evidence-database.js';
import { ephemeralEvidenceSettings, type EvidenceSettings } from './evidence-settings.js';
import { KyselyEvidenceLog } from './kysely-evidence-log.js';
import type { DataHandlingDatabase } from './data/data-handling-database.js';
import type { KeyWrapper } from './data/key-wrapper.js';
import { RunTextVault } from './data/run-text-vault.js';
import { migrateStore } from './migrate-store.js';
import { verifyRunEvidence, type RunEvidenceReport } from './verify-run-evidence.js';
import { parseStored, validateStored, type StoredShape } from './parse-stored.js';
import { pausedRunStateShape } from './paused-run-state-shape.js';
import { reopenPausedRun } from './reopen-paused-run.js';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';
import type { RunStatusRecord } from './run-status-record.js';
import { reclaimAbandonedRuns } from './reclaim-abandoned-runs.js';
import { RunLeaseHeartbeat } from './run-lease-heartbeat.js';
import { prepareRunStoreQueries, runningStatus, type RunStoreQueries } from './run-store-queries.js';
import type { StoreDatabase } from './store-database.js';
import type { StoreEngine } from './store-engine.js';
import { storeFailure } from './store-failure.js';
import { toRunSummary } from './to-run-summary.js';
import { writeRunResult } from './write-run-result.js';

/** Largest page `listRuns` returns, whatever the caller asks for. */
export const maximumRunPageSize = 200;

const runStatusOrRunning: StoredShape<RunStatus | typeof runningStatus> = {
  safeParse: (value) =>
    value === runningStatus ? { success: true, data: runningStatus } : runStatusSchema.safeParse(value),
};

export interface KyselyRunStoreOptions {
  readonly clock?: Clock;
  /** The engine behind the Kysely instance. Defaults to `sqlite`. */
  readonly engine?: StoreEngine;
  /** Names this process on the runs it holds. Defaults to host, pid and a random suffix. */
  readonly leaseOwner?: string;
  /** How long a running run's lease lasts without a checkpoint. Defaults to 60 s. */
  readonly leaseTtlMs?: number;
  /**
   * How evidence is signed. Without it the store signs with a key that lives only as
   * long as the process (fine for tests; `openSqliteStore` passes a persistent key).
   */
  readonly evidence?: EvidenceSettings;
  /** Wraps per-subject data keys; without one, runs naming a subject are refused (DAX_E_DATA_KEY_UNAVAILABLE). */
  readonly keyWrapper?: KeyWrapper;
  /** Makes removed data unrecoverable from the database files (SQLite: WAL checkpoint and VACUUM). */
  readonly compact?: () => Promise<void>;
}

/** Default lease: longer than any layer's default timeout with its retries. */
export const defaultLeaseTtlMs = 60_000;

function defaultLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Turns an evidence failure into its catalogue error; anything else is a store failure. */
function evidenceOrStoreFailure(cause: unknown): DaxError {
  if (EvidenceError.isInstance(cause)) return new DaxError(cause.code, { cause });
  return storeFailure(cause);
}

/**
 * The RunStore over any Kysely database holding the store schema. Only portable
 * SQL is used, so the embedded SQLite store and a Postgres store share this class;
 * the dialect is chosen by whoever builds the Kysely instance.
 */
export class KyselyRunStore implements RunStore {
  readonly #database: Kysely<StoreDatabase>;
  readonly #clock: Clock;
  readonly #queries: RunStoreQueries;
  readonly #engine: StoreEngine;
  readonly #leaseOwner: string;
  readonly #leaseTtlMs: number;
  readonly #heartbeat: RunLeaseHeartbeat;
  readonly #evidence: KyselyEvidenceLog;
  readonly #vault: RunTextVault;
  readonly #compact: () => Promise<void>;
  #closed = false;

  constructor(database: Kysely<StoreDatabase>, options: KyselyRunStoreOptions = {}) {
    this.#database = database;
    this.#clock = options.clock ?? systemClock;
    this.#engine = options.engine ?? 'sqlite';
    this.#leaseOwner = options.leaseOwner ?? defaultLeaseOwner();
    this.#leaseTtlMs = options.leaseTtlMs ?? defaultLeaseTtlMs;
    if (!Number.isSafeInteger(this.#leaseTtlMs) || this.#leaseTtlMs < 1) {
      throw new DaxError('DAX_E_USAGE', { detail: 'leaseTtlMs must be a positive integer.' });
    }
    this.#heartbeat = new RunLeaseHeartbeat(Math.max(1, Math.floor(this.#leaseTtlMs / 3)), (runId) => this.#renewLease(runId));
    this.#queries = prepareRunStoreQueries(database, this.#engine);
    this.#evidence = new KyselyEvidenceLog(database.withTables<EvidenceDatabase>(), options.evidence ?? ephemeralEvidenceSettings());
    this.#vault = new RunTextVault(database.withTables<DataHandlingDatabase>(), options.keyWrapper, this.#clock);
    this.#compact = options.compact ?? (() => Promise.resolve());
  }

  /** The owner id this store writes on the runs it starts. */
  get leaseOwner(): string {
    return this.#leaseOwner;
  }

  #leaseExpiry(): string {
    return new Date(this.#clock.now().getTime() + this.#leaseTtlMs).toISOString();
  }

  /**
   * Fails the running runs whose lease expired (their process died): status
   * `failed`, error `DAX_E_RUN_ABANDONED`. Safe to call from every replica at once.
   */
  async reclaimAbandonedRuns(): Promise<string[]> {
    try {
      return await reclaimAbandonedRuns(this.#database, this.#clock.now(), this.#leaseTtlMs, {
        lock: async (transaction, now) => {
          await transaction.withTables<EvidenceDatabase>().updateTable('evidence_log_head').set({ updated_at: now }).where('id', '=', 1).execute();
        },
        append: (transaction, result, now) => this.#evidence.appendRun(transaction as unknown as Kysely<EvidenceDatabase>, result, now),
      });
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** The engine behind this store. */
  get engine(): StoreEngine {
    return this.#engine;
  }

  /** The signed evidence log kept with the runs. */
  get evidence(): KyselyEvidenceLog {
    return this.#evidence;
  }

  /** Encrypts and decrypts the texts of runs that name a data subject. */
  get vault(): RunTextVault {
    return this.#vault;
  }

  /** Makes deleted rows unrecoverable from the database files where the engine allows it. */
  async compact(): Promise<void> {
    try {
      await this.#compact();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** The Kysely database under this store, for repositories that share it (API keys). */
  get database(): Kysely<StoreDatabase> {
    return this.#database;
  }

  /** Applies pending schema migrations; `DAX_E_STORE_MIGRATION` on failure. */
  async migrate(): Promise<void> {
    await migrateStore(this.#database as Kysely<unknown>);
  }

  async startRun(record: RunStartRecord): Promise<void> {
    let inserted: bigint | undefined;
    try {
      await this.#vault.beginRun(record.runId, record.tenant, record.subjectId);
      const outcome = await this.#database.executeQuery(
        this.#queries.insertRun({
          runId: record.runId,
          tenant: record.tenant,
          domain: record.domain,
          configHash: record.configHash,
          inputHash: record.inputHash,
          subjectId: record.subjectId ?? null,
          metadataJson: JSON.stringify(record.metadata ?? {}),
          startedAt: record.startedAt,
          leaseOwner: this.#leaseOwner,
          leaseExpiresAt: this.#leaseExpiry(),
        }),
      );
      this.#heartbeat.hold(record.runId);
      inserted = outcome.numAffectedRows;
    } catch (cause) {
      this.#vault.endRun(record.runId);
      throw storeFailure(cause);
    }
    if (inserted === 0n) {
      this.#vault.endRun(record.runId);
      throw new DaxError('DAX_E_STORE_UNAVAILABLE', {
        detail: 'A run with the same id already exists.',
        retryable: false,
      });
    }
  }

  async recordLayer(runId: string, index: number, entry: TraceEntry): Promise<void> {
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new DaxError('DAX_E_INTERNAL', { detail: 'A layer checkpoint index must be a non-negative integer.' });
    }
    try {
      const stored = await this.#vault.sealEntry(runId, index, entry);
      await this.#database.executeQuery(
        this.#queries.upsertLayer({
          runId,
          layerIndex: index,
          layer: entry.layer,
          status: entry.status,
          entryJson: JSON.stringify(stored),
        }),
      );
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Pushes a held run's lease expiry forward (the heartbeat calls this). */
  async #renewLease(runId: string): Promise<void> {
    await this.#database.executeQuery(
      this.#queries.renewLease({ runId, leaseOwner: this.#leaseOwner, leaseExpiresAt: this.#leaseExpiry() }),
    );
  }

  /**
   * Writes the result and appends its signed evidence in one transaction; returns the
   * result as stored, with its evidence ids. If the evidence cannot be signed nothing
   * of it is kept and the run is stored `failed` with `DAX_E_EVIDENCE_SIGNING_FAILED`
   * instead: a run is never stored approved (or paused) without evidence.
   */
  async finishRun(result: RunResult, pausedState?: PausedRunState): Promise<RunResult> {
    this.#heartbeat.release(result.runId);
    const now = this.#clock.now().toISOString();
    try {
      const sealed = await this.#vault.sealResult(result);
      const storedState = pausedState === undefined ? undefined : await this.#vault.sealState(result.runId, pausedState);
      const stored = await this.#database.transaction().execute(async (transaction) => {
        const evidenceIds = await this.#evidence.appendRun(transaction as unknown as Kysely<EvidenceDatabase>, result, now);
        await writeRunResult(transaction, this.#queries, { ...sealed, evidenceIds }, storedState, now);
        return { ...result, evidenceIds };
      });
      // A paused run reads its key again when it resumes, possibly on another replica.
      this.#vault.endRun(result.runId);
      return stored;
    } catch (cause) {
      const failure = evidenceOrStoreFailure(cause);
      if (failure.code !== 'DAX_E_EVIDENCE_SIGNING_FAILED') {
        this.#vault.endRun(result.runId);
        throw failure;
      }
      return this.#finishUnsigned(result, failure, now);
    }
  }

  async #finishUnsigned(result: RunResult, failure: DaxError, now: string): Promise<RunResult> {
    const failed: RunResult = {
      ...result,
      status: 'failed',
      output: '',
      decision: { action: 'halt', reason: `The run's evidence could not be signed: ${failure.code}.`, layer: 'DA-X' },
      evidenceIds: [],
      error: { code: failure.code, message: failure.message },
    };
    delete (failed as { pausedAt?: string }).pausedAt;
    try {
      const sealed = await this.#vault.sealResult(failed);
      await this.#database
        .transaction()
        .execute((transaction) => writeRunResult(transaction, this.#queries, sealed, undefined, now));
    } catch (cause) {
      throw storeFailure(cause);
    }
    this.#vault.endRun(result.runId);
    return failed;
  }

  async getRun(runId: string, tenant?: string): Promise<RunResult | undefined> {
    let row: { tenant: string; subject_id: string | null; result_json: string | null } | undefined;
    let key: Uint8Array | null | undefined;
    try {
      row = (await this.#database.executeQuery(this.#queries.selectResult({ runId }))).rows[0];
      if (row === undefined || row.result_json === null) return undefined;
      if (tenant !== undefined && row.tenant !== tenant) return undefined;
      key = await this.#vault.readKey(row.tenant, row.subject_id);
    } catch (cause) {
      throw storeFailure(cause);
    }
    return this.#vault.openResult(parseStored(runResultSchema, row.result_json), key);
  }

  /** Status of any run, including one still running; undefined if unknown or another tenant's. */
  async getRunStatus(runId: string, tenant?: string): Promise<RunStatusRecord | undefined> {
    try {
      const row = await this.#database
        .selectFrom('runs')
        .select((expression) => [
          'run_id',
          'tenant',
          'domain',
          'status',
          'started_at',
          'finished_at',
          'paused_at',
          expression
            .selectFrom('run_layers')
            .select((inner) => inner.fn.countAll().as('count'))
            .whereRef('run_layers.run_id', '=', 'runs.run_id')
            .as('layers_recorded'),
        ])
        .where('run_id', '=', runId)
        .executeTakeFirst();
      if (row === undefined || (tenant !== undefined && row.tenant !== tenant)) return undefined;
      return {
        runId: row.run_id,
        tenant: row.tenant,
        domain: row.domain,
        status: validateStored(runStatusOrRunning, row.status),
        startedAt: row.started_at,
        ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
        ...(row.paused_at === null ? {} : { pausedAt: row.paused_at }),
        layersRecorded: Number(row.layers_recorded ?? 0),
      };
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Finished and paused runs, newest first; runs still in progress are not listed. */
  async listRuns(query: RunListQuery): Promise<RunListPage> {
    if (!Number.isFinite(query.limit) || query.limit < 1) {
      throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'The page limit must be at least 1.' });
    }
    const limit = Math.min(Math.floor(query.limit), maximumRunPageSize);
    const before = query.cursor === undefined ? undefined : decodeRunCursor(query.cursor);
    try {
      let select = this.#database
        .selectFrom('runs')
        .select(['run_id', 'status', 'domain', 'risk', 'started_at', 'duration_ms', 'paused_at', 'created_seq'])
        .where('status', '<>', runningStatus);
      if (query.tenant !== undefined) select = select.where('tenant', '=', query.tenant);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (before !== undefined) select = select.where('created_seq', '<', before);
      const rows = await select
        .orderBy('created_seq', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        runs: page.map(toRunSummary),
        ...(rows.length > limit && last !== undefined ? { nextCursor: encodeRunCursor(Number(last.created_seq)) } : {}),
      };
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Checks a run's evidence against the run as stored; `DAX_E_EVIDENCE_NOT_FOUND` when it has none. */
  async verifyRunEvidence(runId: string, tenant?: string): Promise<RunEvidenceReport> {
    let row: { tenant: string; input_hash: string } | undefined;
    let textsRemoved: boolean;
    try {
      row = await this.#database.selectFrom('runs').select(['tenant', 'input_hash']).where('run_id', '=', runId).executeTakeFirst();
      const tombstone = await this.#database
        .withTables<DataHandlingDatabase>()
        .selectFrom('text_tombstones')
        .select('run_id')
        .where('run_id', '=', runId)
        .executeTakeFirst();
      textsRemoved = tombstone !== undefined;
    } catch (cause) {
      throw storeFailure(cause);
    }
    if (row === undefined || (tenant !== undefined && row.tenant !== tenant)) throw new DaxError('DAX_E_EVIDENCE_NOT_FOUND');
    // The run as readers see it: texts of a subject's run decrypted, or their removal placeholders.
    const result = await this.getRun(runId);
    if (result === undefined) throw new DaxError('DAX_E_EVIDENCE_NOT_FOUND');
    return verifyRunEvidence(this.#evidence, { result, tenant: row.tenant, inputHash: row.input_hash, textsRemoved });
  }

  async getPausedState(runId: string): Promise<PausedRunState | undefined> {
    let row: { state_json: string } | undefined;
    let key: Uint8Array | null | undefined = null;
    try {
      row = (await this.#database.executeQuery(this.#queries.selectState({ runId }))).rows[0];
      if (row === undefined) return undefined;
      const owner = await this.#database.selectFrom('runs').select(['tenant', 'subject_id']).where('run_id', '=', runId).executeTakeFirst();
      if (owner !== undefined) key = await this.#vault.readKey(owner.tenant, owner.subject_id);
    } catch (cause) {
      throw storeFailure(cause);
    }
    return this.#vault.openState(runId, parseStored(pausedRunStateShape, row.state_json), key);
  }

  async reopenPausedRun(runId: string): Promise<ReopenedRun | undefined> {
    try {
      return await reopenPausedRun(this.#database, runId);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Releases the database. Safe to call more than once; later calls on the store fail. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#heartbeat.stop();
    try {
      await this.#database.destroy();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }
}
