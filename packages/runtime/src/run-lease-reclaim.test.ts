import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openRunStore, verifyEvidenceLog } from '@dax/store';
import { createDax } from './create-dax.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTestSchema } from '../../store/src/__fixtures__/postgres-test-schema.js';

const childScript = fileURLToPath(new URL('./__fixtures__/run-until-killed.mjs', import.meta.url));
const leaseTtlMs = 600;

interface ChildEvent {
  readonly type: string;
  readonly runId?: string;
  readonly layer?: string;
}

/** Resolves with the first event line that matches. */
function waitForEvent(child: ChildProcess, wanted: (event: ChildEvent) => boolean): Promise<ChildEvent> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const event = JSON.parse(line) as ChildEvent;
      if (wanted(event)) {
        lines.close();
        resolve(event);
      }
    });
    child.once('exit', (code) => reject(new Error(`the run process exited early (${String(code)})`)));
  });
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['sqlite', 'postgres'] as const)('a process killed mid-run (%s)', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('leaves no run in `running`: another process fails it DAX_E_RUN_ABANDONED once its lease lapsed', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dax-lease-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const scriptPath = join(directory, 'slow.json');
    await writeFile(scriptPath, JSON.stringify({ 'DA-6': { fault: 'slow', delayMs: 120_000 } }));
    let databaseUrl: string | undefined;
    if (engine === 'postgres') {
      const schema = await createPostgresTestSchema();
      cleanups.push(() => schema.drop());
      databaseUrl = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
    }
    const env = {
      PATH: process.env.PATH,
      DAX_DATA_DIR: join(directory, 'data'),
      DAX_PROVIDER: `scripted:${scriptPath}`,
      DAX_RUN_LEASE_TTL_MS: String(leaseTtlMs),
      ...(databaseUrl === undefined ? {} : { DAX_DATABASE_URL: databaseUrl }),
    };

    // A finished run before the crash leaves a signed checkpoint to hold the log to afterwards.
    const before = createDax({ env: { ...env, DAX_PROVIDER: 'offline' }, dataDir: env.DAX_DATA_DIR });
    expect((await before.run('Summarise the Q3 report for the board')).status).toBe('approved');
    await before.close();
    const checkpointBefore = await openRunStore({ databaseUrl, dataDir: env.DAX_DATA_DIR, env, leaseTtlMs }).then(async (store) => {
      const checkpoint = await store.evidence.latestCheckpoint();
      await store.close();
      return checkpoint!.note;
    });

    const child = spawn(process.execPath, [childScript], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return Promise.resolve();
    });
    const started = await waitForEvent(child, (event) => event.type === 'layer-start' && event.layer === 'DA-6');
    const runId = started.runId!;

    const reclaimer = await openRunStore({ databaseUrl, dataDir: env.DAX_DATA_DIR, env, leaseTtlMs });
    cleanups.push(() => reclaimer.close());

    // Alive but waiting on a slow layer: the heartbeat keeps the lease, nothing is reclaimed.
    await sleep(leaseTtlMs * 2);
    expect(await reclaimer.reclaimAbandonedRuns()).toEqual([]);
    expect((await reclaimer.getRunStatus(runId))?.status).toBe('running');

    const gone = exited(child);
    child.kill('SIGKILL');
    expect(await gone).toBe('SIGKILL');
    await sleep(leaseTtlMs + 200);

    expect(await reclaimer.reclaimAbandonedRuns()).toEqual([runId]);
    const result = await reclaimer.getRun(runId);
    expect(result?.status).toBe('failed');
    expect(result?.error?.code).toBe('DAX_E_RUN_ABANDONED');
    expect(result?.trace.map((entry) => entry.layer)).toEqual(['DA-13', 'DA-12', 'DA-11', 'DA-10', 'DA-9', 'DA-8', 'DA-7']);
    expect((await reclaimer.getRunStatus(runId))?.status).toBe('failed');

    // The failed state is signed into the same log, which is consistent with the checkpoint from before the crash.
    expect(result?.evidenceIds.length).toBe(1);
    expect(await reclaimer.verifyRunEvidence(runId)).toMatchObject({ ok: true, problems: [] });
    expect(await verifyEvidenceLog(reclaimer.evidence, { knownCheckpoint: checkpointBefore })).toMatchObject({ ok: true, problems: [] });
  });
});
