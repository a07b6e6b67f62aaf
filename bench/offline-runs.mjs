// In-process offline runs: throughput and latency with persistence on (embedded SQLite,
// WAL) against a baseline in the same process with persistence in memory. Interleaved
// rounds so both see the same machine state. Prints figures; asserts nothing.
//
//   node bench/offline-runs.mjs [--runs 2000] [--rounds 5] [--concurrency 1] [--fixture prompts|risk]
//   (prompts.jsonl: long representative requests, ~490 characters; risk.jsonl: short ones, ~90)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDax } from '@dax/runtime';
import { openMemoryStore } from '@dax/store';
import { loadPrompts } from './load-prompts.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1' },
    fixture: { type: 'string', default: 'prompts' },
  },
});
const runsPerRound = Number(values.runs);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

const prompts = loadPrompts(values.fixture).map((prompt) => prompt.text);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(dax) {
  const latencies = new Array(runsPerRound);
  let next = 0;
  const started = performance.now();
  async function worker() {
    for (;;) {
      const index = next++;
      if (index >= runsPerRound) return;
      const t0 = performance.now();
      await dax.run(prompts[index % prompts.length]);
      latencies[index] = performance.now() - t0;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { throughput: runsPerRound / seconds, median: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'dax-bench-'));
const persisted = createDax({ dataDir });
const inMemory = createDax({ store: await openMemoryStore() });
// Warm-up: JIT, prepared statements, policy engine.
for (let index = 0; index < 200; index++) {
  await persisted.run(prompts[index % prompts.length]);
  await inMemory.run(prompts[index % prompts.length]);
}

const results = { persisted: [], inMemory: [] };
for (let round = 0; round < rounds; round++) {
  results.inMemory.push(await measure(inMemory));
  results.persisted.push(await measure(persisted));
}
const rss = process.memoryUsage().rss / 1024 / 1024;
await persisted.close();
await inMemory.close();
rmSync(dataDir, { recursive: true, force: true });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const summary = (name, list) => ({
  name,
  runsPerSecond: median(list.map((r) => r.throughput)),
  medianMs: median(list.map((r) => r.median)),
  p99Ms: median(list.map((r) => r.p99)),
});
const rows = [summary('offline, store in memory (baseline)', results.inMemory), summary('offline, embedded SQLite (WAL)', results.persisted)];
const meanChars = prompts.reduce((sum, text) => sum + text.length, 0) / prompts.length;
console.log(`offline runs, ${rounds} interleaved rounds × ${runsPerRound} runs, concurrency ${concurrency}, ${prompts.length} prompts from ${values.fixture} (mean ${meanChars.toFixed(0)} characters), node ${process.version}`);
console.log('| configuration | runs/s (median of rounds) | median ms | p99 ms |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.name} | ${row.runsPerSecond.toFixed(0)} | ${row.medianMs.toFixed(3)} | ${row.p99Ms.toFixed(3)} |`);
console.log(`persistence costs ${(100 * (1 - rows[1].runsPerSecond / rows[0].runsPerSecond)).toFixed(1)} % of throughput; RSS after the run ${rss.toFixed(0)} MB`);
