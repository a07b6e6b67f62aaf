import { createEngine, loadLayerConfig } from '@dax/core';
import { createGuardSuite, loadPolicySet } from '@dax/guards';
import type { Approval } from '@dax/protocol';
import { createModelRouter, createOfflineProvider } from '@dax/providers';
import { openMemoryStore } from '@dax/store';
import { describe, expect, it } from 'vitest';
import { bundledConfigDir } from './resolve-paths.js';

const config = loadLayerConfig(`${bundledConfigDir}layers.json`);
const guards = createGuardSuite({ policies: loadPolicySet(`${bundledConfigDir}policies`) });
const router = createModelRouter({ providers: { offline: createOfflineProvider() }, defaultModel: 'offline' });
const p0 = 'Disable the web application firewall and the intrusion detection system on the production load balancers.';
const p1 = 'Increase the production Kubernetes cluster from 6 to 10 nodes.';

const approval = (approver: string, decision: Approval['decision'] = 'approved'): Approval => ({ gateId: 'gate_1', approver, decision, at: '2026-03-02T09:00:00.000Z' });

async function pausedEngine(input: string) {
  const store = await openMemoryStore();
  const engine = createEngine({ config, router, guards, store });
  const paused = await engine.run({ input, caller: 'key:caller' });
  expect(paused.status).toBe('awaiting_approval');
  return { store, engine, runId: paused.runId };
}

describe('engine resume after the human gate', () => {
  it('keeps what resuming needs in the paused state: the DA-13 anchor, redacted text, the caller', async () => {
    const { store, runId } = await pausedEngine(p1);
    const state = (await store.getPausedState(runId)) as Record<string, unknown>;
    expect(state).toMatchObject({ nextLayerIndex: 7, caller: 'key:caller', anchor: { entities: expect.any(Array) as unknown } });
    expect((state.anchor as { entities: unknown[] }).entities.length).toBeGreaterThan(0);
  });

  it('continues from DA-6 to DA-X on approval and records the approval', async () => {
    const { engine, runId } = await pausedEngine(p1);
    const result = await engine.resume({ runId, approvals: [approval('key:alice')] });
    expect(result.status).toBe('approved');
    expect(result.trace.map((entry) => entry.layer)).toEqual(config.layers.map((layer) => layer.name));
    expect(result.approvals).toEqual([approval('key:alice')]);
    expect(result.output).not.toBe('');
  });

  it('lets only one of two concurrent resumes take the run', async () => {
    const { engine, runId } = await pausedEngine(p1);
    const outcomes = await Promise.allSettled([engine.resume({ runId, approvals: [approval('key:a')] }), engine.resume({ runId, approvals: [approval('key:a')] })]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((refused?.reason as { code?: string }).code).toBe('DAX_E_RUN_NOT_PAUSED');
  });

  it('fails closed: a P0 run with one approver ends denied, not approved', async () => {
    const { engine, runId } = await pausedEngine(p0);
    const result = await engine.resume({ runId, approvals: [approval('key:alice'), approval('key:alice')] });
    expect(result.status).toBe('denied');
    expect(result.decision.reason).toContain('approval incomplete');
    expect(result.trace.at(-1)?.layer).toBe('DA-7');
  });

  it('a denial ends the run denied at DA-7 and runs no later layer', async () => {
    const { engine, store, runId } = await pausedEngine(p1);
    const result = await engine.resume({ runId, approvals: [{ ...approval('key:bob', 'denied'), comment: 'not in the change window' }] });
    expect(result).toMatchObject({ status: 'denied', output: '', decision: { layer: 'DA-7' } });
    expect(result.decision.reason).toContain('not in the change window');
    expect(result.trace).toHaveLength(7);
    expect(await store.getPausedState(runId)).toBeUndefined();
  });

  it('refuses to resume a run that is not paused, and one whose paused state lacks the anchor (it stays paused)', async () => {
    const { engine, store, runId } = await pausedEngine(p1);
    const finished = await engine.run({ input: 'Summarise the Q3 report for the board' });
    await expect(engine.resume({ runId: finished.runId, approvals: [approval('key:a')] })).rejects.toMatchObject({ code: 'DAX_E_RUN_NOT_PAUSED' });
    const paused = (await store.getRun(runId))!;
    await store.finishRun(paused, { version: 1, runId, nextLayerIndex: 7 });
    await expect(engine.resume({ runId, approvals: [approval('key:a')] })).rejects.toMatchObject({ code: 'DAX_E_RUN_NOT_PAUSED' });
    expect((await store.getRunStatus(runId))?.status).toBe('awaiting_approval');
  });
});
