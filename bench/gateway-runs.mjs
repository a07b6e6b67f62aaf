// The gateway under load: POST /v1/runs on the offline provider (authenticated with an
// API key, embedded SQLite store in a temp data dir, all fourteen layers per request)
// against GET /health as the baseline in the same process and run. The gateway runs in
// this process; autocannon fires from a worker thread so it does not share the
// gateway's event loop. Prints figures; asserts nothing.
//
//   npm run build && node bench/gateway-runs.mjs [--duration 10] [--connections 8] [--warmup 3]
//
// The per-key and per-tenant request limits, concurrency limit and token budget are
// raised far above what the run can reach, so the figures measure the pipeline, not
// the limiter (with the defaults, one key is held to 600 requests a minute).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import { loadPrompts } from './load-prompts.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '3' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);

const prompts = loadPrompts().map((prompt) => ({ input: prompt.text, ...(prompt.domain === undefined ? {} : { domain: prompt.domain }) }));

const dataDir = mkdtempSync(join(tmpdir(), 'dax-gateway-bench-'));
const unlimited = 1_000_000_000;
const config = parseGatewayConfig({
  dataDir,
  port: 0,
  provider: 'offline',
  logLevel: 'warn',
  limits: {
    requestsPerMinutePerKey: unlimited,
    requestsPerMinutePerTenant: unlimited,
    concurrentRunsPerTenant: 1_000,
    dailyTokenBudgetPerTenant: unlimited,
  },
});
const gateway = await createGateway({ config });
const url = await gateway.listen({ port: 0, host: '127.0.0.1' });
const { key } = await createApiKey(gateway.store, { tenant: 'bench', roles: ['caller'], name: 'bench' });

const runRequests = prompts.map((prompt) => ({
  method: 'POST',
  path: '/v1/runs',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  body: JSON.stringify(prompt),
}));

async function load(name, requests, seconds) {
  const result = await autocannon({ url, connections, duration: seconds, workers: 1, requests });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([status, stats]) => `${status}×${stats.count}`)
    .join(' ');
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
  };
}

const health = [{ method: 'GET', path: '/health' }];
// Warm-up: JIT, prepared statements, the policy engine.
await load('warm-up', runRequests, warmup);
const rows = [await load('GET /health (baseline)', health, duration), await load('POST /v1/runs (offline, 14 layers, SQLite)', runRequests, duration)];
await gateway.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(`gateway under autocannon: ${duration} s per row, ${connections} connections, ${prompts.length} prompts, node ${process.version}`);
console.log('| endpoint | requests/s | p50 ms | p99 ms | errors | statuses | RSS MB |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(`| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.statuses} | ${row.rssMb.toFixed(0)} |`);
}
