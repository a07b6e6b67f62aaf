import type { RunEvent } from '@dax/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testEngines } from './__fixtures__/open-test-store.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import { runEventsStoreFor, type KyselyRunEventsStore } from './kysely-run-events-store.js';
import { sampleRunResult, sampleRunStart } from './sample-runs.js';

function sampleEvents(runId: string): RunEvent[] {
  const at = '2025-01-02T03:04:05.678Z';
  return [
    { type: 'run-start', runId, seq: 1, at, domain: 'finance', configHash: 'sha256:config-0001', layers: ['DA-13', 'DA-X'] },
    { type: 'layer-start', runId, seq: 2, at, layer: 'DA-13', agent: 'Sentinel', rerun: 0 },
    { type: 'layer-end', runId, seq: 3, at, layer: 'DA-13', status: 'ok', model: 'offline', durationMs: 1, unstable: false },
    { type: 'run-end', runId, seq: 4, at, status: 'approved', result: sampleRunResult(runId) },
  ];
}

describe.each(testEngines)('KyselyRunEventsStore on %s', (engine) => {
  let cleanup: () => Promise<void>;
  let runStore: KyselyRunStore;
  let events: KyselyRunEventsStore;

  beforeEach(async () => {
    ({ store: runStore, cleanup } = await openTestStore(engine));
    events = runEventsStoreFor(runStore);
    await runStore.startRun(sampleRunStart('run-1', { tenant: 'acme' }));
  });
  afterEach(async () => {
    await cleanup();
  });

  it('stores a run stream and replays it in order, whole or after a sequence number', async () => {
    const stream = sampleEvents('run-1');
    await events.appendEvents([...stream].reverse());
    expect(await events.listEvents('run-1', 'acme')).toStrictEqual(stream);
    expect((await events.listEvents('run-1', 'acme', 2)).map((event) => event.seq)).toEqual([3, 4]);
    expect(await events.listEvents('run-1', 'acme', 4)).toEqual([]);
  });

  it("keeps a run's events from another tenant", async () => {
    await events.appendEvents(sampleEvents('run-1'));
    expect(await events.listEvents('run-1', 'other')).toEqual([]);
  });

  it('ignores events written twice', async () => {
    await events.appendEvents(sampleEvents('run-1'));
    await events.appendEvents(sampleEvents('run-1'));
    expect(await events.listEvents('run-1', 'acme')).toHaveLength(4);
  });

  it('refuses events of a run the store does not know', async () => {
    await expect(events.appendEvents(sampleEvents('run-unknown'))).rejects.toMatchObject({ code: 'DAX_E_STORE_UNAVAILABLE' });
  });
});
