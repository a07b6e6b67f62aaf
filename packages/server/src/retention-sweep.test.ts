import { ManualClock } from '@dax/core';
import { openMemoryStore } from '@dax/store';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { RetentionSweep } from './retention-sweep.js';

describe('RetentionSweep', () => {
  it('removes expired texts once even when two replicas sweep the same store at the same time', async () => {
    const store = await openMemoryStore();
    try {
      await store.startRun({ runId: 'old', tenant: 't', domain: 'default', configHash: 'c', inputHash: 'i', startedAt: '2025-01-01T00:00:00.000Z' });
      const entry = { layer: 'DA-13', agent: 'Sentinel', output: 'Ask Mirela about the Lisbon lease', status: 'ok' as const, findings: [], model: 'offline', attempts: [], reruns: 0, durationMs: 1 };
      await store.recordLayer('old', 0, entry);
      await store.finishRun({
        runId: 'old', status: 'approved', output: 'done', trace: [entry], decision: { action: 'accept', reason: 'stable' },
        risk: { grade: 'P3', gate: false, reasons: [] }, policy: { decision: 'allow', ruleIds: [] }, findings: [], domain: 'default',
        configHash: 'c', model: 'offline', attempts: 1, usage: { inputTokens: 1, outputTokens: 1, estimated: true },
        startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1, evidenceIds: [],
      });
      let logged = '';
      const log = pino({ level: 'info' }, { write: (line: string) => (logged += line) });
      const clock = new ManualClock('2025-06-01T00:00:00.000Z');
      const replica = () =>
        new RetentionSweep({ store, policy: { restricted: 30, confidential: 90, internal: 365, public: null }, classOf: () => 'restricted', intervalMs: 0, clock, log });
      await Promise.all([replica().sweepOnce(), replica().sweepOnce()]);
      expect((await store.getRun('old'))?.trace[0]?.output).toBe('[removed: retention]');
      const tombstones = await store.database.withTables<{ text_tombstones: { run_id: string; scope: string } }>().selectFrom('text_tombstones').selectAll().execute();
      // One tombstone per expired class (restricted 30 d and confidential 90 d have both passed), never two for the same class.
      expect(tombstones.map((row) => row.scope).sort()).toEqual(['retention:confidential', 'retention:restricted']);
      expect(logged).toContain('retention sweep finished');
      expect(logged).not.toContain('Mirela');
    } finally {
      await store.close();
    }
  });
});
