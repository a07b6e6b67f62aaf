// Measures PII and secret detection against labelled fixtures (`pii.jsonl`).
// Usage: node scripts/eval/pii.mjs [fixturesDir]   (build first: npx tsc -b)
// Reports counts, recall and precision per type; misses name the fixture id and type, never the value.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectPii } from '../../packages/guards/dist/pii/detect-pii.js';

const surroundingPunctuation = /^[\s.,;:!?'"`()[\]{}<>]+|[\s.,;:!?'"`()[\]{}<>]+$/g;

function comparable(value) {
  return value.replace(surroundingPunctuation, '');
}

function ratio(numerator, denominator) {
  return denominator === 0 ? 1 : numerator / denominator;
}

function counterFor(perType, type) {
  perType[type] ??= { tp: 0, fp: 0, fn: 0, recall: 1, precision: 1 };
  return perType[type];
}

async function readCases(fixturesDir) {
  const content = await readFile(join(fixturesDir, 'pii.jsonl'), 'utf8');
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/**
 * Runs detectPii over `<fixturesDir>/pii.jsonl`. A prediction matches a label when the types are
 * equal and the values are equal after trimming surrounding punctuation; each label matches once.
 */
export async function evaluatePii(fixturesDir) {
  const cases = await readCases(fixturesDir);
  const perType = {};
  const misses = [];
  for (const testCase of cases) {
    const unmatched = testCase.spans.map((span) => ({ type: span.type, value: comparable(span.value) }));
    for (const predicted of detectPii(testCase.text)) {
      const value = comparable(predicted.value);
      const index = unmatched.findIndex((label) => label.type === predicted.type && label.value === value);
      if (index === -1) {
        counterFor(perType, predicted.type).fp += 1;
        misses.push({ id: testCase.id, type: predicted.type, kind: 'fp' });
      } else {
        counterFor(perType, predicted.type).tp += 1;
        unmatched.splice(index, 1);
      }
    }
    for (const label of unmatched) {
      counterFor(perType, label.type).fn += 1;
      misses.push({ id: testCase.id, type: label.type, kind: 'fn' });
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const counts of Object.values(perType)) {
    counts.recall = ratio(counts.tp, counts.tp + counts.fn);
    counts.precision = ratio(counts.tp, counts.tp + counts.fp);
    tp += counts.tp;
    fp += counts.fp;
    fn += counts.fn;
  }
  return { perType, overall: { recall: ratio(tp, tp + fn), precision: ratio(tp, tp + fp) }, misses };
}

function printTable(result) {
  const rows = Object.entries(result.perType).sort(([left], [right]) => left.localeCompare(right));
  const format = (number) => number.toFixed(3);
  console.log(['type'.padEnd(16), 'tp'.padStart(4), 'fp'.padStart(4), 'fn'.padStart(4), 'recall'.padStart(8), 'precision'.padStart(10)].join(' '));
  for (const [type, counts] of rows) {
    console.log(
      [type.padEnd(16), String(counts.tp).padStart(4), String(counts.fp).padStart(4), String(counts.fn).padStart(4), format(counts.recall).padStart(8), format(counts.precision).padStart(10)].join(' '),
    );
  }
  console.log(`${'overall'.padEnd(16)} ${' '.repeat(14)} ${format(result.overall.recall).padStart(8)} ${format(result.overall.precision).padStart(10)}`);
  for (const miss of result.misses) console.log(`miss ${miss.kind} ${miss.type} ${miss.id}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fixturesDir = process.argv[2] ?? process.env.DAX_FIXTURES_DIR ?? '/work/shared/fixtures';
  printTable(await evaluatePii(fixturesDir));
}
