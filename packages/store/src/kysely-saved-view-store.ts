import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '@dax/core';
import { DaxError, traceSearchFiltersSchema, type SavedView, type TraceSearchFilters } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { KyselyRunStore } from './kysely-run-store.js';
import { parseStored } from './parse-stored.js';
import { storeFailure } from './store-failure.js';
import type { SavedViewsTable, TraceSearchDatabase } from './trace-search-database.js';

export interface NewSavedView {
  readonly tenant: string;
  readonly name: string;
  readonly filters: TraceSearchFilters;
  /** The creator's identity subject (`key:<id>`, `oidc:<sub>`, `local`). */
  readonly createdBy: string;
}

function toSavedView(row: SavedViewsTable): SavedView {
  return {
    viewId: row.view_id,
    name: row.name,
    filters: parseStored(traceSearchFiltersSchema, row.filters_json),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Named trace searches, shared by a tenant; a name is unique within its tenant. */
export class KyselySavedViewStore {
  readonly #database: Kysely<TraceSearchDatabase>;
  readonly #clock: Clock;

  constructor(database: Kysely<TraceSearchDatabase>, options: { readonly clock?: Clock } = {}) {
    this.#database = database;
    this.#clock = options.clock ?? systemClock;
  }

  /** Saves a view; `DAX_E_VIEW_EXISTS` when the tenant already has one by that name. */
  async create(view: NewSavedView): Promise<SavedView> {
    const row: SavedViewsTable = {
      tenant: view.tenant,
      view_id: `view_${randomUUID().replaceAll('-', '')}`,
      name: view.name,
      filters_json: JSON.stringify(view.filters),
      created_by: view.createdBy,
      created_at: this.#clock.now().toISOString(),
    };
    let inserted: bigint;
    try {
      const outcome = await this.#database
        .insertInto('saved_views')
        .values(row)
        .onConflict((conflict) => conflict.columns(['tenant', 'name']).doNothing())
        .executeTakeFirst();
      inserted = outcome.numInsertedOrUpdatedRows ?? 0n;
    } catch (cause) {
      throw storeFailure(cause);
    }
    if (inserted === 0n) throw new DaxError('DAX_E_VIEW_EXISTS', { detail: `The tenant already has a view named "${view.name}".` });
    return toSavedView(row);
  }

  async list(tenant: string): Promise<SavedView[]> {
    try {
      const rows = await this.#database.selectFrom('saved_views').selectAll().where('tenant', '=', tenant).orderBy('name').execute();
      return rows.map(toSavedView);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** The tenant's view with this id, or else with this name. */
  async get(tenant: string, idOrName: string): Promise<SavedView | undefined> {
    try {
      const rows = await this.#database
        .selectFrom('saved_views')
        .selectAll()
        .where('tenant', '=', tenant)
        .where((expression) => expression.or([expression('view_id', '=', idOrName), expression('name', '=', idOrName)]))
        .execute();
      const row = rows.find((candidate) => candidate.view_id === idOrName) ?? rows[0];
      return row === undefined ? undefined : toSavedView(row);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Deletes the tenant's view by id; false when there was none. */
  async delete(tenant: string, viewId: string): Promise<boolean> {
    try {
      const outcome = await this.#database.deleteFrom('saved_views').where('tenant', '=', tenant).where('view_id', '=', viewId).executeTakeFirst();
      return outcome.numDeletedRows > 0n;
    } catch (cause) {
      throw storeFailure(cause);
    }
  }
}

/** The saved views repository sharing a run store's database (and its migrations). */
export function savedViewStoreFor(runStore: KyselyRunStore, options: { readonly clock?: Clock } = {}): KyselySavedViewStore {
  return new KyselySavedViewStore(runStore.database.withTables<TraceSearchDatabase>(), options);
}
