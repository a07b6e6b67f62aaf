import { DaxError } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { ApiKeyDatabase, ApiKeysTable } from './api-key-database.js';
import type { ApiKeyRecord, StoredApiKey } from './api-key-record.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import { parseStored, type StoredShape } from './parse-stored.js';
import { prepareQuery, type PreparedQuery, type Slot } from './prepared-query.js';
import { storeFailure } from './store-failure.js';

const roleListShape: StoredShape<string[]> = {
  safeParse(value) {
    return Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? { success: true, data: value }
      : { success: false, error: new TypeError('Stored roles must be an array of strings.') };
  },
};

const recordColumns = ['key_id', 'tenant', 'roles_json', 'name', 'created_at', 'revoked_at'] as const;

type RecordRow = Pick<ApiKeysTable, (typeof recordColumns)[number]>;

function toRecord(row: RecordRow): ApiKeyRecord {
  return {
    keyId: row.key_id,
    tenant: row.tenant,
    roles: parseStored(roleListShape, row.roles_json),
    name: row.name,
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}

/** What `insertKey` needs: a fresh key, never revoked. */
export type NewApiKey = Omit<StoredApiKey, 'revokedAt'>;

/**
 * The API key repository over any Kysely database holding the store schema
 * (migration 0002). Lookups always read the database, so a revoke made by any
 * process takes effect on the next request.
 */
export class KyselyApiKeyStore {
  readonly #database: Kysely<ApiKeyDatabase>;
  readonly #selectKey: PreparedQuery<{ keyId: string }, ApiKeysTable>;

  constructor(database: Kysely<ApiKeyDatabase>) {
    this.#database = database;
    this.#selectKey = prepareQuery((slot: Slot<{ keyId: string }>) =>
      database.selectFrom('api_keys').selectAll().where('key_id', '=', slot('keyId')),
    );
  }

  async insertKey(key: NewApiKey): Promise<void> {
    let inserted: bigint | undefined;
    try {
      const outcome = await this.#database
        .insertInto('api_keys')
        .values({
          key_id: key.keyId,
          key_hash: key.keyHash,
          tenant: key.tenant,
          roles_json: JSON.stringify(key.roles),
          name: key.name,
          created_at: key.createdAt,
          revoked_at: null,
        })
        .onConflict((conflict) => conflict.column('key_id').doNothing())
        .executeTakeFirst();
      inserted = outcome.numInsertedOrUpdatedRows;
    } catch (cause) {
      throw storeFailure(cause);
    }
    if (inserted === 0n) {
      throw new DaxError('DAX_E_STORE_UNAVAILABLE', {
        detail: 'An API key with the same id already exists.',
        retryable: false,
      });
    }
  }

  /** The stored key with its hash, or undefined when no key has this id. */
  async findKey(keyId: string): Promise<StoredApiKey | undefined> {
    let row: ApiKeysTable | undefined;
    try {
      row = (await this.#database.executeQuery(this.#selectKey({ keyId }))).rows[0];
    } catch (cause) {
      throw storeFailure(cause);
    }
    return row === undefined ? undefined : { ...toRecord(row), keyHash: row.key_hash };
  }

  /** Keys oldest first; only the tenant's keys when a tenant is given. */
  async listKeys(tenant?: string): Promise<ApiKeyRecord[]> {
    try {
      let select = this.#database.selectFrom('api_keys').select(recordColumns);
      if (tenant !== undefined) select = select.where('tenant', '=', tenant);
      const rows = await select.orderBy('created_at').orderBy('key_id').execute();
      return rows.map(toRecord);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /**
   * Marks a key revoked (an already revoked key keeps its first revoke time).
   * Returns the key, or undefined when it does not exist or belongs to another
   * tenant than the one given.
   */
  async revokeKey(keyId: string, revokedAt: string, tenant?: string): Promise<ApiKeyRecord | undefined> {
    try {
      let update = this.#database
        .updateTable('api_keys')
        .set({ revoked_at: revokedAt })
        .where('key_id', '=', keyId)
        .where('revoked_at', 'is', null);
      if (tenant !== undefined) update = update.where('tenant', '=', tenant);
      await update.execute();
      let select = this.#database.selectFrom('api_keys').select(recordColumns).where('key_id', '=', keyId);
      if (tenant !== undefined) select = select.where('tenant', '=', tenant);
      const row = await select.executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }
}

/** The API key repository sharing a run store's database (and its migrations). */
export function apiKeyStoreFor(runStore: KyselyRunStore): KyselyApiKeyStore {
  return new KyselyApiKeyStore(runStore.database.withTables<ApiKeyDatabase>());
}
