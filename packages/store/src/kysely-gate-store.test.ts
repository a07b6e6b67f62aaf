import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { GateDatabase } from './gate-database.js';
import { KyselyGateStore, type NewGate } from './kysely-gate-store.js';
import { KyselyRunStore } from './kysely-run-store.js';
import { openMemoryStore } from './open-sqlite-store.js';
import { sampleRunStart } from './sample-runs.js';
import type { StoreDatabase } from './store-database.js';

const openedAt = '2026-03-02T09:00:00.000Z';

function newGate(runId: string): NewGate {
  return {
    gateId: `gate_${runId}`,
    runId,
    tenant: 'tenant-a',
    domain: 'finance',
    risk: 'P1',
    reason: 'Human approval required: risk P1.',
    ruleIds: ['risk.money.large-transfer'],
    rotation: 'ops',
    requiredApprovals: 1,
    caller: 'key:caller',
    openedAt,
    acknowledgeBy: '2026-03-02T09:10:00.000Z',
    decideBy: '2026-03-02T10:00:00.000Z',
  };
}

/**
 * A throw-away Postgres database (not a schema: Kysely's migrator finds its lock
 * table in any schema of the database, so schemas would share it).
 */
async function postgresDatabase(): Promise<{ database: Kysely<StoreDatabase>; drop: () => Promise<void> } | undefined> {
  const name = `dax_gates_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  await admin.query(`create database ${name}`);
  const database = new Kysely<StoreDatabase>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 5432, user: 'postgres', database: name, max: 4 }) }),
  });
  return {
    database,
    drop: async () => {
      await database.destroy();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

/** The same contract on every engine the store supports. */
function gateStoreContract(name: string, open: () => Promise<{ runs: KyselyRunStore; close: () => Promise<void> } | undefined>): void {
  describe(`gate store on ${name}`, () => {
    // One database per engine, shared by the tests (each uses its own run).
    let shared: ReturnType<typeof open> | undefined;
    afterAll(async () => {
      await (await shared)?.close();
    }, 30_000);

    async function fixture() {
      shared ??= open();
      const store = await shared;
      if (store === undefined) return undefined;
      const gates = new KyselyGateStore(store.runs.database.withTables<GateDatabase>());
      const runId = `run-${randomUUID()}`;
      await store.runs.startRun(sampleRunStart(runId));
      return { gates, runId, runs: store.runs };
    }

    it('opens a gate once, and its notifications once (outbox idempotency)', async (context) => {
      const setup = await fixture();
      if (setup === undefined) return context.skip();
      const { gates, runId } = setup;
      const notification = { id: `gate_${runId}:opened:0:hook`, transition: 'opened', target: 'hook', payload: { type: 'gate.opened' } };
      expect(await gates.openGate(newGate(runId), [notification])).toBe(true);
      expect(await gates.openGate(newGate(runId), [notification])).toBe(false);
      const gate = await gates.getGateOfRun(runId);
      expect(gate).toMatchObject({ status: 'opened', level: 0, caller: 'key:caller', ruleIds: ['risk.money.large-transfer'], resumed: false });
      expect(gate?.notifications).toHaveLength(1);
    });

    it('lets exactly one of several replicas claim a due gate and a due delivery', async (context) => {
      const setup = await fixture();
      if (setup === undefined) return context.skip();
      const { gates, runId } = setup;
      await gates.openGate(newGate(runId), [{ id: `${runId}:n`, transition: 'opened', target: 'hook', payload: {} }]);
      const now = '2026-03-02T09:11:00.000Z';
      const claimUntil = '2026-03-02T09:12:00.000Z';
      expect(await gates.claimDueGates('2026-03-02T09:05:00.000Z', 'early', claimUntil, 10)).toEqual([]);
      const claims = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => gates.claimDueGates(now, owner, claimUntil, 10)));
      expect(claims.flat().filter((gate) => gate.runId === runId)).toHaveLength(1);
      const deliveries = await Promise.all(['a', 'b', 'c'].map((owner) => gates.claimDueNotifications(now, owner, claimUntil, 10, `gate_${runId}`)));
      expect(deliveries.flat()).toHaveLength(1);
      // An expired claim can be taken over (its replica died).
      const later = await gates.claimDueGates('2026-03-02T09:13:00.000Z', 'e', '2026-03-02T09:14:00.000Z', 10);
      expect(later.filter((gate) => gate.runId === runId)).toHaveLength(1);
    });

    it('moves a gate only from the expected status and records one decision per person', async (context) => {
      const setup = await fixture();
      if (setup === undefined) return context.skip();
      const { gates, runId } = setup;
      const gateId = newGate(runId).gateId;
      await gates.openGate(newGate(runId), []);
      expect(await gates.recordDecision(gateId, { approver: 'key:a', decision: 'approved', at: openedAt })).toBe(true);
      expect(await gates.recordDecision(gateId, { approver: 'key:a', decision: 'approved', at: openedAt })).toBe(false);
      const moves = await Promise.all([1, 2].map(() => gates.transition(gateId, { from: ['opened', 'notified', 'acknowledged'], to: 'approved', at: openedAt, decided: true })));
      expect(moves.filter(Boolean)).toHaveLength(1);
      expect(await gates.transition(gateId, { from: ['opened'], to: 'denied', at: openedAt })).toBe(false);
      expect((await gates.listGates({ tenant: 'tenant-a', status: 'open', limit: 10 })).some((gate) => gate.gateId === gateId)).toBe(false);
    });

    it('numbers gate events after the run’s stored events', async (context) => {
      const setup = await fixture();
      if (setup === undefined) return context.skip();
      const { gates, runId } = setup;
      await gates.openGate(newGate(runId), []);
      const draft = { type: 'gate-opened' as const, runId, at: openedAt, gateId: `gate_${runId}`, status: 'opened' as const, actor: 'system', level: 0 };
      const [first, second] = await Promise.all([gates.appendGateEvent(draft), gates.appendGateEvent(draft)]);
      expect([first.seq, second.seq].sort()).toEqual([1, 2]);
      expect(await gates.lastEventSeq(runId)).toBe(2);
    });
  });
}

gateStoreContract('SQLite', async () => {
  const runs = await openMemoryStore();
  return { runs, close: () => runs.close() };
});

gateStoreContract('Postgres', async () => {
  const postgres = await postgresDatabase();
  if (postgres === undefined) return undefined;
  const runs = new KyselyRunStore(postgres.database);
  await runs.migrate();
  return { runs, close: postgres.drop };
});
