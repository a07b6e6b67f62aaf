// Overhead of Dax against a plain proxy, measured side by side in one run:
//   (a) calls straight to a local OpenAI-compatible upstream that answers at once;
//   (b) the same calls through the open-source Portkey gateway (@portkey-ai/gateway,
//       its own process, pointed at the upstream with x-portkey-custom-host);
//   (c) governed layer calls through Dax: a fourteen-layer run on POST /v1/runs whose
//       every layer calls the upstream, divided by the upstream calls it made;
//   (d) the full run itself, persistence on (SQLite in a temp dir, or Postgres with
//       --database-url).
// Rounds interleave a, b and d so that machine noise hits every mode alike; added
// latency is the median of round medians minus the direct call's. Then autocannon
// drives each for --duration seconds at --connections for throughput, and the RSS of
// the Portkey and Dax processes is read from /proc. Prints figures, asserts nothing.
//
//   npx tsc -b && node bench/overhead.mjs [--rounds 5] [--calls 200] [--duration 5] [--connections 8] [--warmup 600]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadPrompts } from './load-prompts.mjs';
import { freePort, rssOf, startProcess, waitForHttp } from './start-process.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    calls: { type: 'string', default: '200' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '600' },
    'database-url': { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const callsPerRound = Number(values.calls);
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmupRuns = Number(values.warmup);
const runsPerRound = Math.max(10, Math.round(callsPerRound / 4));

const median = (numbers) => {
  const sorted = [...numbers].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const quantile = (numbers, q) => [...numbers].sort((left, right) => left - right)[Math.min(numbers.length - 1, Math.floor(q * numbers.length))];

// --- the processes ---------------------------------------------------------------
const upstream = await startProcess(process.execPath, [new URL('./instant-upstream.mjs', import.meta.url).pathname]);
const upstreamUrl = `http://127.0.0.1:${upstream.info.port}`;

const portkeyPort = await freePort();
const require = createRequire(import.meta.url);
const portkeyBin = join(require.resolve('@portkey-ai/gateway/package.json'), '..', 'build', 'start-server.js');
const { spawn } = await import('node:child_process');
const portkey = spawn(process.execPath, [portkeyBin, `--port=${portkeyPort}`, '--headless'], { stdio: 'ignore' });
const portkeyUrl = `http://127.0.0.1:${portkeyPort}`;
await waitForHttp(portkeyUrl);

const dataDir = mkdtempSync(join(tmpdir(), 'dax-overhead-'));
const dax = await startProcess(process.execPath, [new URL('./dax-gateway-process.mjs', import.meta.url).pathname], {
  DAX_DATA_DIR: dataDir,
  DAX_LOCAL_BASE_URL: `${upstreamUrl}/v1`,
  DAX_LOCAL_API_KEY: 'bench',
  ...(values['database-url'] === undefined ? {} : { DAX_DATABASE_URL: values['database-url'] }),
});
const daxUrl = `http://127.0.0.1:${dax.info.port}`;
// However this script ends, its helper processes end with it.
process.on('exit', () => {
  for (const child of [portkey, dax.child, upstream.child]) child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// --- the requests ----------------------------------------------------------------
const prompts = loadPrompts();
const chatBody = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: `Prior output:\n${prompts[0].text}` }] });
const direct = { url: `${upstreamUrl}/v1/chat/completions`, headers: { 'content-type': 'application/json', authorization: 'Bearer bench' }, body: () => chatBody };
const viaPortkey = {
  url: `${portkeyUrl}/v1/chat/completions`,
  headers: {
    'content-type': 'application/json',
    authorization: 'Bearer bench',
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': `${upstreamUrl}/v1`,
  },
  body: () => chatBody,
};
let next = 0;
const runBodies = prompts.map((prompt) => JSON.stringify({ input: prompt.text, ...(prompt.domain === undefined ? {} : { domain: prompt.domain }) }));
const daxRun = {
  url: `${daxUrl}/v1/runs`,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${dax.info.key}` },
  body: () => runBodies[next++ % runBodies.length],
};

async function upstreamCalls() {
  return (await (await fetch(`${upstreamUrl}/calls`)).json()).calls;
}

async function timedCalls(target, count) {
  const latencies = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body() });
    await response.arrayBuffer();
    if (response.status >= 300) throw new Error(`${target.url} answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

// Warm-up: JIT, connections, prepared statements, the policy engine. A run's code
// reaches its optimised steady state after a few hundred runs (its latency falls by
// about half over the first 300), so each mode is warmed with as many upstream calls
// as --warmup runs make, and the proxies with as many calls.
await timedCalls(direct, warmupRuns * 13);
await timedCalls(viaPortkey, warmupRuns * 13);
await timedCalls(daxRun, warmupRuns);

const roundMedians = { direct: [], portkey: [], run: [] };
const all = { direct: [], portkey: [], run: [] };
let runCalls = 0;
let runs = 0;
for (let round = 0; round < rounds; round += 1) {
  for (const [name, target, count] of [
    ['direct', direct, callsPerRound],
    ['portkey', viaPortkey, callsPerRound],
    ['run', daxRun, runsPerRound],
  ]) {
    const before = name === 'run' ? await upstreamCalls() : 0;
    const latencies = await timedCalls(target, count);
    if (name === 'run') {
      runCalls += (await upstreamCalls()) - before;
      runs += count;
    }
    roundMedians[name].push(median(latencies));
    all[name].push(...latencies);
  }
}
const layerCallsPerRun = runCalls / runs;
const directMs = median(roundMedians.direct);
const portkeyAddedMs = median(roundMedians.portkey) - directMs;
const runMs = median(roundMedians.run);
const runAddedMs = runMs - layerCallsPerRun * directMs;
const layerAddedMs = runAddedMs / layerCallsPerRun;

// --- throughput under concurrency ----------------------------------------------
async function load(target) {
  const requests = Array.from({ length: target === daxRun ? runBodies.length : 1 }, () => ({
    method: 'POST',
    headers: target.headers,
    body: target.body(),
  }));
  const before = await upstreamCalls();
  const result = await autocannon({ url: target.url, connections, duration, workers: 1, requests });
  return {
    perSecond: result.requests.average,
    upstreamPerSecond: ((await upstreamCalls()) - before) / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
const loads = { direct: await load(direct), portkey: await load(viaPortkey), run: await load(daxRun) };
const rss = { portkey: rssOf(portkey.pid), dax: rssOf(dax.child.pid) };

for (const child of [portkey, dax.child, upstream.child]) child.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

// --- report ----------------------------------------------------------------------
if (!(layerCallsPerRun > 0)) {
  console.error('overhead: the Dax runs made no upstream calls (is the upstream registered in the model policy?); no figures to report');
  process.exit(1);
}
const fixed = (value, digits = 3) => value.toFixed(digits);
console.log(
  `overhead: ${rounds} interleaved rounds × ${callsPerRound} calls (runs: ${runsPerRound}) after ${warmupRuns} warm-up runs, ` +
    `then ${duration} s × ${connections} connections; node ${process.version}; store ${values['database-url'] === undefined ? 'SQLite' : 'Postgres'}`,
);
console.log(`upstream calls per Dax run: ${fixed(layerCallsPerRun, 2)}`);
console.log('| mode | median of round medians ms | p99 ms | added ms |');
console.log('|---|---|---|---|');
console.log(`| (a) direct to upstream | ${fixed(directMs)} | ${fixed(quantile(all.direct, 0.99))} | — |`);
console.log(`| (b) through Portkey | ${fixed(median(roundMedians.portkey))} | ${fixed(quantile(all.portkey, 0.99))} | ${fixed(portkeyAddedMs)} per call |`);
console.log(`| (c) Dax, per governed layer call | — | — | ${fixed(layerAddedMs)} per layer call |`);
console.log(`| (d) Dax full run (${fixed(layerCallsPerRun, 1)} layer calls) | ${fixed(runMs)} | ${fixed(quantile(all.run, 0.99))} | ${fixed(runAddedMs)} per run |`);
console.log('');
console.log('| mode | requests/s | upstream calls/s | p50 ms | p99 ms | errors |');
console.log('|---|---|---|---|---|---|');
for (const [name, row] of Object.entries(loads)) {
  console.log(`| ${name} | ${fixed(row.perSecond, 0)} | ${fixed(row.upstreamPerSecond, 0)} | ${row.p50} | ${row.p99} | ${row.errors} |`);
}
console.log('');
console.log(`RSS after load: Portkey ${fixed(rss.portkey.rssMb, 0)} MB (peak ${fixed(rss.portkey.peakMb, 0)}), Dax ${fixed(rss.dax.rssMb, 0)} MB (peak ${fixed(rss.dax.peakMb, 0)})`);
console.log(
  `ratios: Dax layer-call added / Portkey added = ${fixed(layerAddedMs / portkeyAddedMs, 2)}; ` +
    `Dax layer calls/s / Portkey calls/s = ${fixed(loads.run.upstreamPerSecond / loads.portkey.perSecond, 2)}`,
);
