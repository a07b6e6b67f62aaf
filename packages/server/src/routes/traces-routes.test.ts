import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

interface Page {
  runs: { runId: string; status: string; gateState: string; model: string }[];
  nextCursor?: string;
}

describe('GET /v1/traces and saved views', () => {
  let gateway: TestGateway;
  let acme = '';
  let globex = '';
  const acmeRuns: { runId: string; status: string; input: string }[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    acme = await gateway.keyFor('acme', ['caller']);
    globex = await gateway.keyFor('globex', ['caller']);
    const inputs = [
      'Summarise the Q3 report for the board',
      'Draft a thank-you note to Northwind for the offsite',
      'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today',
      'Summarise the Q4 report for the board',
      'Draft a reminder to Northwind about the contract renewal',
    ];
    for (const input of inputs) {
      const response = await gateway.app.inject({ method: 'POST', url: '/v1/runs', headers: { authorization: `Bearer ${acme}` }, payload: { input } });
      const body = response.json<{ runId: string; status: string }>();
      acmeRuns.push({ runId: body.runId, status: body.status, input });
    }
    for (const input of ['Draft a note to Northwind for globex', 'Summarise the globex report']) {
      await gateway.app.inject({ method: 'POST', url: '/v1/runs', headers: { authorization: `Bearer ${globex}` }, payload: { input } });
    }
  }, 60_000);
  afterAll(async () => {
    await gateway.close();
  });

  async function get(url: string, key = acme): Promise<{ statusCode: number; body: Page & { code?: string } }> {
    const response = await gateway.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    return { statusCode: response.statusCode, body: response.json() };
  }

  async function allPages(url: string, key = acme): Promise<string[]> {
    const ids: string[] = [];
    let next: string | undefined = url;
    while (next !== undefined) {
      const { statusCode, body } = await get(next, key);
      expect(statusCode).toBe(200);
      ids.push(...body.runs.map((run) => run.runId));
      next = body.nextCursor === undefined ? undefined : `${url}&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    return ids;
  }

  it('returns exactly the matching runs of the tenant across pages', async () => {
    const approved = await allPages('/v1/traces?status=approved&limit=2');
    expect(approved).toEqual(acmeRuns.filter((run) => run.status === 'approved').map((run) => run.runId).reverse());
    expect(approved).toHaveLength(4);
    const northwind = await allPages('/v1/traces?text=NORTHWIND&limit=1');
    expect(northwind).toEqual(acmeRuns.filter((run) => run.input.includes('Northwind')).map((run) => run.runId).reverse());
    const pending = await get('/v1/traces?gateState=pending');
    expect(pending.body.runs.map((run) => run.runId)).toEqual([acmeRuns[2]!.runId]);
    expect(pending.body.runs[0]!.model).toBe('offline:offline-1');
  });

  it("never shows another tenant's runs", async () => {
    const globexIds = await allPages('/v1/traces?limit=50', globex);
    expect(globexIds).toHaveLength(2);
    expect(globexIds.some((id) => acmeRuns.some((run) => run.runId === id))).toBe(false);
    const acmeIds = await allPages('/v1/traces?text=globex&limit=50');
    expect(acmeIds).toEqual([]);
  });

  it('refuses unknown filters and bad values with a catalogue code', async () => {
    const unknown = await get('/v1/traces?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.code).toBe('DAX_E_INPUT_INVALID');
    expect((await get('/v1/traces?risk=P9')).statusCode).toBe(400);
    expect((await get('/v1/traces?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('saves a view, lists it, re-runs its query, refuses a duplicate name and deletes it; other tenants cannot see it', async () => {
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/v1/views',
      headers: { authorization: `Bearer ${acme}` },
      payload: { name: 'northwind drafts', filters: { text: 'northwind', status: 'approved' } },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<{ viewId: string; name: string; createdBy: string }>();
    expect(view.createdBy).toMatch(/^key:/);

    const duplicate = await gateway.app.inject({
      method: 'POST',
      url: '/v1/views',
      headers: { authorization: `Bearer ${acme}` },
      payload: { name: 'northwind drafts', filters: {} },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<{ code: string }>().code).toBe('DAX_E_VIEW_EXISTS');

    const listed = await gateway.app.inject({ method: 'GET', url: '/v1/views', headers: { authorization: `Bearer ${acme}` } });
    expect(listed.json<{ views: { name: string }[] }>().views.map((saved) => saved.name)).toEqual(['northwind drafts']);

    const expected = acmeRuns.filter((run) => run.input.includes('Northwind') && run.status === 'approved').map((run) => run.runId).reverse();
    expect(await allPages(`/v1/views/${view.viewId}/runs?limit=1`)).toEqual(expected);
    expect(await allPages(`/v1/views/${encodeURIComponent('northwind drafts')}/runs?limit=5`)).toEqual(expected);

    const foreign = await get(`/v1/views/${view.viewId}/runs`, globex);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body.code).toBe('DAX_E_VIEW_NOT_FOUND');
    const foreignDelete = await gateway.app.inject({ method: 'DELETE', url: `/v1/views/${view.viewId}`, headers: { authorization: `Bearer ${globex}` } });
    expect(foreignDelete.statusCode).toBe(404);

    const deleted = await gateway.app.inject({ method: 'DELETE', url: `/v1/views/${view.viewId}`, headers: { authorization: `Bearer ${acme}` } });
    expect(deleted.statusCode).toBe(204);
    expect((await get(`/v1/views/${view.viewId}/runs`)).statusCode).toBe(404);
  });
});
