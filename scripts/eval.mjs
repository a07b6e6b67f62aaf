// Guard quality on the labelled fixtures: risk-gate recall and false-gate rate,
// PII/secret recall and precision per type, drift accuracy. Exits 1 when a target
// is missed, so CI catches a regression.
//
//   npm run eval                       (fixtures from ../shared/fixtures)
//   DAX_FIXTURES_DIR=/path npm run eval
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateDrift } from './eval/drift.mjs';
import { evaluatePii } from './eval/pii.mjs';
import { evaluateRisk } from './eval/risk.mjs';

const fixturesDir = process.env.DAX_FIXTURES_DIR ?? fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
if (!existsSync(fixturesDir)) {
  console.error(`eval: no fixtures at ${fixturesDir}; set DAX_FIXTURES_DIR`);
  process.exit(2);
}

const targets = { gateRecall: 0.97, falseGateRate: 0.05, piiRecall: 0.97, piiPrecision: 0.95, driftAccuracy: 0.95 };
const risk = await evaluateRisk(fixturesDir);
const pii = await evaluatePii(fixturesDir);
const drift = await evaluateDrift(fixturesDir);

const pct = (value) => `${(100 * value).toFixed(1)} %`;
console.log('\n## Risk grading (DA-11) and the DA-7 gate');
console.log(`gate recall ${pct(risk.gateRecall)} (target ≥ ${pct(targets.gateRecall)}), false-gate rate ${pct(risk.falseGateRate)} (target ≤ ${pct(targets.falseGateRate)}), grade accuracy ${pct(risk.gradeAccuracy)}`);
console.log('\n## PII and secrets (DA-8)');
console.log('| type | tp | fp | fn | recall | precision |');
console.log('|---|---|---|---|---|---|');
for (const [type, row] of Object.entries(pii.perType).sort()) {
  console.log(`| ${type} | ${row.tp} | ${row.fp} | ${row.fn} | ${pct(row.recall)} | ${pct(row.precision)} |`);
}
console.log(`overall recall ${pct(pii.overall.recall)} (target ≥ ${pct(targets.piiRecall)}), precision ${pct(pii.overall.precision)} (target ≥ ${pct(targets.piiPrecision)})`);
console.log('\n## Drift (DA-3)');
console.log(`accuracy ${pct(drift.accuracy)} (target ≥ ${pct(targets.driftAccuracy)}); tp ${drift.tp} fp ${drift.fp} tn ${drift.tn} fn ${drift.fn}`);

const missed = [
  risk.gateRecall < targets.gateRecall && 'gate recall',
  risk.falseGateRate > targets.falseGateRate && 'false-gate rate',
  pii.overall.recall < targets.piiRecall && 'PII recall',
  pii.overall.precision < targets.piiPrecision && 'PII precision',
  drift.accuracy < targets.driftAccuracy && 'drift accuracy',
].filter(Boolean);
if (missed.length > 0) {
  console.log(`\nMISSED: ${missed.join(', ')}`);
  process.exit(1);
}
console.log('\nall targets met');
