import type { PausedRunState, RunStore } from '@dax/core';
import { DaxError, runStatusSchema, type RunResult, type RunStatus, type RunSummary } from '@dax/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleLayerNames, sampleRunResult, sampleRunStart, sampleTraceEntry } from './sample-runs.js';

export interface RunStoreFixture {
  readonly store: RunStore;
  /** Closes the store and removes whatever the factory created. */
  cleanup(): Promise<void>;
}

const allStatuses: readonly RunStatus[] = runStatusSchema.options;

function pausedState(step: string): PausedRunState {
  return { version: 1, nextLayerIndex: 7, step, anchor: { entities: [{ kind: 'amount', hash: 'h1' }] } };
}

/** The value a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/**
 * The behaviour every RunStore must show, whatever engine is behind it. Each test
 * gets a fresh store from `factory`.
 */
export function describeRunStoreContract(name: string, factory: () => Promise<RunStoreFixture>): void {
  describe(`RunStore contract: ${name}`, () => {
    let fixture: RunStoreFixture;
    let store: RunStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    /** Finishes a run; the stored result may differ from the given one only in its evidence ids. */
    async function finish(result: RunResult, state?: PausedRunState): Promise<RunResult> {
      const stored = (await store.finishRun(result, state)) ?? result;
      expect({ ...stored, evidenceIds: result.evidenceIds }).toStrictEqual(result);
      return stored;
    }

    async function runToEnd(runId: string, status: RunStatus = 'approved', tenant = 'tenant-a'): Promise<void> {
      await store.startRun(sampleRunStart(runId, { tenant }));
      await store.finishRun(sampleRunResult(runId, status));
    }

    it('starts, checkpoints every layer, finishes and returns the result', async () => {
      const result = sampleRunResult('run-1');
      await store.startRun(sampleRunStart('run-1', { subjectId: 'subject-9', metadata: { channel: 'api' } }));
      for (const [index] of sampleLayerNames.entries()) {
        await store.recordLayer('run-1', index, sampleTraceEntry(index));
      }
      const stored = await finish(result);
      expect(await store.getRun('run-1')).toStrictEqual(stored);
    });

    it('does not return or list a run that is still running', async () => {
      await store.startRun(sampleRunStart('run-open'));
      await store.recordLayer('run-open', 0, sampleTraceEntry(0));
      expect(await store.getRun('run-open')).toBeUndefined();
      expect((await store.listRuns({ limit: 10 })).runs).toEqual([]);
    });

    it.each(allStatuses)('round-trips a %s result exactly', async (status) => {
      const result = sampleRunResult(`run-${status}`, status);
      await store.startRun(sampleRunStart(result.runId));
      const stored = await finish(result);
      expect(await store.getRun(result.runId)).toStrictEqual(stored);
    });

    it('keeps the paused state with a paused result and deletes it when the run finishes', async () => {
      const paused = sampleRunResult('run-gate', 'awaiting_approval');
      await store.startRun(sampleRunStart('run-gate'));
      const storedPaused = await finish(paused, pausedState('first'));
      expect(await store.getPausedState('run-gate')).toStrictEqual(pausedState('first'));
      expect(await store.getRun('run-gate')).toStrictEqual(storedPaused);

      const listed = await store.listRuns({ limit: 10, status: 'awaiting_approval' });
      expect(listed.runs).toStrictEqual([
        {
          runId: 'run-gate',
          status: 'awaiting_approval',
          domain: 'finance',
          risk: 'P1',
          startedAt: paused.startedAt,
          durationMs: paused.durationMs,
          pausedAt: paused.pausedAt,
        },
      ]);

      await store.finishRun(paused, pausedState('second'));
      expect(await store.getPausedState('run-gate')).toStrictEqual(pausedState('second'));

      const final = sampleRunResult('run-gate', 'approved');
      const storedFinal = await finish(final);
      expect(await store.getPausedState('run-gate')).toBeUndefined();
      expect(await store.getRun('run-gate')).toStrictEqual(storedFinal);
      expect((await store.listRuns({ limit: 10, status: 'awaiting_approval' })).runs).toEqual([]);
    });

    it('accepts a repeated checkpoint of the same layer', async () => {
      await store.startRun(sampleRunStart('run-retry'));
      await store.recordLayer('run-retry', 3, sampleTraceEntry(3));
      await store.recordLayer('run-retry', 3, { ...sampleTraceEntry(3), reruns: 1, output: 'second pass' });
      await store.recordLayer('run-retry', 3, { ...sampleTraceEntry(3), reruns: 1, output: 'second pass' });
      const result = sampleRunResult('run-retry');
      const stored = await finish(result);
      expect(await store.getRun('run-retry')).toStrictEqual(stored);
    });

    it('hides a run from another tenant', async () => {
      await runToEnd('run-a', 'approved', 'tenant-a');
      await runToEnd('run-b', 'approved', 'tenant-b');
      expect(await store.getRun('run-a', 'tenant-b')).toBeUndefined();
      expect((await store.getRun('run-a', 'tenant-a'))?.runId).toBe('run-a');
      expect((await store.getRun('run-a'))?.runId).toBe('run-a');

      const pageA = await store.listRuns({ limit: 10, tenant: 'tenant-a' });
      expect(pageA.runs.map((run) => run.runId)).toEqual(['run-a']);
      const pageC = await store.listRuns({ limit: 10, tenant: 'tenant-c' });
      expect(pageC).toStrictEqual({ runs: [] });
    });

    it('pages through every run exactly once, newest first', async () => {
      const ids = Array.from({ length: 23 }, (_, index) => `run-${String(index).padStart(2, '0')}`);
      for (const id of ids) await runToEnd(id);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listRuns({ limit: 5, tenant: 'tenant-a', ...(cursor ? { cursor } : {}) });
        expect(page.runs.length).toBeLessThanOrEqual(5);
        seen.push(...page.runs.map((run) => run.runId));
        cursor = page.nextCursor;
        pages += 1;
        if (pages === 2) await runToEnd('run-late');
      } while (cursor !== undefined);

      expect(pages).toBe(5);
      expect(seen).toEqual([...ids].reverse());
    });

    it('returns no cursor when the last page is exactly full', async () => {
      for (const id of ['run-1', 'run-2', 'run-3', 'run-4']) await runToEnd(id);
      const first = await store.listRuns({ limit: 2 });
      expect(first.nextCursor).toBeDefined();
      const second = await store.listRuns({ limit: 2, cursor: first.nextCursor });
      expect(second.runs.map((run) => run.runId)).toEqual(['run-2', 'run-1']);
      expect(second.nextCursor).toBeUndefined();
    });

    it('caps a page at 200 runs', async () => {
      for (let index = 0; index < 203; index += 1) await runToEnd(`run-${index}`);
      const page = await store.listRuns({ limit: 10_000 });
      expect(page.runs).toHaveLength(200);
      const rest = await store.listRuns({ limit: 10_000, cursor: page.nextCursor });
      expect(rest.runs.map((run) => run.runId)).toEqual(['run-2', 'run-1', 'run-0']);
    });

    it('filters by status, alone and with a tenant', async () => {
      await runToEnd('run-ok', 'approved', 'tenant-a');
      await runToEnd('run-denied', 'denied', 'tenant-a');
      await runToEnd('run-denied-b', 'denied', 'tenant-b');
      await runToEnd('run-halted', 'halted', 'tenant-a');

      const denied = await store.listRuns({ limit: 10, status: 'denied' });
      expect(denied.runs.map((run) => run.runId)).toEqual(['run-denied-b', 'run-denied']);
      const deniedA = await store.listRuns({ limit: 10, status: 'denied', tenant: 'tenant-a' });
      expect(deniedA.runs.map((run) => run.runId)).toEqual(['run-denied']);
      const rolledBack = await store.listRuns({ limit: 10, status: 'rolled_back' });
      expect(rolledBack.runs).toEqual([]);

      const summary: RunSummary | undefined = denied.runs[1];
      expect(summary).toStrictEqual({
        runId: 'run-denied',
        status: 'denied',
        domain: 'finance',
        risk: 'P2',
        startedAt: '2025-01-02T03:04:05.678Z',
        durationMs: 12.345,
      });
    });

    it('keeps concurrent runs apart', async () => {
      const ids = Array.from({ length: 12 }, (_, index) => `run-parallel-${index}`);
      await Promise.all(
        ids.map(async (runId, position) => {
          await store.startRun(sampleRunStart(runId, { tenant: position % 2 === 0 ? 'tenant-a' : 'tenant-b' }));
          for (const [index] of sampleLayerNames.entries()) {
            await store.recordLayer(runId, index, sampleTraceEntry(index));
          }
          await store.finishRun(sampleRunResult(runId), position % 3 === 0 ? pausedState(runId) : undefined);
        }),
      );
      const page = await store.listRuns({ limit: 50 });
      expect([...page.runs.map((run) => run.runId)].sort()).toEqual([...ids].sort());
      expect((await store.listRuns({ limit: 50, tenant: 'tenant-b' })).runs).toHaveLength(6);
      for (const [position, runId] of ids.entries()) {
        const stored = await store.getRun(runId);
        expect(stored === undefined ? undefined : { ...stored, evidenceIds: ['evidence-1'] }).toStrictEqual(sampleRunResult(runId));
        expect(await store.getPausedState(runId)).toStrictEqual(position % 3 === 0 ? pausedState(runId) : undefined);
      }
    });

    it('answers undefined for a run id it has never seen', async () => {
      expect(await store.getRun('no-such-run')).toBeUndefined();
      expect(await store.getRun('no-such-run', 'tenant-a')).toBeUndefined();
      expect(await store.getPausedState('no-such-run')).toBeUndefined();
    });

    it('refuses to start the same run id twice', async () => {
      await store.startRun(sampleRunStart('run-twice'));
      const error = await rejection(store.startRun(sampleRunStart('run-twice', { tenant: 'tenant-b' })));
      expect(DaxError.isInstance(error)).toBe(true);
      expect(await store.getRun('run-twice')).toBeUndefined();
    });

    it('refuses to finish a run that was never started', async () => {
      const error = await rejection(store.finishRun(sampleRunResult('run-ghost'), pausedState('ghost')));
      expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_RUN_NOT_FOUND');
      expect(await store.getRun('run-ghost')).toBeUndefined();
      expect(await store.getPausedState('run-ghost')).toBeUndefined();
    });

    it('rejects a malformed cursor as invalid input', async () => {
      await runToEnd('run-1');
      for (const cursor of ['not-a-cursor', '', Buffer.from('1:0').toString('base64url')]) {
        const error = await rejection(store.listRuns({ limit: 5, cursor }));
        expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_INPUT_INVALID');
      }
    });
  });
}
