import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEventsStoreFor } from '../kysely-run-events-store.js';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { openSqliteStore } from '../open-sqlite-store.js';
import { databaseBytes, storeRun, subjectSecretText } from './__fixtures__/subject-runs.js';
import { eraseSubject } from './erase-subject.js';
import { erasureLedgerFileName } from './erasure-ledger-file.js';
import { exportSubject } from './export-subject.js';
import { subjectHash } from './subject-hash.js';

describe('eraseSubject and exportSubject', () => {
  let dataDir: string;
  let store: KyselyRunStore;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dax-erase-'));
    store = await openSqliteStore({ dataDir, env: {} });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a subject run encrypted, exports it decrypted, and after erasure leaves no trace in the database file', async () => {
    const subjectId = 'ottoline@example.org';
    const original = await storeRun(store, 'run-subject', { subjectId, text: subjectSecretText });
    await storeRun(store, 'run-other', { text: 'An ordinary note about quarterly budgets' });
    await store.compact();

    // At rest the subject's texts are ciphertext only.
    expect(databaseBytes(dataDir).includes(subjectSecretText)).toBe(false);
    expect(await store.getRun('run-subject')).toEqual(original);
    // Evidence is built from the texts before they are sealed and verifies against the decrypted run.
    expect(await store.verifyRunEvidence('run-subject')).toMatchObject({ ok: true, problems: [] });
    const events = await runEventsStoreFor(store).listEvents('run-subject', 'tenant-a');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', result: { output: `Final: ${subjectSecretText}` } });

    const exported = await exportSubject(store, 'tenant-a', subjectId);
    expect(exported.runs.map((run) => run.runId)).toEqual(['run-subject']);
    expect(exported.runs[0]?.result?.output).toBe(`Final: ${subjectSecretText}`);
    expect(exported.runs[0]?.result?.trace[0]?.output).toBe(`DA-13: ${subjectSecretText}`);
    expect((await exportSubject(store, 'tenant-b', subjectId)).runs).toEqual([]);

    const wrappedKey = (await store.database.selectFrom('runs').select('result_json').where('run_id', '=', 'run-subject').executeTakeFirstOrThrow()).result_json ?? '';
    const ciphertext = /dax-enc:v1:([A-Za-z0-9+/=]+)/.exec(wrappedKey)?.[1] ?? '';
    expect(ciphertext.length).toBeGreaterThan(20);

    const receipt = await eraseSubject(store, { tenant: 'tenant-a', subjectId, dataDir });
    expect(receipt.runIds).toEqual(['run-subject']);
    expect(receipt.subjectHash).toBe(subjectHash('tenant-a', subjectId));

    const bytes = databaseBytes(dataDir);
    expect(bytes.includes(subjectSecretText)).toBe(false);
    expect(bytes.includes(ciphertext)).toBe(false);
    expect(bytes.includes(subjectId)).toBe(false);
    expect(bytes.includes('An ordinary note about quarterly budgets')).toBe(true);

    const erased = await store.getRun('run-subject');
    expect(erased).toMatchObject({ runId: 'run-subject', status: 'approved', configHash: original.configHash, output: '[removed: erasure]' });
    // Evidence outlives the texts: signatures, inclusion and every field but the text digests still verify.
    expect(await store.verifyRunEvidence('run-subject')).toMatchObject({ ok: true, problems: [], textsRemoved: true });
    expect(await store.verifyRunEvidence('run-other')).toMatchObject({ ok: true, problems: [] });
    expect(erased?.trace.every((entry) => entry.output === '[removed: erasure]' && entry.reason === '[removed: erasure]')).toBe(true);
    expect(erased?.findings).toEqual(original.findings);
    const replay = await runEventsStoreFor(store).listEvents('run-subject', 'tenant-a');
    expect(replay.at(-1)).toMatchObject({ type: 'run-end', result: { output: '[removed: erasure]' } });
    expect((await store.getRun('run-other'))?.output).toBe('Final: An ordinary note about quarterly budgets');

    const keys = await store.database.withTables<{ subject_keys: { subject_hash: string } }>().selectFrom('subject_keys').selectAll().execute();
    expect(keys).toEqual([]);
    const tombstones = await store.database
      .withTables<{ text_tombstones: { run_id: string; scope: string; fields_json: string } }>()
      .selectFrom('text_tombstones')
      .selectAll()
      .execute();
    expect(tombstones).toMatchObject([{ run_id: 'run-subject', scope: 'erasure' }]);
    expect(JSON.parse(tombstones[0]?.fields_json ?? '[]')).toContain('output');
    expect(await readFile(join(dataDir, erasureLedgerFileName), 'utf8')).toContain(receipt.subjectHash);
    expect((await exportSubject(store, 'tenant-a', subjectId)).runs).toEqual([]);

    // A new run for the same person gets a fresh key and is readable again.
    await storeRun(store, 'run-later', { subjectId, text: 'a later request' });
    expect((await store.getRun('run-later'))?.output).toBe('Final: a later request');
  });
});
