import type { Clock } from '@dax/core';
import { systemClock } from '@dax/core';
import type { Kysely } from 'kysely';
import type { IdempotencyClaim, IdempotencyClaimRequest } from './idempotency-claim.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import type { IdempotencyDatabase, IdempotencyRecordsTable } from './run-events-database.js';
import { storeFailure } from './store-failure.js';

export interface IdempotencyStoreOptions {
  /** A record still in progress after this long is taken to be abandoned (its process died). */
  readonly inProgressTimeoutMs?: number;
  /** A completed record older than this is forgotten; the key may then be used afresh. */
  readonly retentionMs?: number;
  readonly clock?: Clock;
}

const defaultInProgressTimeoutMs = 15 * 60_000;
const defaultRetentionMs = 24 * 60 * 60_000;

const inProgress = 'in_progress';
const completed = 'completed';

/**
 * Idempotency records of `POST /v1/runs`, scoped to a tenant. Claiming is race-free
 * across processes: the first insert wins, and taking over an abandoned or expired
 * record is a compare-and-set on its `updated_at`.
 */
export class KyselyIdempotencyStore {
  readonly #database: Kysely<IdempotencyDatabase>;
  readonly #inProgressTimeoutMs: number;
  readonly #retentionMs: number;
  readonly #clock: Clock;

  constructor(database: Kysely<IdempotencyDatabase>, options: IdempotencyStoreOptions = {}) {
    this.#database = database;
    this.#inProgressTimeoutMs = options.inProgressTimeoutMs ?? defaultInProgressTimeoutMs;
    this.#retentionMs = options.retentionMs ?? defaultRetentionMs;
    this.#clock = options.clock ?? systemClock;
  }

  async claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaim> {
    const now = this.#clock.now();
    const stamp = now.toISOString();
    try {
      const inserted = await this.#database
        .insertInto('idempotency_records')
        .values({
          tenant: request.tenant,
          idempotency_key: request.key,
          request_hash: request.requestHash,
          state: inProgress,
          run_id: null,
          response_status: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((conflict) => conflict.columns(['tenant', 'idempotency_key']).doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows === 1n) return { outcome: 'claimed' };

      const existing = await this.#database
        .selectFrom('idempotency_records')
        .selectAll()
        .where('tenant', '=', request.tenant)
        .where('idempotency_key', '=', request.key)
        .executeTakeFirst();
      if (existing === undefined) return await this.claim(request);
      if (this.#isStale(existing, now.getTime())) return await this.#takeOver(existing, request, stamp);
      if (existing.request_hash !== request.requestHash) return { outcome: 'conflict' };
      if (existing.state === completed && existing.run_id !== null && existing.response_status !== null) {
        return { outcome: 'completed', runId: existing.run_id, responseStatus: existing.response_status };
      }
      return { outcome: 'in_progress' };
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Records the finished run a claimed key answers with. */
  async complete(tenant: string, key: string, runId: string, responseStatus: number): Promise<void> {
    try {
      await this.#database
        .updateTable('idempotency_records')
        .set({ state: completed, run_id: runId, response_status: responseStatus, updated_at: this.#clock.now().toISOString() })
        .where('tenant', '=', tenant)
        .where('idempotency_key', '=', key)
        .execute();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Forgets a claim whose request failed before producing a run, so a retry may run it. */
  async release(tenant: string, key: string): Promise<void> {
    try {
      await this.#database
        .deleteFrom('idempotency_records')
        .where('tenant', '=', tenant)
        .where('idempotency_key', '=', key)
        .where('state', '=', inProgress)
        .execute();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Deletes completed records past retention; returns how many went. */
  async deleteExpired(): Promise<number> {
    const before = new Date(this.#clock.now().getTime() - this.#retentionMs).toISOString();
    try {
      const outcome = await this.#database.deleteFrom('idempotency_records').where('updated_at', '<', before).executeTakeFirst();
      return Number(outcome.numDeletedRows);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  #isStale(record: IdempotencyRecordsTable, nowMs: number): boolean {
    const age = nowMs - Date.parse(record.updated_at);
    return record.state === inProgress ? age > this.#inProgressTimeoutMs : age > this.#retentionMs;
  }

  async #takeOver(record: IdempotencyRecordsTable, request: IdempotencyClaimRequest, stamp: string): Promise<IdempotencyClaim> {
    const updated = await this.#database
      .updateTable('idempotency_records')
      .set({ request_hash: request.requestHash, state: inProgress, run_id: null, response_status: null, created_at: stamp, updated_at: stamp })
      .where('tenant', '=', request.tenant)
      .where('idempotency_key', '=', request.key)
      .where('updated_at', '=', record.updated_at)
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n ? { outcome: 'claimed' } : { outcome: 'in_progress' };
  }
}

/** The idempotency repository sharing a run store's database (and its migrations). */
export function idempotencyStoreFor(runStore: KyselyRunStore, options: IdempotencyStoreOptions = {}): KyselyIdempotencyStore {
  return new KyselyIdempotencyStore(runStore.database.withTables<IdempotencyDatabase>(), options);
}
