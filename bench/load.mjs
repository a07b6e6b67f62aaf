// Sustained load on the gateway: POST /v1/runs at a target rate for a set time, with the
// representative prompts (../shared/fixtures/prompts.jsonl), the gateway in its own
// process. Prints p50/p99 latency, errors, the status codes seen and the gateway's RSS
// sampled every --sample seconds (flat memory is the soak criterion), then a cost
// envelope per domain: tokens per run and their estimated cost at each model's price in
// config/prices.json. Prints figures, asserts nothing.
//
//   npx tsc -b && node bench/load.mjs [--rate 50] [--duration 60] [--connections 8] [--sample 5]
//                                     [--provider offline|local] [--database-url postgres://…]
//
// A 10-minute soak: node bench/load.mjs --rate 50 --duration 600
// With --provider local, every layer calls bench/instant-upstream.mjs (an
// OpenAI-compatible server that answers at once) instead of the offline provider.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadPrompts } from './load-prompts.mjs';
import { rssOf, startProcess } from './start-process.mjs';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '8' },
    sample: { type: 'string', default: '5' },
    provider: { type: 'string', default: 'offline' },
    'database-url': { type: 'string' },
  },
});
const rate = Number(values.rate);
const duration = Number(values.duration);
const connections = Number(values.connections);
const sampleSeconds = Number(values.sample);
// The gateway's price table (the dax_estimated_cost metric uses the same); models priced at zero are left out.
const prices = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(new URL('../config/prices.json', import.meta.url), 'utf8')).models).filter(
    ([, price]) => price.inputPerMillion > 0 || price.outputPerMillion > 0,
  ),
);

const upstream = values.provider === 'local' ? await startProcess(process.execPath, [new URL('./instant-upstream.mjs', import.meta.url).pathname]) : undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'dax-load-'));
const gateway = await startProcess(process.execPath, [new URL('./dax-gateway-process.mjs', import.meta.url).pathname], {
  DAX_DATA_DIR: dataDir,
  DAX_PROVIDER: values.provider,
  ...(upstream === undefined ? {} : { DAX_LOCAL_BASE_URL: `http://127.0.0.1:${upstream.info.port}/v1`, DAX_LOCAL_API_KEY: 'bench' }),
  ...(values['database-url'] === undefined ? {} : { DAX_DATABASE_URL: values['database-url'] }),
});
const url = `http://127.0.0.1:${gateway.info.port}`;
process.on('exit', () => {
  gateway.child.kill('SIGTERM');
  upstream?.child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const headers = { authorization: `Bearer ${gateway.info.key}`, 'content-type': 'application/json' };
const prompts = loadPrompts();
const bodies = prompts.map((prompt) => JSON.stringify({ input: prompt.text, ...(prompt.domain === undefined ? {} : { domain: prompt.domain }) }));

// --- cost envelope: each prompt once, usage per domain ---------------------------------
const perDomain = new Map();
for (const [index, body] of bodies.entries()) {
  const response = await fetch(`${url}/v1/runs`, { method: 'POST', headers, body });
  const result = await response.json();
  const domain = prompts[index].domain ?? 'default';
  const entry = perDomain.get(domain) ?? { runs: 0, inputTokens: 0, outputTokens: 0, statuses: new Map() };
  entry.runs += 1;
  entry.inputTokens += result.usage?.inputTokens ?? 0;
  entry.outputTokens += result.usage?.outputTokens ?? 0;
  entry.statuses.set(result.status, (entry.statuses.get(result.status) ?? 0) + 1);
  perDomain.set(domain, entry);
}

// --- sustained load at the target rate ---------------------------------------------------
const samples = [];
const sampler = setInterval(() => samples.push(rssOf(gateway.child.pid).rssMb), sampleSeconds * 1000);
samples.push(rssOf(gateway.child.pid).rssMb);
const result = await autocannon({
  url,
  connections,
  duration,
  overallRate: rate,
  workers: 1,
  requests: bodies.map((body) => ({ method: 'POST', path: '/v1/runs', headers, body })),
});
clearInterval(sampler);
samples.push(rssOf(gateway.child.pid).rssMb);

gateway.child.kill('SIGTERM');
upstream?.child.kill('SIGTERM');
await new Promise((resolve) => gateway.child.once('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });

const statuses = Object.entries(result.statusCodeStats ?? {})
  .map(([status, stats]) => `${status}×${stats.count}`)
  .join(' ');
console.log(`load: POST /v1/runs at ${rate}/s for ${duration} s, ${connections} connections, provider ${values.provider}, ${prompts.length} prompts, node ${process.version}`);
console.log('| target/s | achieved/s | p50 ms | p99 ms | max ms | errors | statuses |');
console.log('|---|---|---|---|---|---|---|');
console.log(
  `| ${rate} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ` +
    `${result.errors + result.timeouts + result.non2xx} | ${statuses} |`,
);
const firstRss = samples[0];
const lastRss = samples.at(-1);
console.log(
  `gateway RSS MB every ${sampleSeconds} s: ${samples.map((value) => value.toFixed(0)).join(' ')} ` +
    `(min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}, last − first ${(lastRss - firstRss).toFixed(0)})`,
);
console.log('');
const models = Object.keys(prices);
console.log(`cost envelope per domain (tokens per run; estimated USD per 1,000 runs at ${models.join(' / ')})`);
console.log(`| domain | runs | input tokens/run | output tokens/run | statuses | ${models.map((model) => `$/1k runs ${model}`).join(' | ')} |`);
console.log(`|---|---|---|---|---|${models.map(() => '---').join('|')}|`);
for (const [domain, entry] of [...perDomain].sort()) {
  const input = entry.inputTokens / entry.runs;
  const output = entry.outputTokens / entry.runs;
  const costs = models.map((model) => ((1000 * (input * prices[model].inputPerMillion + output * prices[model].outputPerMillion)) / 1e6).toFixed(2));
  const seen = [...entry.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
  console.log(`| ${domain} | ${entry.runs} | ${input.toFixed(0)} | ${output.toFixed(0)} | ${seen} | ${costs.join(' | ')} |`);
}
