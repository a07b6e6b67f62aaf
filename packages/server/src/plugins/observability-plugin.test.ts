import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

/** Sample value of one series in a Prometheus text exposition, or undefined. */
function sampleOf(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const driftScript = {
  'DA-6': { output: '1. Confirm the $25,000 catering budget for the Northwind offsite' },
  'DA-9': { fault: 'http', status: 503, times: 1 },
};

describe('observability plugin: /metrics', () => {
  let gateway: TestGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('counts runs, drift, rollbacks, gates, provider attempts and retries, tokens and HTTP requests', async () => {
    const pricesFile = join(mkdtempSync(join(tmpdir(), 'dax-prices-')), 'prices.json');
    writeFileSync(pricesFile, JSON.stringify({ currency: 'EUR', models: { 'scripted-1': { inputPerMillion: 2, outputPerMillion: 8 } } }));
    gateway = await startTestGateway({ script: driftScript, config: { observability: { pricesFile } } });
    const caller = await gateway.keyFor('acme', ['caller']);
    const scraper = await gateway.keyFor('acme', ['metrics']);
    const post = (input: string) =>
      gateway!.app.inject({ method: 'POST', url: '/v1/runs', headers: { authorization: `Bearer ${caller}` }, payload: { input } });
    const drifted = await post('Draft a note confirming the $2,500 catering budget for the Northwind offsite');
    expect(drifted.json<{ status: string }>().status).toBe('rolled_back');
    const gated = await post('Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today');
    expect(gated.statusCode).toBe(202);

    const refused = await gateway.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${caller}` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('DAX_E_FORBIDDEN');
    const anonymous = await gateway.app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);

    const scraped = await gateway.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${scraper}` } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toContain('text/plain');
    const text = scraped.body;
    expect(sampleOf(text, 'dax_runs_total{status="rolled_back",domain="default"}')).toBe(1);
    expect(sampleOf(text, 'dax_runs_total{status="awaiting_approval",domain="default"}')).toBe(1);
    expect(sampleOf(text, 'dax_gates_opened_total{domain="default"}')).toBe(1);
    expect(sampleOf(text, 'dax_rollbacks_total{layer="DA-6"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^dax_drift_detections_total\{layer="DA-6",kind="[a-z_]+"\} [1-9]/m);
    expect(sampleOf(text, 'dax_provider_requests_total{provider="scripted",model="scripted-1",outcome="error"}')).toBe(1);
    expect(sampleOf(text, 'dax_provider_retries_total{provider="scripted",model="scripted-1"}')).toBe(1);
    expect(sampleOf(text, 'dax_layer_duration_seconds_count{layer="DA-13",status="ok"}')).toBe(2);
    expect(sampleOf(text, 'dax_tokens_total{domain="default",model="scripted:scripted-1",direction="input"}')).toBeGreaterThan(0);
    const input = sampleOf(text, 'dax_tokens_total{domain="default",model="scripted:scripted-1",direction="input"}') ?? 0;
    const output = sampleOf(text, 'dax_tokens_total{domain="default",model="scripted:scripted-1",direction="output"}') ?? 0;
    // The price table names the model without its provider: 2 and 8 EUR per million tokens.
    expect(sampleOf(text, 'dax_estimated_cost_total{domain="default",model="scripted:scripted-1",currency="EUR"}')).toBeCloseTo((input * 2 + output * 8) / 1e6, 9);
    expect(sampleOf(text, 'dax_http_requests_total{method="POST",route="/v1/runs",status_code="202"}')).toBe(1);
    expect(sampleOf(text, 'dax_http_requests_total{method="GET",route="/metrics",status_code="403"}')).toBe(1);
    // The gateway's own registry only: no default process metrics from prom-client's global one.
    expect(text).not.toContain('process_cpu_user_seconds_total');
  });

  it('serves metrics on a separate port when metricsPort is set, and not on the API port', async () => {
    gateway = await startTestGateway({ config: { observability: { metricsPort: 0 } }, listen: true });
    const admin = await gateway.keyFor('acme', ['admin']);
    const run = await fetch(`${gateway.baseUrl}/v1/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'Summarise the Q3 report for the board' }),
    });
    expect(run.status).toBe(200);
    const onApiPort = await fetch(`${gateway.baseUrl}/metrics`, { headers: { authorization: `Bearer ${admin}` } });
    expect(onApiPort.status).toBe(404);
    const url = gateway.app.metricsUrl;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scraped = await fetch(url!);
    expect(scraped.status).toBe(200);
    expect(sampleOf(await scraped.text(), 'dax_runs_total{status="approved",domain="default"}')).toBe(1);
  });

  it('exposes nothing when metrics are turned off', async () => {
    gateway = await startTestGateway({ config: { observability: { metrics: false } } });
    const admin = await gateway.keyFor('acme', ['admin']);
    const scraped = await gateway.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${admin}` } });
    expect(scraped.statusCode).toBe(404);
    expect(gateway.app.observability.metrics).toBeUndefined();
  });
});
