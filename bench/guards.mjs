// The deterministic guards alone, per call, on the representative prompts: checkDrift against an
// anchor built once per prompt (the output is the prompt itself, as when a layer returns the text
// unchanged), extractAnchor, detectInjection, gradeRisk and a run redactor's redact. Per operation it
// prints the median and p99 µs per call, calls per second and the bytes allocated per call (heap
// growth plus what garbage collection freed, from v8.GCProfiler). With --baseline (another build's
// dist/index.js of @dax/guards) both builds run in interleaved rounds in one process, so machine
// noise hits each alike. Prints figures; asserts nothing.
//
//   npx tsc -b && node bench/guards.mjs [--rounds 5] [--passes 20] [--baseline /path/to/guards/dist/index.js]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import * as current from '@dax/guards';
import { loadPrompts } from './load-prompts.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    passes: { type: 'string', default: '20' },
    baseline: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const passes = Number(values.passes);

const prompts = loadPrompts('prompts').map((prompt) => prompt.text);

const builds = [];
if (values.baseline !== undefined) {
  builds.push({ name: 'baseline', guards: await import(pathToFileURL(resolve(values.baseline)).href) });
}
builds.push({ name: 'current', guards: current });

/** The operations, each a function of one prompt's index; anchors are built once per build. */
function operationsOf(guards) {
  const anchors = prompts.map((text) => guards.extractAnchor(text));
  return {
    checkDrift: (index) => guards.checkDrift(anchors[index], prompts[index]),
    extractAnchor: (index) => guards.extractAnchor(prompts[index]),
    detectInjection: (index) => guards.detectInjection(prompts[index]),
    gradeRisk: (index) => guards.gradeRisk(prompts[index]),
    redact: (index) => guards.createRedactor().redact(prompts[index]),
  };
}
for (const build of builds) build.operations = operationsOf(build.guards);
const operationNames = Object.keys(builds[0].operations);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** `passes` passes over every prompt: per-call latencies, wall time and bytes allocated. */
function measure(operation) {
  const calls = passes * prompts.length;
  const latencies = new Float64Array(calls);
  const profiler = new v8.GCProfiler();
  const heapBefore = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  const started = performance.now();
  let call = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (let index = 0; index < prompts.length; index++) {
      const t0 = performance.now();
      operation(index);
      latencies[call++] = performance.now() - t0;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = v8.getHeapStatistics().used_heap_size;
  const collected = profiler
    .stop()
    .statistics.reduce((sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize, 0);
  latencies.sort();
  return {
    medianUs: 1000 * percentile(latencies, 50),
    p99Us: 1000 * percentile(latencies, 99),
    callsPerSecond: calls / seconds,
    bytesPerCall: (heapAfter - heapBefore + collected) / calls,
  };
}

// Warm-up: JIT and lazily built tables.
for (const build of builds) for (const name of operationNames) for (let index = 0; index < prompts.length * 20; index++) build.operations[name](index % prompts.length);

const rssBefore = process.memoryUsage().rss;
const results = new Map(builds.map((build) => [build.name, Object.fromEntries(operationNames.map((name) => [name, []]))]));
for (let round = 0; round < rounds; round++) {
  // Alternate which build goes first, so neither always runs on a warmer or cooler machine.
  const order = round % 2 === 0 ? builds : [...builds].reverse();
  for (const name of operationNames) {
    for (const build of order) results.get(build.name)[name].push(measure(build.operations[name]));
  }
}
const rssAfter = process.memoryUsage().rss;

const meanChars = prompts.reduce((sum, text) => sum + text.length, 0) / prompts.length;
console.log(
  `guards, ${rounds} interleaved rounds × ${passes} passes over ${prompts.length} prompts (mean ${meanChars.toFixed(0)} characters), node ${process.version}`,
);
console.log('| operation | build | median µs | p99 µs | calls/s | KB allocated per call |');
console.log('|---|---|---|---|---|---|');
for (const name of operationNames) {
  for (const build of builds) {
    const list = results.get(build.name)[name];
    const summary = {
      medianUs: median(list.map((result) => result.medianUs)),
      p99Us: median(list.map((result) => result.p99Us)),
      callsPerSecond: median(list.map((result) => result.callsPerSecond)),
      bytesPerCall: median(list.map((result) => result.bytesPerCall)),
    };
    console.log(
      `| ${name} | ${build.name} | ${summary.medianUs.toFixed(1)} | ${summary.p99Us.toFixed(1)} | ${summary.callsPerSecond.toFixed(0)} | ${(summary.bytesPerCall / 1024).toFixed(1)} |`,
    );
  }
}
if (builds.length === 2) {
  // Per round, baseline time over current time: load drifts between rounds, less within one.
  console.log('current against baseline: median over rounds of the per-round ratio (higher is better for current):');
  for (const name of operationNames) {
    const before = results.get('baseline')[name];
    const after = results.get('current')[name];
    const timeRatios = before.map((result, round) => result.callsPerSecond === 0 ? 0 : after[round].callsPerSecond / result.callsPerSecond);
    const medianRatios = before.map((result, round) => result.medianUs / after[round].medianUs);
    const allocationRatios = before.map((result, round) => result.bytesPerCall / after[round].bytesPerCall);
    console.log(
      `  ${name}: ${median(timeRatios).toFixed(2)}× throughput, ${median(medianRatios).toFixed(2)}× median µs, ${median(allocationRatios).toFixed(2)}× less allocation`,
    );
  }
}
console.log(`RSS ${(rssAfter / 1024 / 1024).toFixed(0)} MB after the rounds (${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MB more than after warm-up)`);
