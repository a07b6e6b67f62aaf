import { ManualClock } from '@dax/core';
import type { RunResult } from '@dax/protocol';
import { ephemeralEvidenceSettings, openPostgresStore, verifyEvidenceLog, type EvidenceSettings } from '@dax/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTestSchema, type PostgresTestSchema } from '../../../store/src/__fixtures__/postgres-test-schema.js';
import { callApi, rotationsOf } from '../__fixtures__/gate-test-rig.js';
import { startPostgresReplica, type PostgresReplica } from '../__fixtures__/postgres-replica.js';
import { createApiKey } from '../api-key-create.js';
import type { Rotations } from './load-rotations.js';


const p1Intent = 'Increase the production Kubernetes cluster from 6 to 10 nodes.';

describe('human gates across two gateway replicas on one Postgres', () => {
  const replicas: PostgresReplica[] = [];
  let schema: PostgresTestSchema | undefined;

  afterEach(async () => {
    for (const replica of replicas.splice(0)) await replica.close();
    await schema?.drop();
  });

  async function startReplica(rotations: Rotations, evidence: EvidenceSettings, clock: ManualClock): Promise<PostgresReplica> {
    const replica = await startPostgresReplica({ schema: schema!, settings: { gates: { sweepIntervalMs: 0 } }, evidence, clock, rotations });
    replicas.push(replica);
    return replica;
  }

  it('a gate opened on one replica is approved on the other; the run completes and the shared log stays one tree', async () => {
    schema = await createPostgresTestSchema();
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    // Replicas share one signing key, as a deployment would through DAX_EVIDENCE_KEY_FILE.
    const evidence = ephemeralEvidenceSettings();
    const bootstrap = await openPostgresStore({ url: schema.url, schema: schema.schema, maxConnections: 2, evidence });
    const caller = await createApiKey(bootstrap, { tenant: 'acme', roles: ['caller'] });
    const alice = await createApiKey(bootstrap, { tenant: 'acme', roles: ['approver'] });
    const scraper = await createApiKey(bootstrap, { tenant: 'acme', roles: ['metrics'] });
    await bootstrap.close();
    const rotations = rotationsOf(
      {
        version: 1,
        defaultRotation: 'ops',
        rotations: [{ name: 'ops', timeZone: 'UTC', members: [`key:${alice.keyId}`], sla: { acknowledgeSeconds: 600, decideSeconds: 3_600 } }],
      },
      {},
    );
    const first = await startReplica(rotations, evidence, clock);
    const second = await startReplica(rotations, evidence, clock);

    const started = await callApi(first.baseUrl, caller.key, 'POST', '/v1/runs', { input: p1Intent });
    expect(started.status).toBe(202);
    const runId = started.json.runId as string;
    expect(started.json.status).toBe('awaiting_approval');

    const open = await callApi(second.baseUrl, alice.key, 'GET', '/v1/gates?status=open');
    const gate = (open.json.gates as { gateId: string; runId: string }[]).find((candidate) => candidate.runId === runId);
    expect(gate).toBeDefined();

    const approved = await callApi(second.baseUrl, alice.key, 'POST', `/v1/gates/${gate!.gateId}/approve`, { comment: 'Capacity ticket checked.' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ gate: { status: 'approved' }, run: { runId, status: 'approved' } });

    // The replica that paused the run sees it completed, with the approver on it.
    const seen = await callApi(first.baseUrl, caller.key, 'GET', `/v1/runs/${runId}`);
    const run = seen.json as unknown as RunResult;
    expect(run.status).toBe('approved');
    expect(run.approvals).toMatchObject([{ gateId: gate!.gateId, approver: `key:${alice.keyId}`, decision: 'approved' }]);
    expect(run.trace.map((entry) => entry.layer).at(-1)).toBe('DA-X');

    // The replica that resumed the run counts the gate's outcome and the run's final status.
    const scraped = await fetch(`${second.baseUrl}/metrics`, { headers: { authorization: `Bearer ${scraper.key}` } });
    const metrics = await scraped.text();
    expect(metrics).toMatch(/^dax_gate_outcomes_total\{outcome="approved"\} 1$/m);
    expect(metrics).toMatch(/^dax_runs_total\{status="approved",domain="default"\} 1$/m);

    // Both replicas appended to one log: the paused and the final envelope verify, with no fork.
    expect(run.evidenceIds.length).toBeGreaterThan(0);
    expect(await verifyEvidenceLog(first.store.evidence)).toMatchObject({ ok: true, problems: [] });
    expect(await second.store.verifyRunEvidence(runId)).toMatchObject({ ok: true, problems: [] });
  });
});
