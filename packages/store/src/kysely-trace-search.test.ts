import type { Finding, RunResult, RunStatus, TraceSearchFilters } from '@dax/protocol';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedViewStoreFor, type KyselySavedViewStore } from './kysely-saved-view-store.js';
import { KyselyRunStore } from './kysely-run-store.js';
import { traceSearchFor, type KyselyTraceSearch } from './kysely-trace-search.js';
import { openMemoryStore } from './open-sqlite-store.js';
import { sampleLayerNames, sampleRunResult, sampleRunStart, sampleTraceEntry } from './sample-runs.js';
import type { StoreDatabase } from './store-database.js';

interface Engine {
  readonly name: string;
  open(): Promise<{ store: KyselyRunStore; dispose(): Promise<void> }>;
}

const postgresSettings = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };

const engines: Engine[] = [
  {
    name: 'SQLite',
    open: async () => {
      const store = await openMemoryStore();
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'Postgres',
    // A database of its own: Kysely's migrator looks for its tables in every schema of a database.
    open: async () => {
      const database = `dax_trace_search_${process.pid}_${Date.now()}`;
      const admin = new pg.Client(postgresSettings);
      await admin.connect();
      await admin.query(`create database ${database}`);
      const pool = new pg.Pool({ ...postgresSettings, database, max: 4 });
      const store = new KyselyRunStore(new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) }));
      await store.migrate();
      return {
        store,
        dispose: async () => {
          await store.close();
          await admin.query(`drop database ${database}`);
          await admin.end();
        },
      };
    },
  },
];

interface Spec {
  readonly runId: string;
  readonly tenant: string;
  readonly status: RunStatus;
  readonly domain: string;
  readonly risk: 'P0' | 'P1' | 'P2' | 'P3';
  readonly model: string;
  readonly drift: boolean;
  readonly rule: string;
  readonly approval?: 'approved' | 'denied';
  readonly text: string;
  readonly startedAt: string;
}

const driftFinding: Finding = { guard: 'drift', kind: 'amount_changed', severity: 'high', message: 'An amount changed from the intent.', layer: 'DA-3' };

function resultOf(spec: Spec): RunResult {
  const base = sampleRunResult(spec.runId, spec.status);
  const trace = sampleLayerNames.map((_, index) => {
    const entry = sampleTraceEntry(index);
    const attempts = [{ provider: spec.model === 'grok-4' ? 'xai' : 'offline', model: spec.model, outcome: 'ok' as const, durationMs: 1 }];
    const findings = spec.drift && entry.layer === 'DA-3' ? [driftFinding] : [];
    return { ...entry, output: `${entry.layer}: ${spec.text}`, findings, attempts, model: spec.model };
  });
  return {
    ...base,
    trace,
    domain: spec.domain,
    model: spec.model === 'grok-4' ? 'xai:grok-4' : 'offline',
    risk: { ...base.risk, grade: spec.risk },
    policy: { decision: 'allow', ruleIds: [spec.rule] },
    findings: trace.flatMap((entry) => entry.findings),
    startedAt: spec.startedAt,
    ...(spec.approval === undefined ? {} : { approvals: [{ gateId: `gate-${spec.runId}`, approver: 'key:approver', decision: spec.approval, at: spec.startedAt }] }),
  };
}

/** 30 runs in tenant-a with every combination spread out, and mirror runs in tenant-b that match the same filters. */
function specs(): Spec[] {
  const statuses: RunStatus[] = ['approved', 'rolled_back', 'awaiting_approval', 'halted', 'denied', 'failed'];
  const all: Spec[] = [];
  for (let index = 0; index < 30; index += 1) {
    for (const tenant of ['tenant-a', 'tenant-b']) {
      const status = statuses[index % statuses.length]!;
      all.push({
        runId: `${tenant}-run-${String(index).padStart(2, '0')}`,
        tenant,
        status,
        domain: index % 3 === 0 ? 'payments' : 'finance',
        risk: (['P0', 'P1', 'P2', 'P3'] as const)[index % 4]!,
        model: index % 5 === 0 ? 'grok-4' : 'offline',
        drift: index % 2 === 1,
        rule: index % 4 === 0 ? 'payments.wire.limit' : 'base.allow-run',
        ...(index % 7 === 0 && index > 0 ? { approval: index % 14 === 0 ? ('denied' as const) : ('approved' as const) } : {}),
        text: index % 6 === 0 ? `Refund 100% of order ${index} to NORTHWIND_TRADERS` : `Summary ${index} for the board`,
        startedAt: new Date(Date.parse('2025-03-01T00:00:00.000Z') + index * 3_600_000).toISOString(),
      });
    }
  }
  return all;
}

describe.each(engines)('trace search and saved views on $name', (engine) => {
  let store: KyselyRunStore;
  let search: KyselyTraceSearch;
  let views: KyselySavedViewStore;
  let dispose: () => Promise<void>;
  const all = specs();

  beforeAll(async () => {
    const opened = await engine.open();
    store = opened.store;
    dispose = () => opened.dispose();
    search = traceSearchFor(store);
    views = savedViewStoreFor(store);
    for (const spec of all) {
      await store.startRun(sampleRunStart(spec.runId, { tenant: spec.tenant, domain: spec.domain, startedAt: spec.startedAt }));
      await store.finishRun(resultOf(spec));
    }
  }, 60_000);
  afterAll(async () => {
    await dispose();
  });

  async function everyPage(tenant: string, filters: TraceSearchFilters, limit = 4): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 50; pages += 1) {
      const page = await search.search({ tenant, filters, limit, ...(cursor === undefined ? {} : { cursor }) });
      expect(page.runs.length).toBeLessThanOrEqual(limit);
      ids.push(...page.runs.map((run) => run.runId));
      cursor = page.nextCursor;
      if (cursor === undefined) return ids;
    }
    throw new Error('too many pages');
  }

  function expected(filter: (spec: Spec) => boolean, tenant = 'tenant-a'): string[] {
    return all
      .filter((spec) => spec.tenant === tenant && filter(spec))
      .map((spec) => spec.runId)
      .reverse();
  }

  it('returns exactly the matching runs across pages, newest first, for combined filters', async () => {
    const filters: TraceSearchFilters = { domain: 'finance', layer: 'DA-3' };
    const ids = await everyPage('tenant-a', filters, 3);
    expect(ids).toEqual(expected((spec) => spec.domain === 'finance' && spec.drift));
    expect(ids.length).toBeGreaterThan(6);
  });

  it('filters by status, risk, rule id, model, gate state, time range and free text', async () => {
    expect(await everyPage('tenant-a', { status: 'rolled_back' })).toEqual(expected((spec) => spec.status === 'rolled_back'));
    expect(await everyPage('tenant-a', { risk: 'P0' })).toEqual(expected((spec) => spec.risk === 'P0'));
    expect(await everyPage('tenant-a', { ruleId: 'payments.wire.limit' })).toEqual(expected((spec) => spec.rule === 'payments.wire.limit'));
    expect(await everyPage('tenant-a', { model: 'grok-4' })).toEqual(expected((spec) => spec.model === 'grok-4'));
    expect(await everyPage('tenant-a', { model: 'xai:grok-4' })).toEqual(expected((spec) => spec.model === 'grok-4'));
    expect(await everyPage('tenant-a', { model: 'grok' })).toEqual([]);
    expect(await everyPage('tenant-a', { gateState: 'approved' })).toEqual(expected((spec) => spec.approval === 'approved'));
    expect(await everyPage('tenant-a', { gateState: 'denied' })).toEqual(expected((spec) => spec.approval === 'denied'));
    expect(await everyPage('tenant-a', { gateState: 'pending' })).toEqual(
      expected((spec) => spec.status === 'awaiting_approval' && spec.approval === undefined),
    );
    expect(await everyPage('tenant-a', { from: '2025-03-01T05:00:00.000Z', to: '2025-03-01T09:00:00+00:00' })).toEqual(
      expected((spec) => spec.startedAt >= '2025-03-01T05:00:00.000Z' && spec.startedAt < '2025-03-01T09:00:00.000Z'),
    );
    expect(await everyPage('tenant-a', { text: 'northwind_traders' })).toEqual(expected((spec) => spec.text.includes('NORTHWIND')));
    // LIKE wildcards in the text are literal: "100%" matches only the refunds, "_" is not any character.
    expect(await everyPage('tenant-a', { text: '100% of' })).toEqual(expected((spec) => spec.text.includes('100% of')));
    expect(await everyPage('tenant-a', { text: 'summary_1' })).toEqual([]);
  });

  it("never returns another tenant's runs", async () => {
    const a = await everyPage('tenant-a', {}, 7);
    const b = await everyPage('tenant-b', { text: 'northwind' }, 7);
    expect(a).toHaveLength(30);
    expect(a.every((id) => id.startsWith('tenant-a-'))).toBe(true);
    expect(b.every((id) => id.startsWith('tenant-b-'))).toBe(true);
    expect(await everyPage('tenant-c', {})).toEqual([]);
  });

  it('saves, lists, finds and deletes views per tenant; a name is unique within a tenant', async () => {
    const view = await views.create({ tenant: 'tenant-a', name: 'drift in finance', filters: { domain: 'finance', layer: 'DA-3' }, createdBy: 'key:ops' });
    expect(view.viewId).toMatch(/^view_[0-9a-f]{32}$/);
    await expect(views.create({ tenant: 'tenant-a', name: 'drift in finance', filters: {}, createdBy: 'key:ops' })).rejects.toMatchObject({
      code: 'DAX_E_VIEW_EXISTS',
    });
    await views.create({ tenant: 'tenant-b', name: 'drift in finance', filters: { status: 'failed' }, createdBy: 'key:other' });
    expect((await views.list('tenant-a')).map((saved) => saved.name)).toEqual(['drift in finance']);
    const found = await views.get('tenant-a', 'drift in finance');
    expect(found?.filters).toEqual({ domain: 'finance', layer: 'DA-3' });
    expect(await views.get('tenant-c', view.viewId)).toBeUndefined();
    expect(await everyPage('tenant-a', found!.filters, 5)).toEqual(expected((spec) => spec.domain === 'finance' && spec.drift));
    expect(await views.delete('tenant-b', view.viewId)).toBe(false);
    expect(await views.delete('tenant-a', view.viewId)).toBe(true);
    expect(await views.list('tenant-a')).toEqual([]);
    expect(await views.list('tenant-b')).toHaveLength(1);
  });
});
