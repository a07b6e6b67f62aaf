import { createEngine, loadLayerConfig, type GuardSuite, type RunStore } from '@dax/core';
import { createGuardSuite, loadPolicySet } from '@dax/guards';
import { createModelRouter, createOfflineProvider } from '@dax/providers';
import { openMemoryStore } from '@dax/store';
import { describe, expect, it } from 'vitest';
import { bundledConfigDir } from './resolve-paths.js';

const config = loadLayerConfig(`${bundledConfigDir}layers.json`);
const guards = createGuardSuite({ policies: loadPolicySet(`${bundledConfigDir}policies`) });
const router = createModelRouter({ providers: { offline: createOfflineProvider() }, defaultModel: 'offline' });

/** The real guards, with one method made to throw: the fault under test. */
function breaking(method: keyof GuardSuite): GuardSuite {
  return {
    ...guards,
    [method]: () => {
      throw new Error('guard crashed on input sk-live-SECRET123');
    },
  };
}

describe('governance fails closed', () => {
  it.each<keyof GuardSuite>(['extractAnchor', 'checkDrift', 'gradeRisk', 'detectInjection', 'createRedactor', 'evaluatePolicy'])(
    'a throwing %s ends the run failed with DAX_E_GUARD_FAILED',
    async (method) => {
      const engine = createEngine({ config, router, guards: breaking(method), store: await openMemoryStore() });
      const result = await engine.run({ input: 'Summarise the Q3 report for the board' });
      expect(result.status).toBe('failed');
      expect(result.error?.code).toBe('DAX_E_GUARD_FAILED');
      expect(result.output).toBe('');
      expect(JSON.stringify(result)).not.toContain('sk-live-SECRET123');
    },
  );

  it('a store that fails mid-run ends the run failed, never approved', async () => {
    const real = await openMemoryStore();
    let checkpoints = 0;
    const flaky: RunStore = {
      startRun: (record) => real.startRun(record),
      recordLayer: (runId, index, entry) => {
        checkpoints += 1;
        return checkpoints > 3 ? Promise.reject(new Error('disk full')) : real.recordLayer(runId, index, entry);
      },
      finishRun: (result, paused) => real.finishRun(result, paused),
      getRun: (runId, tenant) => real.getRun(runId, tenant),
      listRuns: (query) => real.listRuns(query),
      getPausedState: (runId) => real.getPausedState(runId),
      close: () => real.close(),
    };
    const engine = createEngine({ config, router, guards, store: flaky });
    const result = await engine.run({ input: 'Summarise the Q3 report for the board' });
    expect(result.status).toBe('failed');
    expect(result.trace).toHaveLength(4);
    expect((await real.getRun(result.runId))?.status).toBe('failed');
  });

  it('a cancelled run ends failed with DAX_E_RUN_ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    const engine = createEngine({ config, router, guards, store: await openMemoryStore() });
    const result = await engine.run({ input: 'Summarise the Q3 report', signal: controller.signal });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_RUN_ABORTED');
  });
});
