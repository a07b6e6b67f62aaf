// The cost of observability on the gateway's hot path: POST /v1/runs (offline provider,
// 14 layers, SQLite in a temp data dir) under autocannon with
//   off      metrics off, no tracing (no OpenTelemetry SDK started)
//   metrics  Prometheus metrics on (the default), no tracing
//   tracing  metrics on + tracing exporting OTLP/HTTP JSON to a local sink process
// Configurations are interleaved over --rounds so machine noise hits each alike; the
// median is printed with its difference from `off`. The observation work itself is also
// timed directly (CPU time inside observeRun per run, against the mean run time), which
// is steadier than throughput on a shared machine. Prints figures; asserts nothing.
//
//   npm run build && node bench/observability-cost.mjs [--duration 8] [--connections 8] [--rounds 3] [--warmup 2]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import { loadPrompts } from './load-prompts.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
const prompts = loadPrompts().map((prompt) => ({ input: prompt.text, ...(prompt.domain === undefined ? {} : { domain: prompt.domain }) }));

// The OTLP sink runs in its own process, as a collector would, so it does not share the gateway's event loop.
const sinkSource = `
  let requests = 0, bytes = 0;
  const server = require('node:http').createServer((request, response) => {
    request.on('data', (chunk) => (bytes += chunk.length));
    request.on('end', () => { requests += 1; response.writeHead(200, { 'content-type': 'application/json' }).end('{}'); });
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', () => process.send({ requests, bytes }));
`;
const sinkDir = mkdtempSync(join(tmpdir(), 'dax-otlp-sink-'));
const sinkFile = join(sinkDir, 'sink.cjs');
(await import('node:fs')).writeFileSync(sinkFile, sinkSource);
const sink = fork(sinkFile, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const sinkPort = await new Promise((resolve) => sink.once('message', (message) => resolve(message.port)));
const sinkStats = () => new Promise((resolve) => { sink.once('message', resolve); sink.send('stats'); });

const unlimited = 1_000_000_000;
const configurations = [
  { name: 'off', metrics: false, env: {} },
  { name: 'metrics', metrics: true, env: {} },
  { name: 'tracing', metrics: true, env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}` } },
];

async function measure(configuration) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dax-observability-bench-'));
  const config = parseGatewayConfig({
    dataDir,
    port: 0,
    provider: 'offline',
    logLevel: 'warn',
    observability: { metrics: configuration.metrics },
    limits: { requestsPerMinutePerKey: unlimited, requestsPerMinutePerTenant: unlimited, concurrentRunsPerTenant: 1_000, dailyTokenBudgetPerTenant: unlimited },
  });
  const gateway = await createGateway({ config, env: configuration.env });
  const url = await gateway.listen({ port: 0, host: '127.0.0.1' });
  const { key } = await createApiKey(gateway.store, { tenant: 'bench', roles: ['caller'], name: 'bench' });
  const requests = prompts.map((prompt) => ({
    method: 'POST',
    path: '/v1/runs',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(prompt),
  }));
  // Time the observation work itself.
  const observability = gateway.observability;
  const observeRun = observability.observeRun.bind(observability);
  let observedNs = 0n;
  let observed = 0;
  observability.observeRun = (...args) => {
    const started = process.hrtime.bigint();
    observeRun(...args);
    observedNs += process.hrtime.bigint() - started;
    observed += 1;
  };
  await autocannon({ url, connections, duration: warmup, workers: 1, requests });
  observedNs = 0n;
  observed = 0;
  const loopBefore = performance.eventLoopUtilization();
  const result = await autocannon({ url, connections, duration, workers: 1, requests });
  const loop = performance.eventLoopUtilization(loopBefore);
  await observability.flush();
  await gateway.close();
  rmSync(dataDir, { recursive: true, force: true });
  const runsPerSecond = result.requests.average;
  return {
    runsPerSecond,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    observeMicros: observed === 0 ? 0 : Number(observedNs / BigInt(observed)) / 1000,
    // Event-loop busy time per run: the gateway's CPU cost of one run, whatever the machine's load.
    loopMsPerRun: loop.active / Math.max(result.requests.total, 1),
  };
}

const samples = new Map(configurations.map((configuration) => [configuration.name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const configuration of configurations) samples.get(configuration.name).push(await measure(configuration));
}
const { requests: exports, bytes } = await sinkStats();
sink.kill();
rmSync(sinkDir, { recursive: true, force: true });

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const baseline = median(samples.get('off').map((sample) => sample.runsPerSecond));
console.log(`observability cost: ${rounds} interleaved rounds × ${duration} s, ${connections} connections, ${prompts.length} prompts, node ${process.version}`);
const baselineLoop = median(samples.get('off').map((sample) => sample.loopMsPerRun));
console.log('| configuration | runs/s (median) | runs/s each round | vs off | event-loop ms/run | vs off | observeRun µs/run | p50 ms | p99 ms | errors |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const configuration of configurations) {
  const rows = samples.get(configuration.name);
  const throughput = median(rows.map((row) => row.runsPerSecond));
  const change = configuration.name === 'off' ? '—' : `${(((throughput - baseline) / baseline) * 100).toFixed(1)} %`;
  const loopMs = median(rows.map((row) => row.loopMsPerRun));
  const loopChange = configuration.name === 'off' ? '—' : `+${(((loopMs - baselineLoop) / baselineLoop) * 100).toFixed(1)} %`;
  console.log(
    `| ${configuration.name} | ${throughput.toFixed(0)} | ${rows.map((row) => row.runsPerSecond.toFixed(0)).join(' / ')} | ${change} | ${loopMs.toFixed(2)} | ${loopChange} | ${median(rows.map((row) => row.observeMicros)).toFixed(1)} | ${median(rows.map((row) => row.p50))} | ${median(rows.map((row) => row.p99))} | ${rows.reduce((sum, row) => sum + row.errors, 0)} |`,
  );
}
console.log(`OTLP sink received ${exports} exports, ${(bytes / 1024 / 1024).toFixed(1)} MB of span JSON`);
