import { ManualClock } from '@dax/core';
import type { GateEvent, RunEvent, RunResult } from '@dax/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  createIdentities,
  freshDataDir,
  rotationsOf,
  startGateGateway,
  startWebhookReceiver,
  type GateRigGateway,
  type RigIdentity,
  type WebhookReceiver,
} from '../__fixtures__/gate-test-rig.js';
import { createApiKey } from '../api-key-create.js';
import { signatureHeader, timestampHeader, verifyWebhook } from './sign-webhook.js';

const p1Intent = 'Increase the production Kubernetes cluster from 6 to 10 nodes.';
const p0Intent = 'Disable the web application firewall and the intrusion detection system on the production load balancers.';
const secret = 'test-signing-secret-0123456789';

type Name = 'caller' | 'alice' | 'bob' | 'dave' | 'mallory';

describe('human gates end to end (real gateway, real webhook receiver)', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const dataDir = freshDataDir();
  let receiver: WebhookReceiver;
  let people: Record<Name, RigIdentity>;
  let gateway: GateRigGateway;
  let rotations: ReturnType<typeof rotationsOf>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    people = await createIdentities<Name>(dataDir, {
      // The caller holds the approver role and is in the rotation: only the self-approval rule stops it.
      caller: { tenant: 'acme', roles: ['caller', 'approver'] },
      alice: { tenant: 'acme', roles: ['approver'] },
      bob: { tenant: 'acme', roles: ['approver'] },
      dave: { tenant: 'acme', roles: ['approver'] },
      mallory: { tenant: 'acme', roles: ['approver'] },
    });
    rotations = rotationsOf(
      {
        version: 1,
        defaultRotation: 'ops',
        rotations: [
          {
            name: 'ops',
            timeZone: 'Europe/Berlin',
            members: [people.caller.subject, people.alice.subject, people.bob.subject],
            sla: { acknowledgeSeconds: 600, decideSeconds: 3_600 },
            escalation: [{ members: [people.dave.subject], acknowledgeSeconds: 900 }],
          },
          { name: 'security', timeZone: 'UTC', members: [people.mallory.subject], sla: { acknowledgeSeconds: 300, decideSeconds: 1_800 } },
        ],
        routing: [{ rotation: 'security', domains: ['security'] }],
        webhooks: [
          { name: 'generic', url: `${receiver.url}/generic`, format: 'generic', secretEnv: 'HOOK_SECRET', backoffMs: 1_000 },
          { name: 'slack', url: `${receiver.url}/slack`, format: 'slack', secretEnv: 'HOOK_SECRET' },
          { name: 'pager', url: `${receiver.url}/pager`, format: 'pagerduty', secretEnv: 'HOOK_SECRET', routingKeyEnv: 'PD_KEY' },
        ],
      },
      { HOOK_SECRET: secret, PD_KEY: 'pd-routing-key-1' },
    );
    gateway = await startGateGateway({ dataDir, rotations, clock });
  });

  afterAll(async () => {
    await gateway.close();
    await receiver.close();
  });

  async function startPausedRun(input: string, domain?: string): Promise<{ runId: string; gateId: string }> {
    const response = await callApi(gateway.baseUrl, people.caller.key, 'POST', '/v1/runs', { input, ...(domain === undefined ? {} : { domain }) });
    expect(response.status).toBe(202);
    const runId = response.json.runId as string;
    const gate = await gateway.app.gates.listGates('acme', 'open', 200).then((gates) => gates.find((candidate) => candidate.runId === runId));
    expect(gate).toBeDefined();
    await gateway.app.gates.settle();
    return { runId, gateId: gate!.gateId };
  }

  const deliveriesOf = (gateId: string, path: string) =>
    receiver.received.filter((delivery) => delivery.path === path && delivery.body.includes(gateId));

  async function storedEvents(runId: string): Promise<RunEvent[]> {
    return gateway.app.runEvents.listEvents(runId, 'acme');
  }

  it('P1: notifies with a valid HMAC, refuses other rotations and the caller, and an on-call member approval completes the run', async () => {
    const { runId, gateId } = await startPausedRun(p1Intent);

    const generic = deliveriesOf(gateId, '/generic');
    expect(generic).toHaveLength(1);
    const delivery = generic[0]!;
    const timestamp = String(delivery.headers[timestampHeader]);
    const signature = String(delivery.headers[signatureHeader]);
    expect(verifyWebhook(secret, { timestamp, signature, body: delivery.body }, Math.floor(clock.now().getTime() / 1000))).toBe(true);
    expect(verifyWebhook('another-secret-0123456789', { timestamp, signature, body: delivery.body }, Math.floor(clock.now().getTime() / 1000))).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'gate.opened', gate: { gateId, runId, risk: 'P1', rotation: 'ops' } });
    const slack = JSON.parse(deliveriesOf(gateId, '/slack')[0]!.body) as { text: string };
    expect(slack.text).toContain(gateId);
    const pager = JSON.parse(deliveriesOf(gateId, '/pager')[0]!.body) as Record<string, unknown>;
    expect(pager).toMatchObject({ routing_key: 'pd-routing-key-1', event_action: 'trigger', dedup_key: gateId, payload: { severity: 'error', source: 'dax-gateway' } });

    const shown = await callApi(gateway.baseUrl, people.alice.key, 'GET', `/v1/gates/${gateId}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({ status: 'notified', risk: 'P1', requiredApprovals: 1, caller: people.caller.subject });
    expect((shown.json.notifications as { status: string }[]).map((entry) => entry.status)).toEqual(['sent', 'sent', 'sent']);
    // The outbox id makes a repeated open harmless: no second notification.
    const paused = await gateway.app.dax.getRun(runId, 'acme');
    await gateway.app.gates.openForRun(paused!, { tenant: 'acme', caller: people.caller.subject });
    await gateway.app.gates.settle();
    expect(deliveriesOf(gateId, '/generic')).toHaveLength(1);

    const foreign = await callApi(gateway.baseUrl, people.mallory.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(foreign.status).toBe(403);
    expect(foreign.json.code).toBe('DAX_E_GATE_NOT_ON_CALL');
    const own = await callApi(gateway.baseUrl, people.caller.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.json.code).toBe('DAX_E_GATE_SELF_APPROVAL');

    const approved = await callApi(gateway.baseUrl, people.alice.key, 'POST', `/v1/gates/${gateId}/approve`, { comment: 'Change ticket CHG-42 checked.' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ gate: { status: 'approved' }, run: { runId, status: 'approved' } });

    const run = (await callApi(gateway.baseUrl, people.caller.key, 'GET', `/v1/runs/${runId}`)).json as unknown as RunResult;
    expect(run.status).toBe('approved');
    expect(run.trace.map((entry) => entry.layer)).toHaveLength(14);
    expect(run.approvals).toEqual([{ gateId, approver: people.alice.subject, decision: 'approved', at: clock.now().toISOString(), comment: 'Change ticket CHG-42 checked.' }]);
    const gateEntry = run.trace.find((entry) => entry.layer === 'DA-7')!;
    expect(gateEntry.findings.some((finding) => finding.kind === 'human-approved' && finding.message.includes(people.alice.subject))).toBe(true);

    const types = (await storedEvents(runId)).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['gate-opened', 'gate-notified', 'gate-approved']));
    expect(types.filter((type) => type === 'run-end')).toHaveLength(2);
    const seqs = (await storedEvents(runId)).map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    await gateway.app.gates.settle();
    expect(JSON.parse(deliveriesOf(gateId, '/pager').at(-1)!.body)).toMatchObject({ event_action: 'resolve', dedup_key: gateId });
  });

  it('routes by domain: a security gate is decided by the security rotation, not ops', async () => {
    const { runId, gateId } = await startPausedRun(p1Intent, 'security');
    const opsMember = await callApi(gateway.baseUrl, people.alice.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(opsMember.status).toBe(403);
    expect(opsMember.json.code).toBe('DAX_E_GATE_NOT_ON_CALL');
    const approved = await callApi(gateway.baseUrl, people.mallory.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(approved.json).toMatchObject({ run: { runId, status: 'approved' } });
  });

  it('P0 stays open after one approval and completes after a second, different approver', async () => {
    const { runId, gateId } = await startPausedRun(p0Intent);
    const first = await callApi(gateway.baseUrl, people.alice.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(first.status).toBe(200);
    expect(first.json.run).toBeUndefined();
    expect(first.json.gate).toMatchObject({ status: 'notified', requiredApprovals: 2 });
    expect((await gateway.app.dax.getRun(runId, 'acme'))?.status).toBe('awaiting_approval');

    const again = await callApi(gateway.baseUrl, people.alice.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('DAX_E_GATE_ALREADY_DECIDED');

    clock.advanceSeconds(60);
    const second = await callApi(gateway.baseUrl, people.bob.key, 'POST', `/v1/gates/${gateId}/approve`, { comment: 'Maintenance window confirmed.' });
    expect(second.json).toMatchObject({ gate: { status: 'approved' }, run: { runId, status: 'approved' } });
    const run = await gateway.app.dax.getRun(runId, 'acme');
    expect(run?.approvals?.map((approval) => approval.approver)).toEqual([people.alice.subject, people.bob.subject]);
    const closed = await callApi(gateway.baseUrl, people.bob.key, 'POST', `/v1/gates/${gateId}/deny`, {});
    expect(closed.json.code).toBe('DAX_E_GATE_CLOSED');
  });

  it('deny ends the run denied with the comment recorded; no layer after DA-7 runs', async () => {
    const { runId, gateId } = await startPausedRun(p1Intent);
    const denied = await callApi(gateway.baseUrl, people.bob.key, 'POST', `/v1/gates/${gateId}/deny`, { comment: 'No change ticket. Call me: bob@example.com' });
    expect(denied.json).toMatchObject({ gate: { status: 'denied' }, run: { runId, status: 'denied' } });
    const run = await gateway.app.dax.getRun(runId, 'acme');
    expect(run?.status).toBe('denied');
    expect(run?.output).toBe('');
    expect(run?.decision).toMatchObject({ layer: 'DA-7', reason: expect.stringContaining('No change ticket.') as unknown });
    expect(run?.approvals).toMatchObject([{ approver: people.bob.subject, decision: 'denied', comment: expect.stringContaining('No change ticket.') as unknown }]);
    // Personal data in a comment is redacted before it is stored anywhere.
    expect(JSON.stringify(run)).not.toContain('bob@example.com');
    expect(run?.trace.map((entry) => entry.layer)).toEqual(['DA-13', 'DA-12', 'DA-11', 'DA-10', 'DA-9', 'DA-8', 'DA-7']);
    const afterPause = (await storedEvents(runId)).filter((event) => event.type === 'layer-start').map((event) => (event as { layer: string }).layer);
    expect(afterPause).not.toContain('DA-6');
    const gate = await callApi(gateway.baseUrl, people.alice.key, 'GET', `/v1/gates/${gateId}`);
    expect(gate.json.decisions).toMatchObject([{ approver: people.bob.subject, decision: 'denied', comment: expect.stringContaining('No change ticket.') as unknown }]);
    expect(JSON.stringify(gate.json)).not.toContain('bob@example.com');
  });

  it('escalates an unacknowledged gate at the SLA, once across two replicas, and the final timeout denies the run', async () => {
    const { runId, gateId } = await startPausedRun(p1Intent);
    const replica = await startGateGateway({ dataDir, rotations, clock });
    try {
      const early = await gateway.app.gates.sweep(new Date(clock.now().getTime() + 599_000));
      expect(early.escalated).toBe(0);
      expect((await callApi(gateway.baseUrl, people.dave.key, 'POST', `/v1/gates/${gateId}/approve`, {})).json.code).toBe('DAX_E_GATE_NOT_ON_CALL');

      const at = clock.advanceSeconds(601);
      const [one, two] = await Promise.all([gateway.app.gates.sweep(at), replica.app.gates.sweep(at)]);
      expect(one.escalated + two.escalated).toBe(1);
      const escalatedGate = await gateway.app.gates.getGate(gateId, 'acme');
      expect(escalatedGate.level).toBe(1);
      await Promise.all([gateway.app.gates.settle(), replica.app.gates.settle()]);
      const escalation = deliveriesOf(gateId, '/generic').map((entry) => JSON.parse(entry.body) as { type: string; gate: { notify: string[] } });
      expect(escalation.filter((entry) => entry.type === 'gate.escalated')).toHaveLength(1);
      expect(escalation.find((entry) => entry.type === 'gate.escalated')?.gate.notify).toEqual([people.dave.subject]);

      const deadline = new Date(Date.parse(escalatedGate.decideBy) + 1_000);
      clock.advanceSeconds((deadline.getTime() - clock.now().getTime()) / 1000);
      const [three, four] = await Promise.all([gateway.app.gates.sweep(deadline), replica.app.gates.sweep(deadline)]);
      expect(three.expired + four.expired).toBe(1);
      const run = await gateway.app.dax.getRun(runId, 'acme');
      expect(run?.status).toBe('denied');
      expect(run?.approvals).toMatchObject([{ approver: 'system:sla', decision: 'denied' }]);
      expect((await gateway.app.gates.getGate(gateId, 'acme')).status).toBe('expired');
      const gateEvents = (await storedEvents(runId)).filter((event): event is GateEvent => event.type.startsWith('gate-'));
      expect(gateEvents.map((event) => event.type)).toEqual(['gate-opened', 'gate-notified', 'gate-escalated', 'gate-expired']);
    } finally {
      await replica.close();
    }
  });

  it('keeps another tenant out (404), and the sweep opens the gate of a run that paused without one', async () => {
    const { gateId } = await startPausedRun(p1Intent);
    const outsider = await createApiKey(gateway.store, { tenant: 'globex', roles: ['approver'] });
    const hidden = await callApi(gateway.baseUrl, outsider.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(hidden.status).toBe(404);
    expect(hidden.json.code).toBe('DAX_E_GATE_NOT_FOUND');

    // A run paused outside the gateway's run path (the library, or a crash before its gate opened).
    const paused = await gateway.app.dax.run({ input: p1Intent, tenant: 'acme', caller: people.caller.subject });
    expect(await gateway.app.gates.listGates('acme', 'open', 200).then((gates) => gates.some((gate) => gate.runId === paused.runId))).toBe(false);
    const pass = await gateway.app.gates.sweep(clock.now());
    expect(pass.opened).toBe(1);
    const opened = (await gateway.app.gates.listGates('acme', 'open', 200)).find((gate) => gate.runId === paused.runId);
    expect(opened).toMatchObject({ caller: people.caller.subject, rotation: 'ops' });
    const own = await callApi(gateway.baseUrl, people.caller.key, 'POST', `/v1/gates/${opened!.gateId}/deny`, {});
    expect(own.json.code).toBe('DAX_E_GATE_SELF_APPROVAL');
    await callApi(gateway.baseUrl, people.alice.key, 'POST', `/v1/gates/${opened!.gateId}/deny`, { comment: 'cleanup' });
    await callApi(gateway.baseUrl, people.alice.key, 'POST', `/v1/gates/${gateId}/deny`, { comment: 'cleanup' });
  });

  it('retries a failing webhook with backoff and records the failure on the gate until it is sent', async () => {
    await gateway.app.gates.settle();
    receiver.failNext(6);
    const { gateId } = await startPausedRun(p1Intent);
    let gate = await gateway.app.gates.getGate(gateId, 'acme');
    expect(gate.status).toBe('opened');
    expect(gate.notifications.every((entry) => entry.status === 'pending' && entry.lastError === 'HTTP 503' && entry.attempts === 1)).toBe(true);
    // Not yet due: the first retry waits backoffMs.
    expect((await gateway.app.gates.deliver(clock.now())).delivered).toBe(0);
    clock.advanceSeconds(1);
    await gateway.app.gates.deliver(clock.now());
    clock.advanceSeconds(2);
    const third = await gateway.app.gates.deliver(clock.now());
    expect(third.delivered).toBe(3);
    gate = await gateway.app.gates.getGate(gateId, 'acme');
    expect(gate.status).toBe('notified');
    expect(gate.notifications.map((entry) => [entry.status, entry.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
      ['sent', 3],
    ]);
  });

  it('survives a restart: a gate opened before the gateway stopped is approved on a new one and the run completes', async () => {
    const { runId, gateId } = await startPausedRun(p1Intent);
    await gateway.close();
    gateway = await startGateGateway({ dataDir, rotations, clock });
    const acknowledged = await callApi(gateway.baseUrl, people.bob.key, 'POST', `/v1/gates/${gateId}/ack`, {});
    expect(acknowledged.json).toMatchObject({ status: 'acknowledged', acknowledgedBy: people.bob.subject });
    const approved = await callApi(gateway.baseUrl, people.bob.key, 'POST', `/v1/gates/${gateId}/approve`, {});
    expect(approved.json).toMatchObject({ run: { runId, status: 'approved' } });
    const run = await gateway.app.dax.getRun(runId, 'acme');
    expect(run?.trace).toHaveLength(14);
    expect(run?.approvals?.[0]?.approver).toBe(people.bob.subject);
  });
});
