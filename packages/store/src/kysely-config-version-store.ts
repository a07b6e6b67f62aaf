import type {
  ConfigApproval,
  ConfigAuditAction,
  ConfigAuditEntry,
  ConfigKind,
  ConfigVersion,
  ConfigVersionStatus,
  ConfigVersionStore,
  MigrationNote,
} from '@dax/core';
import { activeVersionKey } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { ConfigAuditTable, ConfigVersionDatabase, ConfigVersionsTable } from './config-version-database.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import { malformedRecord, parseStored, type StoredShape } from './parse-stored.js';
import { prepareQuery, type PreparedQuery, type Slot } from './prepared-query.js';
import { storeFailure } from './store-failure.js';

const kinds: ReadonlySet<string> = new Set(['layers', 'models']);
const statuses: ReadonlySet<string> = new Set(['proposed', 'approved', 'active', 'superseded']);
const actions: ReadonlySet<string> = new Set(['propose', 'approve', 'activate', 'rollback', 'import']);

const isText = (value: unknown): value is string => typeof value === 'string';

const noteShape: StoredShape<MigrationNote> = {
  safeParse(value) {
    const note = value as Record<string, unknown> | null;
    return note !== null && typeof note === 'object' && isText(note.whatChanged) && isText(note.why) && isText(note.rollback)
      ? { success: true, data: { whatChanged: note.whatChanged, why: note.why, rollback: note.rollback } }
      : { success: false, error: new TypeError('Stored note is malformed.') };
  },
};

const approvalsShape: StoredShape<ConfigApproval[]> = {
  safeParse(value) {
    const valid =
      Array.isArray(value) &&
      value.every((item: Record<string, unknown>) => isText(item.actor) && isText(item.at) && Array.isArray(item.groups) && item.groups.every(isText));
    return valid ? { success: true, data: value as ConfigApproval[] } : { success: false, error: new TypeError('Stored approvals are malformed.') };
  },
};

const anyJson: StoredShape<unknown> = { safeParse: (value) => ({ success: true, data: value }) };

function toVersion(row: ConfigVersionsTable): ConfigVersion {
  if (!kinds.has(row.kind) || !statuses.has(row.status)) throw malformedRecord(new TypeError('Stored version kind or status is unknown.'));
  return {
    id: row.version_id,
    kind: row.kind as ConfigKind,
    domain: row.domain,
    status: row.status as ConfigVersionStatus,
    content: parseStored(anyJson, row.content_json),
    note: parseStored(noteShape, row.note_json),
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    approvals: parseStored(approvalsShape, row.approvals_json),
    ...(row.activated_at === null ? {} : { activatedAt: row.activated_at }),
    ...(row.activated_by === null ? {} : { activatedBy: row.activated_by }),
  };
}

function toAudit(row: ConfigAuditTable): ConfigAuditEntry {
  if (!kinds.has(row.kind) || !actions.has(row.action)) throw malformedRecord(new TypeError('Stored audit entry is malformed.'));
  return {
    domain: row.domain,
    kind: row.kind as ConfigKind,
    action: row.action as ConfigAuditAction,
    versionId: row.version_id,
    actor: row.actor,
    at: row.at,
    ...(row.previous_version_id === null ? {} : { previousVersionId: row.previous_version_id }),
  };
}

async function appendAudit(transaction: Transaction<ConfigVersionDatabase>, entry: ConfigAuditEntry): Promise<void> {
  const last = await transaction
    .selectFrom('config_audit')
    .select((builder) => builder.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await transaction
    .insertInto('config_audit')
    .values({
      seq,
      domain: entry.domain,
      kind: entry.kind,
      action: entry.action,
      version_id: entry.versionId,
      previous_version_id: entry.previousVersionId ?? null,
      actor: entry.actor,
      at: entry.at,
    })
    .execute();
}

type ActiveSlots = { domain: string; kind: string };
type ActiveOfDomainsSlots = { first: string; second: string; third: string };

/**
 * Configuration versions over any Kysely database with the store schema (migration
 * 0006). Content columns are written by insert only; no method updates them.
 */
export class KyselyConfigVersionStore implements ConfigVersionStore {
  readonly #database: Kysely<ConfigVersionDatabase>;
  readonly #selectActive: PreparedQuery<ActiveSlots, Pick<ConfigVersionsTable, 'version_id'>>;
  readonly #selectActiveOfDomains: PreparedQuery<ActiveOfDomainsSlots, Pick<ConfigVersionsTable, 'domain' | 'kind' | 'version_id'>>;

  constructor(database: Kysely<ConfigVersionDatabase>) {
    this.#database = database;
    this.#selectActive = prepareQuery((slot: Slot<ActiveSlots>) =>
      database
        .selectFrom('config_versions')
        .select('version_id')
        .where('domain', '=', slot('domain'))
        .where('kind', '=', slot('kind'))
        .where('status', '=', 'active'),
    );
    this.#selectActiveOfDomains = prepareQuery((slot: Slot<ActiveOfDomainsSlots>) =>
      database
        .selectFrom('config_versions')
        .select(['domain', 'kind', 'version_id'])
        .where('status', '=', 'active')
        .where('domain', 'in', [slot('first'), slot('second'), slot('third')]),
    );
  }

  async insertVersion(version: ConfigVersion, audit: ConfigAuditEntry): Promise<boolean> {
    try {
      return await this.#database.transaction().execute(async (transaction) => {
        const outcome = await transaction
          .insertInto('config_versions')
          .values({
            domain: version.domain,
            kind: version.kind,
            version_id: version.id,
            status: version.status,
            content_json: JSON.stringify(version.content),
            note_json: JSON.stringify(version.note),
            proposed_by: version.proposedBy,
            proposed_at: version.proposedAt,
            approvals_json: JSON.stringify(version.approvals),
            activated_at: null,
            activated_by: null,
          })
          .onConflict((conflict) => conflict.columns(['domain', 'kind', 'version_id']).doNothing())
          .executeTakeFirst();
        if (outcome.numInsertedOrUpdatedRows === 0n) return false;
        await appendAudit(transaction, audit);
        return true;
      });
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async getVersion(domain: string, kind: ConfigKind, id: string): Promise<ConfigVersion | undefined> {
    let row: ConfigVersionsTable | undefined;
    try {
      row = await this.#database
        .selectFrom('config_versions')
        .selectAll()
        .where('domain', '=', domain)
        .where('kind', '=', kind)
        .where('version_id', '=', id)
        .executeTakeFirst();
    } catch (cause) {
      throw storeFailure(cause);
    }
    return row === undefined ? undefined : toVersion(row);
  }

  async findVersions(idPrefix: string): Promise<ConfigVersion[]> {
    if (!/^[0-9a-f]{8,64}$/.test(idPrefix)) return [];
    try {
      const rows = await this.#database
        .selectFrom('config_versions')
        .selectAll()
        .where('version_id', '>=', idPrefix)
        .where('version_id', '<', `${idPrefix}g`)
        .limit(10)
        .execute();
      return rows.map(toVersion);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async listVersions(domain: string, kind?: ConfigKind): Promise<ConfigVersion[]> {
    try {
      let select = this.#database.selectFrom('config_versions').selectAll().where('domain', '=', domain);
      if (kind !== undefined) select = select.where('kind', '=', kind);
      const rows = await select.orderBy('proposed_at').orderBy('version_id').execute();
      return rows.map(toVersion);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async recordApproval(version: ConfigVersion, approval: ConfigApproval, status: ConfigVersionStatus, audit: ConfigAuditEntry): Promise<boolean> {
    try {
      return await this.#database.transaction().execute(async (transaction) => {
        const outcome = await transaction
          .updateTable('config_versions')
          .set({ approvals_json: JSON.stringify([...version.approvals, approval]), status })
          .where('domain', '=', version.domain)
          .where('kind', '=', version.kind)
          .where('version_id', '=', version.id)
          .where('status', '=', 'proposed')
          .where('approvals_json', '=', JSON.stringify(version.approvals))
          .executeTakeFirst();
        if (outcome.numUpdatedRows !== 1n) return false;
        await appendAudit(transaction, audit);
        return true;
      });
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async activate(version: ConfigVersion, audit: ConfigAuditEntry): Promise<void> {
    try {
      await this.#database.transaction().execute(async (transaction) => {
        await transaction
          .updateTable('config_versions')
          .set({ status: 'superseded' })
          .where('domain', '=', version.domain)
          .where('kind', '=', version.kind)
          .where('status', '=', 'active')
          .execute();
        const outcome = await transaction
          .updateTable('config_versions')
          .set({ status: 'active', activated_at: audit.at, activated_by: audit.actor })
          .where('domain', '=', version.domain)
          .where('kind', '=', version.kind)
          .where('version_id', '=', version.id)
          .where('status', 'in', ['approved', 'superseded'])
          .executeTakeFirst();
        if (outcome.numUpdatedRows !== 1n) {
          throw new DaxError('DAX_E_CONFIG_NOT_APPROVED', { detail: 'The version changed state before it could be activated.' });
        }
        await appendAudit(transaction, audit);
      });
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async activeVersionId(domain: string, kind: ConfigKind): Promise<string | undefined> {
    try {
      return (await this.#database.executeQuery(this.#selectActive({ domain, kind }))).rows[0]?.version_id;
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async activeVersionIds([first, second, third]: readonly [string, string, string]): Promise<ReadonlyMap<string, string>> {
    try {
      const { rows } = await this.#database.executeQuery(this.#selectActiveOfDomains({ first, second, third }));
      const active = new Map<string, string>();
      for (const row of rows) if (kinds.has(row.kind)) active.set(activeVersionKey(row.domain, row.kind as ConfigKind), row.version_id);
      return active;
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  async listAudit(domain: string, kind?: ConfigKind): Promise<ConfigAuditEntry[]> {
    try {
      let select = this.#database.selectFrom('config_audit').selectAll().where('domain', '=', domain);
      if (kind !== undefined) select = select.where('kind', '=', kind);
      const rows = await select.orderBy('seq').execute();
      return rows.map(toAudit);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }
}

/** The configuration version repository sharing a run store's database (and its migrations). */
export function configVersionStoreFor(runStore: KyselyRunStore): KyselyConfigVersionStore {
  return new KyselyConfigVersionStore(runStore.database.withTables<ConfigVersionDatabase>());
}
