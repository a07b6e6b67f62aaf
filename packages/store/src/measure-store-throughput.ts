import type { RunStore } from '@dax/core';
import { sampleLayerNames, sampleRunResult, sampleRunStart, sampleTraceEntry } from './sample-runs.js';

export interface StoreThroughput {
  readonly runs: number;
  readonly seconds: number;
  readonly runsPerSecond: number;
}

/**
 * Drives a store the way the engine does (start, one checkpoint per layer,
 * finish) for `runs` sequential runs and reports the rate. A measuring aid for
 * operators and benchmarks, not a test.
 */
export async function measureStoreThroughput(
  store: RunStore,
  runs: number,
  prefix = 'bench',
): Promise<StoreThroughput> {
  const entries = sampleLayerNames.map((_, index) => sampleTraceEntry(index));
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) {
    const runId = `${prefix}-${run}`;
    await store.startRun(sampleRunStart(runId));
    for (const [index, entry] of entries.entries()) await store.recordLayer(runId, index, entry);
    await store.finishRun(sampleRunResult(runId));
  }
  const seconds = (performance.now() - started) / 1000;
  return { runs, seconds, runsPerSecond: runs / seconds };
}
