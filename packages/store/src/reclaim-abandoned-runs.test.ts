import { ManualClock } from '@dax/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testEngines, type TestStore } from './__fixtures__/open-test-store.js';
import { sampleRunResult, sampleRunStart, sampleTraceEntry } from './sample-runs.js';

describe.each(testEngines)('run leases on %s', (engine) => {
  let opened: TestStore;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2025-01-02T03:04:05.678Z');
    opened = await openTestStore(engine, { clock, leaseTtlMs: 30_000, leaseOwner: 'replica-a' });
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  it('marks a running run held by this store and releases it when it finishes', async () => {
    const { store } = opened;
    await store.startRun(sampleRunStart('run-held'));
    const held = await store.database.selectFrom('runs').select(['lease_owner', 'lease_expires_at']).executeTakeFirstOrThrow();
    expect(held).toStrictEqual({ lease_owner: 'replica-a', lease_expires_at: '2025-01-02T03:04:35.678Z' });
    await store.finishRun(sampleRunResult('run-held'));
    const released = await store.database.selectFrom('runs').select(['lease_owner', 'lease_expires_at']).executeTakeFirstOrThrow();
    expect(released).toStrictEqual({ lease_owner: null, lease_expires_at: null });
  });

  it('fails a run whose lease expired, keeping its checkpoints, and never touches a live one', async () => {
    const { store } = opened;
    await store.startRun(sampleRunStart('run-dead'));
    await store.recordLayer('run-dead', 0, sampleTraceEntry(0));
    await store.recordLayer('run-dead', 1, sampleTraceEntry(1));
    expect(await store.reclaimAbandonedRuns()).toEqual([]);

    clock.advance(30_001);
    await store.startRun(sampleRunStart('run-live'));
    expect(await store.reclaimAbandonedRuns()).toEqual(['run-dead']);
    expect(await store.reclaimAbandonedRuns()).toEqual([]);

    const result = await store.getRun('run-dead');
    expect(result).toMatchObject({ status: 'failed', output: '', error: { code: 'DAX_E_RUN_ABANDONED', layer: 'DA-12' } });
    expect(result?.status).not.toBe('approved');
    expect(result?.trace.map((entry) => entry.layer)).toEqual(['DA-13', 'DA-12']);
    expect((await store.getRunStatus('run-live'))?.status).toBe('running');
    expect((await store.listRuns({ limit: 10, status: 'failed' })).runs.map((run) => run.runId)).toEqual(['run-dead']);

    // Its stalled owner coming back cannot turn it into an approved run.
    await expect(store.finishRun(sampleRunResult('run-dead', 'approved'))).rejects.toMatchObject({ code: 'DAX_E_RUN_ABANDONED' });
    expect((await store.getRun('run-dead'))?.status).toBe('failed');
  });

  it('reclaims a run once when two replicas sweep at the same time', async () => {
    const { store } = opened;
    for (let index = 0; index < 5; index += 1) await store.startRun(sampleRunStart(`run-${index}`));
    clock.advance(30_001);
    const sweeps = await Promise.all([store.reclaimAbandonedRuns(), store.reclaimAbandonedRuns()]);
    expect(sweeps.flat().sort()).toEqual(['run-0', 'run-1', 'run-2', 'run-3', 'run-4']);
  });
});
