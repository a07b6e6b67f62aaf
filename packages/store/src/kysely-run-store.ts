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
import type { Kysely } from 'kysely';
import { migrateStore } from './migrate-store.js';
import { parseStored, validateStored, type StoredShape } from './parse-stored.js';
import { pausedRunStateShape } from './paused-run-state-shape.js';
import { reopenPausedRun } from './reopen-paused-run.js';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';
import type { RunStatusRecord } from './run-status-record.js';
import { prepareRunStoreQueries, runningStatus, type RunStoreQueries } from './run-store-queries.js';
import type { StoreDatabase } from './store-database.js';
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
  #closed = false;

  constructor(database: Kysely<StoreDatabase>, options: KyselyRunStoreOptions = {}) {
    this.#database = database;
    this.#clock = options.clock ?? systemClock;
    this.#queries = prepareRunStoreQueries(database);
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
        }),
      );
      inserted = outcome.numAffectedRows;
    } catch (cause) {
      throw storeFailure(cause);
    }
    if (inserted === 0n) {
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
      await this.#database.executeQuery(
        this.#queries.upsertLayer({
          runId,
          layerIndex: index,
          layer: entry.layer,
          status: entry.status,
          entryJson: JSON.stringify(entry),
        }),
      );
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async finishRun(result: RunResult, pausedState?: PausedRunState): Promise<void> {
    const now = this.#clock.now().toISOString();
    try {
      await this.#database
        .transaction()
        .execute((transaction) => writeRunResult(transaction, this.#queries, result, pausedState, now));
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async getRun(runId: string, tenant?: string): Promise<RunResult | undefined> {
    let row: { tenant: string; result_json: string | null } | undefined;
    try {
      row = (await this.#database.executeQuery(this.#queries.selectResult({ runId }))).rows[0];
    } catch (cause) {
      throw storeFailure(cause);
    }
    if (row === undefined || row.result_json === null) return undefined;
    if (tenant !== undefined && row.tenant !== tenant) return undefined;
    return parseStored(runResultSchema, row.result_json);
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

  async getPausedState(runId: string): Promise<PausedRunState | undefined> {
    let row: { state_json: string } | undefined;
    try {
      row = (await this.#database.executeQuery(this.#queries.selectState({ runId }))).rows[0];
    } catch (cause) {
      throw storeFailure(cause);
    }
    return row === undefined ? undefined : parseStored(pausedRunStateShape, row.state_json);
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
    try {
      await this.#database.destroy();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }
}
