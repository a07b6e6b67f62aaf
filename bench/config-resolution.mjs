// Cost of picking each run's configuration from the store (the domain's active
// version, with the model policy applied) against a baseline engine holding one fixed
// configuration, in the same process, interleaved rounds. Also times resolve() alone.
// Prints figures; asserts nothing.
//
//   node bench/config-resolution.mjs [--runs 1000] [--rounds 5] [--resolves 20000]
import { parseArgs } from 'node:util';
import { createConfigGovernance, createEngine, createVersionedConfigSource, loadLayerConfig, loadModelPolicy, parseLayerConfig } from '@dax/core';
import { createGuardSuite, loadPolicySet } from '@dax/guards';
import { createModelRouter, createOfflineProvider, enforceModelPolicy } from '@dax/providers';
import { configVersionStoreFor, openMemoryStore } from '@dax/store';
import { loadPrompts } from './load-prompts.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '5' }, resolves: { type: 'string', default: '20000' } },
});
const runsPerRound = Number(values.runs);
const rounds = Number(values.rounds);
const resolves = Number(values.resolves);
const prompts = loadPrompts('prompts').map((prompt) => prompt.text);
const configDir = new URL('../config/', import.meta.url).pathname;

const config = loadLayerConfig(`${configDir}layers.json`);
const modelPolicy = loadModelPolicy(`${configDir}models.json`);
const guards = createGuardSuite({ policies: loadPolicySet(`${configDir}policies`) });
const router = enforceModelPolicy(createModelRouter({ providers: { offline: createOfflineProvider() }, defaultModel: 'offline' }));

const store = await openMemoryStore();
const versions = configVersionStoreFor(store);
const governance = createConfigGovernance({ store: versions, validate: (_kind, _domain, content) => parseLayerConfig(content).layers });
const changed = config.layers.map((layer) => (layer.name === 'DA-1' ? { ...layer, prompt: `${layer.prompt} Keep it short.` } : layer));
const note = { whatChanged: 'DA-1', why: 'benchmark', rollback: 'rollback' };
const version = await governance.propose({ domain: 'default', kind: 'layers', content: changed, note, actor: 'bench:a' });
await governance.approve({ versionId: version.id, actor: 'bench:s', groups: ['safety'] });
await governance.approve({ versionId: version.id, actor: 'bench:p', groups: ['platform'] });
await governance.activate({ versionId: version.id, actor: 'bench:r' });

const source = createVersionedConfigSource({ store: versions, bootstrapLayers: () => config, bootstrapModelPolicy: modelPolicy });
const fixed = createEngine({ config: { ...config, modelPolicy }, router, guards, store });
const versioned = createEngine({ config, configSource: source, router, guards, store });

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measureRuns(engine) {
  const latencies = [];
  const started = performance.now();
  for (let index = 0; index < runsPerRound; index++) {
    const t0 = performance.now();
    await engine.run({ input: prompts[index % prompts.length] });
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { throughput: runsPerRound / seconds, median: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function measureResolve(resolve) {
  const latencies = [];
  for (let index = 0; index < resolves; index++) {
    const t0 = performance.now();
    await resolve();
    latencies.push((performance.now() - t0) * 1000);
  }
  latencies.sort((a, b) => a - b);
  return { median: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

for (let index = 0; index < 200; index++) {
  await fixed.run({ input: prompts[index % prompts.length] });
  await versioned.run({ input: prompts[index % prompts.length] });
}
const results = { fixed: [], versioned: [] };
for (let round = 0; round < rounds; round++) {
  results.fixed.push(await measureRuns(fixed));
  results.versioned.push(await measureRuns(versioned));
}
const resolveBaseline = await measureResolve(() => Promise.resolve(config));
const resolveStore = await measureResolve(() => source.resolve('default'));
const rss = process.memoryUsage().rss / 1024 / 1024;
await store.close();

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const row = (name, list) =>
  `${name.padEnd(44)} ${median(list.map((r) => r.throughput)).toFixed(1).padStart(8)} runs/s  median ${median(list.map((r) => r.median)).toFixed(3)} ms  p99 ${median(list.map((r) => r.p99)).toFixed(3)} ms`;
console.log(`config resolution, ${rounds} interleaved rounds × ${runsPerRound} offline runs (store in memory), node ${process.version}`);
console.log(row('fixed configuration (baseline)', results.fixed));
console.log(row('active version per run from the store', results.versioned));
console.log(`resolve() alone, ${resolves} calls: baseline median ${resolveBaseline.median.toFixed(2)} µs p99 ${resolveBaseline.p99.toFixed(2)} µs; store median ${resolveStore.median.toFixed(2)} µs p99 ${resolveStore.p99.toFixed(2)} µs`);
console.log(`rss ${rss.toFixed(0)} MB`);
