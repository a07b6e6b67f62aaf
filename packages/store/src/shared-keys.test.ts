import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519Signer, generateEd25519PrivateKeyPem } from '@dax/evidence';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTestSchema, type PostgresTestSchema } from './__fixtures__/postgres-test-schema.js';
import { openPostgresStore } from './open-postgres-store.js';
import { rejection } from './run-store-contract.js';
import { sampleRunResult, sampleRunStart } from './sample-runs.js';
import { verifyEvidenceLog } from './verify-evidence-log.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshSchema(): Promise<PostgresTestSchema> {
  const schema = await createPostgresTestSchema();
  cleanups.push(() => schema.drop());
  return schema;
}

async function dataDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'dax-shared-keys-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

async function keyFile(directory: string, name: string): Promise<{ path: string; keyId: string }> {
  const pem = generateEd25519PrivateKeyPem();
  const path = join(directory, name);
  await writeFile(path, pem, { mode: 0o600 });
  return { path, keyId: ed25519Signer(pem).keyId };
}

/** Opens a replica's store as `dax serve` does: keys from its environment and data directory. */
async function openReplica(schema: PostgresTestSchema, dataDir: string, env: Record<string, string> = {}) {
  const store = await openPostgresStore({ url: schema.url, schema: schema.schema, maxConnections: 2, dataDir, env });
  cleanups.push(() => store.close());
  return store;
}

describe('replicas of a shared Postgres store must hold the same keys', () => {
  it('replicas sharing a data directory (the same keys) open, and their runs verify on each other', async () => {
    const schema = await freshSchema();
    const dataDir = await dataDirectory();
    const first = await openReplica(schema, dataDir);
    const second = await openReplica(schema, dataDir);
    await first.startRun(sampleRunStart('run-shared'));
    await first.finishRun(sampleRunResult('run-shared'));
    expect((await second.verifyRunEvidence('run-shared')).ok).toBe(true);
  });

  it('a replica with its own generated keys is refused with DAX_E_STORE_KEY_MISMATCH and writes nothing', async () => {
    const schema = await freshSchema();
    const first = await openReplica(schema, await dataDirectory());
    const error = await rejection(openReplica(schema, await dataDirectory()));
    expect(error).toMatchObject({ code: 'DAX_E_STORE_KEY_MISMATCH' });
    expect(String((error as { detail?: string }).detail)).toContain('evidence signing key');
    // The first replica keeps working; its log has no foreign signature.
    await first.startRun(sampleRunStart('run-after'));
    await first.finishRun(sampleRunResult('run-after'));
    expect((await verifyEvidenceLog(first.evidence)).ok).toBe(true);
  });

  it('the same evidence key with another master key is refused: its data keys could not be unwrapped elsewhere', async () => {
    const schema = await freshSchema();
    const keys = await dataDirectory();
    const { path } = await keyFile(keys, 'evidence.key');
    await openReplica(schema, await dataDirectory(), { DAX_EVIDENCE_KEY_FILE: path });
    const error = await rejection(openReplica(schema, await dataDirectory(), { DAX_EVIDENCE_KEY_FILE: path }));
    expect(error).toMatchObject({ code: 'DAX_E_STORE_KEY_MISMATCH' });
    expect(String((error as { detail?: string }).detail)).toContain('master key');
  });

  it('a rotation is accepted when the replica still trusts the recorded key; the old key is then refused', async () => {
    const schema = await freshSchema();
    const keys = await dataDirectory();
    const dataDir = await dataDirectory();
    const oldKey = await keyFile(keys, 'old.key');
    const newKey = await keyFile(keys, 'new.key');
    const before = await openReplica(schema, dataDir, { DAX_EVIDENCE_KEY_FILE: oldKey.path });
    await before.close();
    // The data directory's keyring remembers the old public key, so the new key may take over.
    await openReplica(schema, dataDir, { DAX_EVIDENCE_KEY_FILE: newKey.path });
    const stale = await dataDirectory();
    // A replica still on the old key (same master key) does not trust the new one: refused.
    const masterKey = join(dataDir, 'master.key');
    const error = await rejection(openReplica(schema, stale, { DAX_EVIDENCE_KEY_FILE: oldKey.path, DAX_MASTER_KEY_FILE: masterKey }));
    expect(error).toMatchObject({ code: 'DAX_E_STORE_KEY_MISMATCH' });
    expect(String((error as { detail?: string }).detail)).toContain(newKey.keyId.slice(0, 16));
  });

  it('stores opened without keys of their own (library use, tests) are not checked', async () => {
    const schema = await freshSchema();
    const first = await openPostgresStore({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    cleanups.push(() => first.close());
    const second = await openPostgresStore({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    cleanups.push(() => second.close());
    // Each signs with its own ephemeral key; neither is refused and both write.
    for (const [store, runId] of [[first, 'run-first'], [second, 'run-second']] as const) {
      await store.startRun(sampleRunStart(runId));
      expect((await store.finishRun(sampleRunResult(runId))).evidenceIds).toHaveLength(1);
    }
  });
});
