// Cost of data handling on the embedded store: offline runs naming a data subject (texts
// encrypted per subject) against the same runs without a subject (baseline), interleaved
// in the same process; then backup, restore and erasure times over the resulting store.
// Prints figures; asserts nothing.
//
//   node bench/data-handling.mjs [--runs 300] [--rounds 3] [--subjects 20]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDax } from '@dax/runtime';
import { backupStore, eraseSubject, loadBackupSigner, openSqliteStore, restoreStore } from '@dax/store';
import { loadPrompts } from './load-prompts.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    subjects: { type: 'string', default: '20' },
  },
});
const runsPerRound = Number(values.runs);
const rounds = Number(values.rounds);
const subjects = Number(values.subjects);
const prompts = loadPrompts('prompts').map((prompt) => prompt.text);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(dax, withSubject, round) {
  const latencies = [];
  const started = performance.now();
  for (let index = 0; index < runsPerRound; index++) {
    const t0 = performance.now();
    await dax.run({ input: prompts[index % prompts.length], ...(withSubject ? { subjectId: `subject-${(index + round) % subjects}` } : {}) });
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { throughput: runsPerRound / seconds, median: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const format = (row) => `${row.throughput.toFixed(1).padStart(8)} runs/s   p50 ${row.median.toFixed(2).padStart(7)} ms   p99 ${row.p99.toFixed(2).padStart(7)} ms`;

const dataDir = mkdtempSync(join(tmpdir(), 'dax-bench-data-'));
const restoreDir = mkdtempSync(join(tmpdir(), 'dax-bench-restore-'));
try {
  const store = await openSqliteStore({ dataDir, env: {} });
  const dax = createDax({ store });
  for (let index = 0; index < 50; index++) {
    await dax.run({ input: prompts[index % prompts.length] });
    await dax.run({ input: prompts[index % prompts.length], subjectId: 'warm-up' });
  }
  const plain = [];
  const encrypted = [];
  for (let round = 0; round < rounds; round++) {
    plain.push(await measure(dax, false, round));
    encrypted.push(await measure(dax, true, round));
  }
  const best = (rows) => rows.reduce((a, b) => (b.throughput > a.throughput ? b : a));
  console.log(`runs per round ${runsPerRound}, rounds ${rounds}, best round shown`);
  console.log(`baseline, no subject     ${format(best(plain))}`);
  console.log(`subject, texts encrypted ${format(best(encrypted))}`);
  console.log(`encryption overhead      ${(((best(plain).throughput - best(encrypted).throughput) / best(plain).throughput) * 100).toFixed(1)} % throughput`);

  const signer = loadBackupSigner(dataDir);
  let t0 = performance.now();
  const backup = await backupStore(store, signer);
  const text = JSON.stringify(backup);
  const backupMs = performance.now() - t0;
  const totalRuns = JSON.parse(backup.manifest).tables.find((table) => table.name === 'runs').rows;
  console.log(`backup                   ${backupMs.toFixed(0)} ms for ${totalRuns} runs, ${(text.length / 1_048_576).toFixed(1)} MiB`);

  t0 = performance.now();
  const receipt = await eraseSubject(store, { tenant: 'default', subjectId: 'subject-1' });
  console.log(`erase one subject        ${(performance.now() - t0).toFixed(0)} ms for ${receipt.runIds.length} runs (includes VACUUM)`);

  const target = await openSqliteStore({ dataDir: restoreDir, env: {} });
  t0 = performance.now();
  const report = await restoreStore(target, text, { trustedPublicKeysPem: [signer.publicKeyPem], erasures: [{ subjectHash: receipt.subjectHash, erasedAt: receipt.erasedAt }] });
  console.log(`restore                  ${(performance.now() - t0).toFixed(0)} ms (verify + write + re-erase ${report.reErasedRuns} runs)`);
  console.log(`rss                      ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MiB`);
  await target.close();
  await dax.close();
  await store.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(restoreDir, { recursive: true, force: true });
}
