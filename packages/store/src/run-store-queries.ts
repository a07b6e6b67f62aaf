import { sql, type Kysely } from 'kysely';
import { prepareQuery, type PreparedQuery, type Slot } from './prepared-query.js';
import type { StoreDatabase } from './store-database.js';
import type { StoreEngine } from './store-engine.js';

export const runningStatus = 'running' as const;

/** `lease_owner` of a run a lease sweep failed: its old owner may no longer finish it. */
export const reclaimedLeaseOwner = 'reclaimed' as const;

interface RunIdValues {
  runId: string;
}

interface InsertRunValues {
  runId: string;
  tenant: string;
  domain: string;
  configHash: string;
  inputHash: string;
  subjectId: string | null;
  metadataJson: string;
  startedAt: string;
  leaseOwner: string;
  leaseExpiresAt: string;
}

interface RenewLeaseValues {
  runId: string;
  leaseOwner: string;
  leaseExpiresAt: string;
}

interface UpsertLayerValues {
  runId: string;
  layerIndex: number;
  layer: string;
  status: string;
  entryJson: string;
}

interface FinishRunValues {
  runId: string;
  status: string;
  risk: string;
  durationMs: number;
  resultJson: string;
  finishedAt: string | null;
  pausedAt: string | null;
}

interface UpsertStateValues {
  runId: string;
  stateJson: string;
  updatedAt: string;
}

/** The fixed-shape statements of the run store, compiled once per store. */
export interface RunStoreQueries {
  readonly insertRun: PreparedQuery<InsertRunValues, never>;
  readonly upsertLayer: PreparedQuery<UpsertLayerValues, never>;
  readonly finishRun: PreparedQuery<FinishRunValues, never>;
  readonly renewLease: PreparedQuery<RenewLeaseValues, never>;
  readonly deleteFindings: PreparedQuery<RunIdValues, never>;
  readonly deleteState: PreparedQuery<RunIdValues, never>;
  readonly upsertState: PreparedQuery<UpsertStateValues, never>;
  readonly selectResult: PreparedQuery<RunIdValues, { tenant: string; subject_id: string | null; result_json: string | null }>;
  readonly selectState: PreparedQuery<RunIdValues, { state_json: string }>;
}

/**
 * Insertion order: SQLite serialises writers, so `max + 1` is safe there; Postgres
 * takes the next value of a sequence (migration 0008) so concurrent replicas never
 * collide.
 */
function nextCreatedSeq(engine: StoreEngine) {
  return engine === 'postgres'
    ? sql<number>`nextval('runs_created_seq')`
    : sql<number>`(select coalesce(max(created_seq), 0) + 1 from runs)`;
}

export function prepareRunStoreQueries(database: Kysely<StoreDatabase>, engine: StoreEngine = 'sqlite'): RunStoreQueries {
  return {
    insertRun: prepareQuery((slot: Slot<InsertRunValues>) =>
      database
        .insertInto('runs')
        .values({
          run_id: slot('runId'),
          tenant: slot('tenant'),
          domain: slot('domain'),
          status: runningStatus,
          risk: null,
          config_hash: slot('configHash'),
          input_hash: slot('inputHash'),
          subject_id: slot('subjectId'),
          metadata_json: slot('metadataJson'),
          started_at: slot('startedAt'),
          finished_at: null,
          paused_at: null,
          duration_ms: null,
          result_json: null,
          created_seq: nextCreatedSeq(engine),
          lease_owner: slot('leaseOwner'),
          lease_expires_at: slot('leaseExpiresAt'),
        })
        .onConflict((conflict) => conflict.column('run_id').doNothing()),
    ),

    upsertLayer: prepareQuery((slot: Slot<UpsertLayerValues>) =>
      database
        .insertInto('run_layers')
        .values({
          run_id: slot('runId'),
          layer_index: slot('layerIndex'),
          layer: slot('layer'),
          status: slot('status'),
          entry_json: slot('entryJson'),
        })
        .onConflict((conflict) =>
          conflict.columns(['run_id', 'layer_index']).doUpdateSet((expression) => ({
            layer: expression.ref('excluded.layer'),
            status: expression.ref('excluded.status'),
            entry_json: expression.ref('excluded.entry_json'),
          })),
        ),
    ),

    finishRun: prepareQuery((slot: Slot<FinishRunValues>) =>
      database
        .updateTable('runs')
        .set({
          status: slot('status'),
          risk: slot('risk'),
          duration_ms: slot('durationMs'),
          result_json: slot('resultJson'),
          finished_at: slot('finishedAt'),
          paused_at: slot('pausedAt'),
          lease_owner: null,
          lease_expires_at: null,
        })
        .where('run_id', '=', slot('runId'))
        .where((where) => where.or([where('lease_owner', 'is', null), where('lease_owner', '<>', reclaimedLeaseOwner)])),
    ),

    renewLease: prepareQuery((slot: Slot<RenewLeaseValues>) =>
      database
        .updateTable('runs')
        .set({ lease_expires_at: slot('leaseExpiresAt') })
        .where('run_id', '=', slot('runId'))
        .where('lease_owner', '=', slot('leaseOwner'))
        .where('status', '=', runningStatus),
    ),

    deleteFindings: prepareQuery((slot: Slot<RunIdValues>) =>
      database.deleteFrom('run_findings').where('run_id', '=', slot('runId')),
    ),

    deleteState: prepareQuery((slot: Slot<RunIdValues>) =>
      database.deleteFrom('run_states').where('run_id', '=', slot('runId')),
    ),

    upsertState: prepareQuery((slot: Slot<UpsertStateValues>) =>
      database
        .insertInto('run_states')
        .values({ run_id: slot('runId'), state_json: slot('stateJson'), updated_at: slot('updatedAt') })
        .onConflict((conflict) =>
          conflict.column('run_id').doUpdateSet((expression) => ({
            state_json: expression.ref('excluded.state_json'),
            updated_at: expression.ref('excluded.updated_at'),
          })),
        ),
    ),

    selectResult: prepareQuery((slot: Slot<RunIdValues>) =>
      database.selectFrom('runs').select(['tenant', 'subject_id', 'result_json']).where('run_id', '=', slot('runId')),
    ),

    selectState: prepareQuery((slot: Slot<RunIdValues>) =>
      database.selectFrom('run_states').select('state_json').where('run_id', '=', slot('runId')),
    ),
  };
}
