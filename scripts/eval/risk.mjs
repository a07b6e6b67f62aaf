#!/usr/bin/env node
// Measures the deterministic risk grader against labelled fixtures.
// Usage: npx tsc -b && node scripts/eval/risk.mjs [fixturesDir]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const grades = ['P0', 'P1', 'P2', 'P3'];
const gradeRiskModule = new URL('../../packages/guards/dist/risk/grade-risk.js', import.meta.url);

function isGated(grade) {
  return grade === 'P0' || grade === 'P1';
}

async function readCases(fixturesDir) {
  const content = await readFile(join(fixturesDir, 'risk.jsonl'), 'utf8');
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/**
 * Grades every case in `<fixturesDir>/risk.jsonl` and compares with its label.
 * gateRecall: gated among cases labelled P0/P1; falseGateRate: gated among cases labelled P2/P3.
 */
export async function evaluateRisk(fixturesDir) {
  const { gradeRisk } = await import(gradeRiskModule.href);
  const cases = await readCases(fixturesDir);
  const confusion = Object.fromEntries(grades.map((expected) => [expected, Object.fromEntries(grades.map((got) => [got, 0]))]));
  const misses = [];
  let shouldGate = 0;
  let gatedWhenShould = 0;
  let shouldNotGate = 0;
  let gatedWhenShouldNot = 0;
  let exact = 0;
  for (const item of cases) {
    const assessment = gradeRisk(item.text);
    const expected = item.risk;
    const got = assessment.grade;
    confusion[expected][got] += 1;
    if (expected === got) exact += 1;
    else misses.push({ id: item.id, expected, got, ruleIds: assessment.ruleIds });
    if (item.gate ?? isGated(expected)) {
      shouldGate += 1;
      if (assessment.gate) gatedWhenShould += 1;
    } else {
      shouldNotGate += 1;
      if (assessment.gate) gatedWhenShouldNot += 1;
    }
  }
  return {
    cases: cases.length,
    gateRecall: shouldGate === 0 ? 1 : gatedWhenShould / shouldGate,
    falseGateRate: shouldNotGate === 0 ? 0 : gatedWhenShouldNot / shouldNotGate,
    gradeAccuracy: cases.length === 0 ? 1 : exact / cases.length,
    confusion,
    misses,
  };
}

function percent(value) {
  return `${(value * 100).toFixed(1)}%`;
}

function printReport(result) {
  console.log(`cases           ${result.cases}`);
  console.log(`gate recall     ${percent(result.gateRecall)}   (target >= 97%)`);
  console.log(`false-gate rate ${percent(result.falseGateRate)}   (target <= 5%)`);
  console.log(`grade accuracy  ${percent(result.gradeAccuracy)}`);
  console.log('');
  console.log(`expected \\ got  ${grades.map((grade) => grade.padStart(4)).join('')}`);
  for (const expected of grades) {
    console.log(`${expected.padEnd(16)}${grades.map((got) => String(result.confusion[expected][got]).padStart(4)).join('')}`);
  }
  if (result.misses.length > 0) {
    console.log('');
    console.log('misses:');
    for (const miss of result.misses) {
      console.log(`  ${miss.id.padEnd(12)} expected ${miss.expected} got ${miss.got}  ${miss.ruleIds.join(', ')}`);
    }
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const fixturesDir = process.argv[2] ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
  printReport(await evaluateRisk(fixturesDir));
}
