import type { RunResult, RunSummary } from '@dax/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

const routine = 'Summarise the Q3 report for the team';
const gated = 'Wire 2,500 EUR to ACME';

describe('runs API', () => {
  let gateway: TestGateway;
  let acme: { authorization: string };
  let globex: { authorization: string };

  beforeAll(async () => {
    gateway = await startTestGateway({ config: { maxInputChars: 200 } });
    acme = { authorization: `Bearer ${await gateway.keyFor('acme')}` };
    globex = { authorization: `Bearer ${await gateway.keyFor('globex')}` };
  });
  afterAll(() => gateway.close());

  const post = (headers: Record<string, string>, payload: unknown) =>
    gateway.app.inject({ method: 'POST', url: '/v1/runs', headers, payload: payload as Record<string, unknown> });

  it('answers 200 with the governed result and its run id headers', async () => {
    const response = await post(acme, { input: routine, metadata: { ticket: 'T-1' } });
    expect(response.statusCode).toBe(200);
    const result = response.json<RunResult>();
    expect(result.status).toBe('approved');
    expect(result.trace).toHaveLength(14);
    expect(response.headers['x-dax-run-id']).toBe(result.runId);
    expect(response.headers['x-dax-run-status']).toBe('approved');
  });

  it('answers 202 with a Location when the run waits at the human gate', async () => {
    const response = await post(acme, { input: gated });
    expect(response.statusCode).toBe(202);
    const result = response.json<RunResult>();
    expect(result.status).toBe('awaiting_approval');
    expect(response.headers.location).toBe(`/v1/runs/${result.runId}`);
  });

  it('refuses an input beyond maxInputChars with 413 before running', async () => {
    const response = await post(acme, { input: 'a'.repeat(201) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'DAX_E_INPUT_TOO_LARGE' });
  });

  it('reads a run back, and hides it from another tenant with 404', async () => {
    const { runId } = (await post(acme, { input: routine })).json<RunResult>();
    const own = await gateway.app.inject({ method: 'GET', url: `/v1/runs/${runId}`, headers: acme });
    expect(own.statusCode).toBe(200);
    expect(own.json<RunResult>().runId).toBe(runId);
    const foreign = await gateway.app.inject({ method: 'GET', url: `/v1/runs/${runId}`, headers: globex });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'DAX_E_RUN_NOT_FOUND' });
    const foreignEvents = await gateway.app.inject({ method: 'GET', url: `/v1/runs/${runId}/events`, headers: globex });
    expect(foreignEvents.statusCode).toBe(404);
  });

  it("lists only the tenant's runs, newest first, with a cursor and a status filter", async () => {
    const tenant = { authorization: `Bearer ${await gateway.keyFor('initech')}` };
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push((await post(tenant, { input: `${routine} #${index}` })).json<RunResult>().runId);
    ids.push((await post(tenant, { input: gated })).json<RunResult>().runId);

    const first = await gateway.app.inject({ method: 'GET', url: '/v1/runs?limit=3', headers: tenant });
    const page = first.json<{ runs: RunSummary[]; nextCursor?: string }>();
    expect(page.runs.map((run) => run.runId)).toEqual([...ids].reverse().slice(0, 3));
    const second = await gateway.app.inject({ method: 'GET', url: `/v1/runs?limit=3&cursor=${page.nextCursor}`, headers: tenant });
    expect(second.json<{ runs: RunSummary[]; nextCursor?: string }>()).toEqual({ runs: [expect.objectContaining({ runId: ids[0] })] });

    const paused = await gateway.app.inject({ method: 'GET', url: '/v1/runs?status=awaiting_approval', headers: tenant });
    expect(paused.json<{ runs: RunSummary[] }>().runs.map((run) => run.runId)).toEqual([ids[3]]);

    const bad = await gateway.app.inject({ method: 'GET', url: '/v1/runs?limit=0', headers: tenant });
    expect(bad.statusCode).toBe(400);
  });

  it('lets an auditor read but not run, and refuses a caller without credentials', async () => {
    const auditor = { authorization: `Bearer ${await gateway.keyFor('acme', ['auditor'])}` };
    expect((await post(auditor, { input: routine })).statusCode).toBe(403);
    expect((await gateway.app.inject({ method: 'GET', url: '/v1/runs', headers: auditor })).statusCode).toBe(200);
    expect((await post({}, { input: routine })).statusCode).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  let gateway: TestGateway;
  let acme: { authorization: string };

  beforeAll(async () => {
    gateway = await startTestGateway();
    acme = { authorization: `Bearer ${await gateway.keyFor('acme')}` };
  });
  afterAll(() => gateway.close());

  const post = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    gateway.app.inject({ method: 'POST', url: '/v1/runs', headers, payload });

  it('replays the stored result, status included, for a repeated request', async () => {
    const headers = { ...acme, 'idempotency-key': 'order-7731' };
    const first = await post(headers, { input: gated, domain: 'default' });
    const again = await post(headers, { domain: 'default', input: gated });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<RunResult>()).toEqual(first.json<RunResult>());
    const listed = await gateway.app.inject({ method: 'GET', url: '/v1/runs', headers: acme });
    expect(listed.json<{ runs: RunSummary[] }>().runs).toHaveLength(1);
  });

  it('rejects the same key with a different body with 409', async () => {
    const headers = { ...acme, 'idempotency-key': 'order-7732' };
    expect((await post(headers, { input: routine })).statusCode).toBe(200);
    const conflict = await post(headers, { input: `${routine}, twice` });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'DAX_E_IDEMPOTENCY_CONFLICT' });
  });

  it('scopes keys to the tenant', async () => {
    const other = { authorization: `Bearer ${await gateway.keyFor('globex')}` };
    const mine = await post({ ...acme, 'idempotency-key': 'shared-key' }, { input: routine });
    const theirs = await post({ ...other, 'idempotency-key': 'shared-key' }, { input: `${routine} for globex` });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json<RunResult>().runId).not.toBe(mine.json<RunResult>().runId);
  });

  it('runs again on retry when the first run failed with a retryable error', async () => {
    const flaky = await startTestGateway({ script: { 'DA-4': { fault: 'http', status: 503, times: 3 } } });
    try {
      const headers = { authorization: `Bearer ${await flaky.keyFor('acme')}`, 'idempotency-key': 'outage-1' };
      const first = await flaky.app.inject({ method: 'POST', url: '/v1/runs', headers, payload: { input: routine } });
      expect(first.json<RunResult>()).toMatchObject({ status: 'failed', error: { code: 'DAX_E_PROVIDER_UNAVAILABLE' } });
      const retry = await flaky.app.inject({ method: 'POST', url: '/v1/runs', headers, payload: { input: routine } });
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(retry.json<RunResult>().status).toBe('approved');
      expect(retry.json<RunResult>().runId).not.toBe(first.json<RunResult>().runId);
    } finally {
      await flaky.close();
    }
  });

  it('frees the key when the run is refused after the key was claimed', async () => {
    const spent = await startTestGateway({ config: { limits: { dailyTokenBudgetPerTenant: 1 } } });
    try {
      const headers = { authorization: `Bearer ${await spent.keyFor('acme')}`, 'idempotency-key': 'retry-me' };
      const run = (payload: Record<string, unknown>) => spent.app.inject({ method: 'POST', url: '/v1/runs', headers, payload });
      expect((await spent.app.inject({ method: 'POST', url: '/v1/runs', headers: { authorization: headers.authorization }, payload: { input: routine } })).statusCode).toBe(200);
      const refused = await run({ input: routine });
      expect(refused.json()).toMatchObject({ code: 'DAX_E_BUDGET_EXHAUSTED' });
      // Not DAX_E_IDEMPOTENCY_IN_PROGRESS: the refused request left no claim behind.
      expect((await run({ input: routine })).json()).toMatchObject({ code: 'DAX_E_BUDGET_EXHAUSTED' });
    } finally {
      await spent.close();
    }
  });

  it('refuses a malformed key', async () => {
    const response = await post({ ...acme, 'idempotency-key': 'é' }, { input: routine });
    expect(response.statusCode).toBe(400);
  });
});
