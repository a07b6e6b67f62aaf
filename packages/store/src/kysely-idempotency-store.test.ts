import { ManualClock } from '@dax/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testEngines } from './__fixtures__/open-test-store.js';
import { idempotencyStoreFor, type KyselyIdempotencyStore } from './kysely-idempotency-store.js';
import type { KyselyRunStore } from './kysely-run-store.js';

describe.each(testEngines)('KyselyIdempotencyStore on %s', (engine) => {
  let cleanup: () => Promise<void>;
  let runStore: KyselyRunStore;
  let records: KyselyIdempotencyStore;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2025-01-01T00:00:00.000Z');
    ({ store: runStore, cleanup } = await openTestStore(engine));
    records = idempotencyStoreFor(runStore, { clock, inProgressTimeoutMs: 60_000, retentionMs: 3_600_000 });
  });
  afterEach(async () => {
    await cleanup();
  });

  it('claims a new key once, reports it in progress, then replays the completed run', async () => {
    const request = { tenant: 'acme', key: 'k-1', requestHash: 'h-1' };
    expect(await records.claim(request)).toEqual({ outcome: 'claimed' });
    expect(await records.claim(request)).toEqual({ outcome: 'in_progress' });
    await records.complete('acme', 'k-1', 'run-9', 202);
    expect(await records.claim(request)).toEqual({ outcome: 'completed', runId: 'run-9', responseStatus: 202 });
  });

  it('rejects the same key with a different body', async () => {
    await records.claim({ tenant: 'acme', key: 'k-1', requestHash: 'h-1' });
    await records.complete('acme', 'k-1', 'run-9', 200);
    expect(await records.claim({ tenant: 'acme', key: 'k-1', requestHash: 'h-2' })).toEqual({ outcome: 'conflict' });
  });

  it('scopes keys to the tenant', async () => {
    expect(await records.claim({ tenant: 'acme', key: 'k-1', requestHash: 'h-1' })).toEqual({ outcome: 'claimed' });
    expect(await records.claim({ tenant: 'globex', key: 'k-1', requestHash: 'h-2' })).toEqual({ outcome: 'claimed' });
  });

  it('frees a released claim for a retry', async () => {
    const request = { tenant: 'acme', key: 'k-1', requestHash: 'h-1' };
    await records.claim(request);
    await records.release('acme', 'k-1');
    expect(await records.claim(request)).toEqual({ outcome: 'claimed' });
  });

  it('takes over an abandoned claim and forgets completed records after retention', async () => {
    const request = { tenant: 'acme', key: 'k-1', requestHash: 'h-1' };
    await records.claim(request);
    clock.advance(60_001);
    expect(await records.claim(request)).toEqual({ outcome: 'claimed' });
    await records.complete('acme', 'k-1', 'run-1', 200);
    clock.advance(3_600_001);
    expect(await records.claim({ ...request, requestHash: 'h-other' })).toEqual({ outcome: 'claimed' });
    await records.complete('acme', 'k-1', 'run-2', 200);
    clock.advance(3_600_001);
    expect(await records.deleteExpired()).toBe(1);
  });
});
