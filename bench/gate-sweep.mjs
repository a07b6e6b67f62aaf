// Human gates: cost of opening a gate when a run pauses, and of the SLA sweep that
// escalates due gates (claim + transition + event per gate), on the embedded SQLite
// store (WAL, a file) against a baseline in the same process with the store in
// memory. No webhooks (delivery cost is the receiver's). Prints figures; asserts nothing.
//
//   node bench/gate-sweep.mjs [--gates 500] [--rounds 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GateService, parseRotations } from '@dax/server';
import { gateStoreFor, openMemoryStore, openSqliteStore } from '@dax/store';

const { values } = parseArgs({ options: { gates: { type: 'string', default: '500' }, rounds: { type: 'string', default: '3' } } });
const gatesPerRound = Number(values.gates);
const rounds = Number(values.rounds);

const rotations = parseRotations(
  {
    version: 1,
    defaultRotation: 'ops',
    rotations: [{ name: 'ops', timeZone: 'Europe/Berlin', members: ['role:approver'], sla: { acknowledgeSeconds: 60, decideSeconds: 3600 }, escalation: [{ members: ['key:lead'], acknowledgeSeconds: 60 }] }],
  },
  {},
);

function pausedResult(runId) {
  return {
    runId, status: 'awaiting_approval', output: '', trace: [], decision: { action: 'halt', reason: 'Human approval required: risk P1.', layer: 'DA-7' },
    risk: { grade: 'P1', gate: true, reasons: ['production change'] }, policy: { decision: 'allow', ruleIds: [] }, findings: [], domain: 'infra',
    configHash: 'sha256:bench', model: 'offline', attempts: 0, usage: { inputTokens: 0, outputTokens: 0, estimated: true },
    startedAt: '2026-03-02T09:00:00.000Z', durationMs: 1, pausedAt: 'DA-7', evidenceIds: [],
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(store, round) {
  let now = Date.parse('2026-03-02T09:00:00.000Z');
  const clock = { now: () => new Date(now), monotonicMs: () => performance.now() };
  const service = new GateService({
    gates: gateStoreFor(store), rotations, clock, owner: 'bench',
    resumeRun: () => Promise.reject(new Error('not in this benchmark')), pausedRun: () => Promise.resolve(undefined),
  });
  const openLatencies = [];
  for (let index = 0; index < gatesPerRound; index++) {
    const runId = `run_bench_${round}_${index}`;
    await store.startRun({ runId, tenant: 'bench', domain: 'infra', configHash: 'sha256:bench', inputHash: 'sha256:x', startedAt: clock.now().toISOString() });
    const result = pausedResult(runId);
    await store.finishRun(result, { version: 1 });
    const t0 = performance.now();
    await service.openForRun(result, { tenant: 'bench', caller: 'key:caller' });
    openLatencies.push(performance.now() - t0);
  }
  now += 61_000;
  const t0 = performance.now();
  let escalated = 0;
  for (;;) {
    const pass = await service.sweep(new Date(now));
    escalated += pass.escalated;
    if (pass.escalated === 0) break;
  }
  const sweepMs = performance.now() - t0;
  openLatencies.sort((a, b) => a - b);
  // Expire them so the next round's sweep only sees its own gates.
  now += 7_200_000;
  while ((await service.sweep(new Date(now))).expired > 0);
  return { openMedian: percentile(openLatencies, 50), openP99: percentile(openLatencies, 99), sweepPerGateMs: sweepMs / Math.max(1, escalated), escalated };
}

const dataDir = mkdtempSync(join(tmpdir(), 'dax-bench-gates-'));
const onDisk = await openSqliteStore({ dataDir });
const inMemory = await openMemoryStore();
const results = { inMemory: [], onDisk: [] };
for (let round = 0; round < rounds; round++) {
  results.inMemory.push(await measure(inMemory, round));
  results.onDisk.push(await measure(onDisk, round));
}
const rss = process.memoryUsage().rss / 1024 / 1024;
await onDisk.close();
await inMemory.close();
rmSync(dataDir, { recursive: true, force: true });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`human gates, ${rounds} interleaved rounds × ${gatesPerRound} gates, node ${process.version}`);
console.log('| store | open gate median ms | open gate p99 ms | sweep ms per escalated gate | gates escalated per round |');
console.log('|---|---|---|---|---|');
for (const [name, list] of [['in memory (baseline)', results.inMemory], ['embedded SQLite (WAL)', results.onDisk]]) {
  console.log(`| ${name} | ${median(list.map((r) => r.openMedian)).toFixed(3)} | ${median(list.map((r) => r.openP99)).toFixed(3)} | ${median(list.map((r) => r.sweepPerGateMs)).toFixed(3)} | ${median(list.map((r) => r.escalated))} |`);
}
console.log(`RSS after the run ${rss.toFixed(0)} MB`);
