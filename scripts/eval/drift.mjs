// Measures DA-3 drift detection against labelled fixtures (`drift.jsonl`, one
// {id, intent, output, drift, kind, why} per line) using the built package.
// Usage: npx tsc -b && node scripts/eval/drift.mjs [fixturesDir]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractAnchor } from '../../packages/guards/dist/drift/extract-anchor.js';
import { checkDrift } from '../../packages/guards/dist/drift/check-drift.js';

/**
 * Reads `<fixturesDir>/drift.jsonl`, anchors each intent, checks its output and counts agreement
 * with the label. Returns accuracy, the confusion counts and the misses.
 */
export async function evaluateDrift(fixturesDir) {
  const text = await readFile(join(fixturesDir, 'drift.jsonl'), 'utf8');
  const cases = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const misses = [];
  for (const item of cases) {
    const got = checkDrift(extractAnchor(item.intent), item.output).drift;
    const expected = item.drift === true;
    if (expected && got) tp += 1;
    else if (!expected && got) fp += 1;
    else if (!expected && !got) tn += 1;
    else fn += 1;
    if (got !== expected) misses.push({ id: item.id, expected, got, kind: item.kind });
  }
  const total = cases.length;
  return { accuracy: total === 0 ? 0 : (tp + tn) / total, tp, fp, tn, fn, misses };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const fixturesDir =
    process.argv[2] ??
    process.env.DAX_FIXTURES_DIR ??
    fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
  const result = await evaluateDrift(fixturesDir);
  console.log(
    `drift: accuracy ${result.accuracy.toFixed(3)} (tp ${result.tp}, fp ${result.fp}, tn ${result.tn}, fn ${result.fn})`,
  );
  for (const miss of result.misses) {
    console.log(
      `  miss ${miss.id}: expected ${miss.expected ? 'drift' : 'no drift'}, got ${miss.got ? 'drift' : 'no drift'} (${miss.kind})`,
    );
  }
}
