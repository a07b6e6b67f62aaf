import { randomUUID } from 'node:crypto';
import type { ConfigAuditEntry, ConfigVersion } from '@dax/core';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfigVersionDatabase } from './config-version-database.js';
import { KyselyConfigVersionStore, configVersionStoreFor } from './kysely-config-version-store.js';
import { createConfigVersionTables } from './migrations/0006-config-versions.js';
import { openMemoryStore } from './open-sqlite-store.js';

const note = { whatChanged: 'w', why: 'y', rollback: 'r' };

function version(id: string, domain = 'default'): ConfigVersion {
  return { id, kind: 'layers', domain, status: 'proposed', content: [{ id }], note, proposedBy: 'oidc:alice', proposedAt: '2025-06-01T12:00:00.000Z', approvals: [] };
}

function audit(action: ConfigAuditEntry['action'], versionId: string, previousVersionId?: string): ConfigAuditEntry {
  return { domain: 'default', kind: 'layers', action, versionId, actor: 'oidc:rita', at: '2025-06-01T12:00:01.000Z', ...(previousVersionId === undefined ? {} : { previousVersionId }) };
}

const idA = 'a'.repeat(64);
const idB = 'b'.repeat(64);

/** The same behaviour on both engines. */
async function exercise(store: KyselyConfigVersionStore): Promise<void> {
  expect(await store.insertVersion(version(idA), audit('propose', idA))).toBe(true);
  expect(await store.insertVersion(version(idA), audit('propose', idA))).toBe(false);
  expect(await store.insertVersion(version(idB), audit('propose', idB))).toBe(true);
  expect((await store.findVersions('aaaaaaaa')).map((found) => found.id)).toEqual([idA]);

  const approval = { actor: 'oidc:sam', groups: ['safety'], at: '2025-06-01T12:00:02.000Z' };
  expect(await store.recordApproval(version(idA), approval, 'approved', audit('approve', idA))).toBe(true);
  // A second writer working from the same stale read loses.
  expect(await store.recordApproval(version(idA), approval, 'approved', audit('approve', idA))).toBe(false);

  const approved = await store.getVersion('default', 'layers', idA);
  expect(approved).toMatchObject({ status: 'approved', approvals: [approval], content: [{ id: idA }], note });
  await store.activate(approved!, audit('activate', idA));
  expect(await store.activeVersionId('default', 'layers')).toBe(idA);
  await expect(store.activate(version(idB), audit('activate', idB, idA))).rejects.toMatchObject({ code: 'DAX_E_CONFIG_NOT_APPROVED' });
  expect(await store.activeVersionId('default', 'layers')).toBe(idA);
  expect((await store.listAudit('default')).map((entry) => entry.action)).toEqual(['propose', 'propose', 'approve', 'activate']);
  expect((await store.listVersions('default')).map((entry) => entry.status).sort()).toEqual(['active', 'proposed']);

  // One look-up answers for three domains at once, active versions only.
  const idC = 'c'.repeat(64);
  const idD = 'd'.repeat(64);
  for (const [id, domain] of [[idC, 'finance'], [idD, 'hr']] as const) {
    await store.insertVersion(version(id, domain), { ...audit('propose', id), domain });
    await store.recordApproval(version(id, domain), approval, 'approved', { ...audit('approve', id), domain });
    await store.activate({ ...version(id, domain), status: 'approved' }, { ...audit('activate', id), domain });
  }
  expect(await store.activeVersionIds(['finance', 'default', '*'])).toEqual(new Map([['finance|layers', idC], ['default|layers', idA]]));
  expect(await store.activeVersionIds(['legal', 'legal', 'legal'])).toEqual(new Map());
}

describe('configuration version store', () => {
  it('on SQLite', async () => {
    const runStore = await openMemoryStore();
    try {
      await exercise(configVersionStoreFor(runStore));
    } finally {
      await runStore.close();
    }
  });

  describe('on Postgres', () => {
    const schema = `dax_config_${randomUUID().replaceAll('-', '')}`;
    const pool = new pg.Pool({ connectionString: process.env.DAX_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 2, options: `-c search_path=${schema}` });
    const database = new Kysely<ConfigVersionDatabase>({ dialect: new PostgresDialect({ pool }) });

    afterAll(async () => {
      await pool.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
      await database.destroy();
    });

    it('behaves the same', async (context) => {
      try {
        await pool.query(`create schema ${schema}`);
      } catch {
        context.skip('PostgreSQL is not reachable');
      }
      // Migration 0006 alone, in a schema of its own (the migrator's bookkeeping tables live in the default schema).
      await createConfigVersionTables.up(database as Kysely<unknown>);
      await exercise(new KyselyConfigVersionStore(database));
    });
  });
});
