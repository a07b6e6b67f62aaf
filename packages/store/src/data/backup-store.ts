import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '@dax/core';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { storeFailure } from '../store-failure.js';
import { backupFormat, encodeCell, type BackupFile, type BackupManifest, type BackupTableEntry } from './backup-format.js';
import type { BackupSigner } from './backup-signer.js';
import { listStoreTables } from './store-tables.js';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function appliedMigrations(database: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database);
  return rows.rows.map((row) => row.name);
}

/**
 * Dumps every table of the store (found by introspection, so tables other
 * features add are included) from one consistent snapshot, with a manifest of
 * per-table SHA-256 hashes signed by `signer`.
 */
export async function backupStore(store: KyselyRunStore, signer: BackupSigner, options: { readonly clock?: Clock } = {}): Promise<BackupFile> {
  const database = store.database as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const createdAt = (options.clock ?? systemClock).now().toISOString();
  let sections: Record<string, string>;
  let tables: BackupTableEntry[];
  let migrations: string[];
  try {
    const postgres = database.getExecutor().adapter instanceof PostgresAdapter;
    const snapshot = postgres ? database.transaction().setIsolationLevel('repeatable read') : database.transaction();
    ({ sections, tables, migrations } = await snapshot.execute(async (transaction) => {
      const names = await listStoreTables(transaction as unknown as Kysely<unknown>);
      const collected: Record<string, string> = {};
      const entries: BackupTableEntry[] = [];
      for (const name of names) {
        const rows = await transaction.selectFrom(name).selectAll().execute();
        const text = JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, encodeCell(value)]))));
        collected[name] = text;
        entries.push({ name, rows: rows.length, sha256: sha256Hex(text) });
      }
      return { sections: collected, tables: entries, migrations: await appliedMigrations(transaction as unknown as Kysely<unknown>) };
    }));
  } catch (cause) {
    throw storeFailure(cause);
  }
  const manifest: BackupManifest = { format: backupFormat, createdAt, keyId: signer.keyId, publicKeyPem: signer.publicKeyPem, migrations, tables };
  const manifestText = JSON.stringify(manifest);
  const signature = await signer.sign(Buffer.from(manifestText, 'utf8'));
  return { format: backupFormat, manifest: manifestText, signature: Buffer.from(signature).toString('base64'), sections };
}
