// Evidence log costs on the embedded SQLite store (WAL, on disk). For each run:
// startRun (one insert, the baseline) and finishRun (result, findings, signed DSSE
// envelope, leaf, signed checkpoint, one transaction); then the cost of Ed25519 signing
// alone, an inclusion proof, and `verify-log` over the whole log. Prints figures; asserts nothing.
//
//   node bench/evidence-log.mjs [--runs 2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inTotoPayloadType, signEnvelope } from '@dax/evidence';
import { openSqliteStore, runEvidenceBundle, verifyEvidenceLog } from '@dax/store';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms`;
};

const layers = Array.from({ length: 14 }, (_, index) => ({
  layer: index === 13 ? 'DA-X' : `DA-${13 - index}`,
  agent: `agent-${index}`,
  output: 'A representative layer output of a few hundred characters. '.repeat(4),
  status: 'ok',
  findings: [],
  model: 'offline:offline-1',
  attempts: [{ provider: 'offline', model: 'offline-1', outcome: 'ok', durationMs: 0.2 }],
  reruns: 0,
  durationMs: 0.3,
}));
const resultFor = (runId) => ({
  runId,
  status: 'approved',
  output: 'Pay invoice 443 of 2,500 EUR to ACME Corp.',
  trace: layers,
  decision: { action: 'accept', reason: 'All layers stable.', layer: 'DA-X' },
  risk: { grade: 'P2', gate: false, reasons: ['money movement'] },
  policy: { decision: 'allow', ruleIds: ['finance.payments.limit'] },
  findings: [],
  domain: 'finance',
  configHash: 'sha256:config',
  model: 'offline:offline-1',
  attempts: 14,
  usage: { inputTokens: 1200, outputTokens: 340, estimated: true },
  startedAt: new Date().toISOString(),
  durationMs: 12,
  evidenceIds: [],
});

const dataDir = mkdtempSync(join(tmpdir(), 'dax-bench-evidence-'));
const store = await openSqliteStore({ dataDir, env: {} });
const starts = [];
const finishes = [];
const rssBefore = process.memoryUsage().rss;
const began = performance.now();
for (let index = 0; index < runs; index++) {
  const runId = `run-${index}`;
  let t0 = performance.now();
  await store.startRun({ runId, tenant: 'acme', domain: 'finance', configHash: 'sha256:config', inputHash: 'sha256:input', startedAt: new Date().toISOString() });
  starts.push(performance.now() - t0);
  t0 = performance.now();
  await store.finishRun(resultFor(runId));
  finishes.push(performance.now() - t0);
}
const seconds = (performance.now() - began) / 1000;

const signer = store.evidence.settings.signer;
const payload = Buffer.from(JSON.stringify(resultFor('x')));
const signs = [];
for (let index = 0; index < 2000; index++) {
  const t0 = performance.now();
  await signEnvelope(signer, inTotoPayloadType, payload);
  signs.push(performance.now() - t0);
}

let t0 = performance.now();
const bundle = await runEvidenceBundle(store.evidence, `run-${Math.floor(runs / 2)}`);
const proofMs = performance.now() - t0;
t0 = performance.now();
const report = await verifyEvidenceLog(store.evidence);
const verifyMs = performance.now() - t0;

console.log(`evidence log, ${runs} runs on SQLite (WAL) in ${dataDir}`);
console.log(`  baseline startRun (one insert):       ${summary(starts)}`);
console.log(`  finishRun with envelope + checkpoint: ${summary(finishes)}`);
console.log(`  Ed25519 DSSE signing alone:           ${summary(signs)}`);
console.log(`  throughput (start + finish):          ${(runs / seconds).toFixed(0)} runs/s`);
console.log(`  inclusion proof at size ${runs}:        ${proofMs.toFixed(1)} ms (${bundle.inclusionProof.hashes.length} hashes)`);
console.log(`  verify-log over ${report.treeSize} leaves:        ${verifyMs.toFixed(0)} ms (ok: ${report.ok}, ${report.consistencyProofsChecked} consistency proofs)`);
console.log(`  RSS growth: ${((process.memoryUsage().rss - rssBefore) / 1048576).toFixed(1)} MB`);
await store.close();
rmSync(dataDir, { recursive: true, force: true });
