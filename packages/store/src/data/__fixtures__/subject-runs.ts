import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent, RunResult } from '@dax/protocol';
import type { KyselyRunStore } from '../../kysely-run-store.js';
import { runEventsStoreFor } from '../../kysely-run-events-store.js';
import { sampleLayerNames, sampleRunResult, sampleRunStart, sampleTraceEntry } from '../../sample-runs.js';

/** A text only this run's subject wrote: it must never be readable from the database files. */
export const subjectSecretText = 'Ottoline Quenby-Farrowdale lighthouse ledger 7731';

function withText(result: RunResult, text: string): RunResult {
  return {
    ...result,
    output: `Final: ${text}`,
    decision: { ...result.decision, reason: `Stable after ${text}` },
    trace: result.trace.map((entry) => ({ ...entry, output: `${entry.layer}: ${text}`, reason: `because ${text}` })),
  };
}

/** Stores a finished run the way the engine and gateway do: start, 14 checkpoints, result, events. */
export async function storeRun(
  store: KyselyRunStore,
  runId: string,
  options: { tenant?: string; subjectId?: string; text: string; startedAt?: string },
): Promise<RunResult> {
  const startedAt = options.startedAt ?? '2025-01-02T03:04:05.678Z';
  await store.startRun(
    sampleRunStart(runId, {
      tenant: options.tenant ?? 'tenant-a',
      startedAt,
      ...(options.subjectId === undefined ? {} : { subjectId: options.subjectId }),
    }),
  );
  for (const [index] of sampleLayerNames.entries()) {
    const entry = sampleTraceEntry(index);
    await store.recordLayer(runId, index, { ...entry, output: `${entry.layer}: ${options.text}`, reason: `because ${options.text}` });
  }
  const result = await store.finishRun({ ...withText(sampleRunResult(runId), options.text), startedAt });
  const events: RunEvent[] = [
    { type: 'run-start', runId, seq: 1, at: startedAt, domain: 'finance', configHash: result.configHash, layers: [...sampleLayerNames] },
    { type: 'run-end', runId, seq: 2, at: startedAt, status: result.status, result },
  ];
  await runEventsStoreFor(store).appendEvents(events);
  return result;
}

/** Every byte of the SQLite database files in a data directory (main file, WAL, shared memory). */
export function databaseBytes(dataDir: string): Buffer {
  return Buffer.concat(
    ['dax.db', 'dax.db-wal', 'dax.db-shm'].map((name) => join(dataDir, name)).filter((path) => existsSync(path)).map((path) => readFileSync(path)),
  );
}
