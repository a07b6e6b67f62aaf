import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DrillCheck, DrillPlan, DrillRunOutcome } from './drill-plan.js';
import { describeOutcome } from './drill-plan.js';

/** A metric compared before and after the injection. */
export interface MetricDelta {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly before: number | undefined;
  readonly after: number | undefined;
  readonly minDelta?: number;
  readonly passed: boolean;
}

export interface DrillReport {
  readonly plan: DrillPlan;
  readonly gateway: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly outcomes: readonly DrillRunOutcome[];
  readonly checks: readonly DrillCheck[];
  readonly metrics: readonly MetricDelta[];
  readonly passed: boolean;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function selector(delta: MetricDelta): string {
  const labels = Object.entries(delta.labels).map(([key, value]) => `${key}="${value}"`);
  return `${delta.metric}${labels.length === 0 ? '' : `{${labels.join(',')}}`}`;
}

function value(number: number | undefined): string {
  return number === undefined ? 'absent' : String(number);
}

/** The report as Markdown. */
export function renderDrillReport(report: DrillReport): string {
  const verdict = report.passed ? 'PASS' : 'FAIL';
  const lines = [
    `# Drill report: ${report.plan.kind} — ${verdict}`,
    '',
    `- Drill: ${report.plan.title}`,
    `- Gateway: ${report.gateway}`,
    `- Started: ${report.startedAt.toISOString()}`,
    `- Finished: ${report.finishedAt.toISOString()}`,
    `- Run domain: \`${report.plan.domain}\``,
    `- Intent: "${report.plan.intent}"`,
    '',
    '## Injected',
    '',
    report.plan.injected,
    '',
    '## Runs',
    '',
    '| # | run | outcome | decision |',
    '|---|---|---|---|',
    ...report.outcomes.map(
      (outcome, index) =>
        `| ${index + 1} | ${outcome.runId ?? '—'} | ${cell(describeOutcome(outcome))} | ${cell(outcome.decision === undefined ? '—' : `${outcome.decision.action} by ${outcome.decision.layer ?? '—'}: ${outcome.decision.reason}`)} |`,
    ),
    '',
    '## Expected and observed',
    '',
    '| check | expected | observed | result |',
    '|---|---|---|---|',
    ...report.checks.map((check) => `| ${cell(check.name)} | ${cell(check.expected)} | ${cell(check.observed)} | ${check.passed ? 'pass' : 'FAIL'} |`),
    '',
    '## Metric deltas',
    '',
    '| metric | before | after | delta | expected | result |',
    '|---|---|---|---|---|---|',
    ...report.metrics.map((delta) => {
      const change = delta.after === undefined ? '—' : String((delta.after ?? 0) - (delta.before ?? 0));
      const expected = delta.minDelta === undefined ? 'reported only' : `rises by ≥ ${delta.minDelta}`;
      return `| \`${cell(selector(delta))}\` | ${value(delta.before)} | ${value(delta.after)} | ${change} | ${expected} | ${delta.minDelta === undefined ? '—' : delta.passed ? 'pass' : 'FAIL'} |`;
    }),
    '',
    '## Verdict',
    '',
    report.passed
      ? `PASS: the injected ${report.plan.kind} was caught as expected and the metrics moved.`
      : `FAIL: ${[...report.checks.filter((check) => !check.passed).map((check) => `${check.name} — ${check.observed}`), ...report.metrics.filter((delta) => !delta.passed).map((delta) => `${selector(delta)} did not rise by ${delta.minDelta ?? 0}`)].join('; ')}.`,
    '',
  ];
  return lines.join('\n');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Writes the report as `<dir>/drill-<kind>-<UTC timestamp>.md` (never over an earlier one) and returns the path. */
export function writeDrillReport(directory: string, report: DrillReport): string {
  mkdirSync(directory, { recursive: true });
  const base = join(directory, `drill-${report.plan.kind}-${stamp(report.startedAt)}`);
  let path = `${base}.md`;
  for (let suffix = 2; existsSync(path); suffix += 1) path = `${base}-${suffix}.md`;
  writeFileSync(path, renderDrillReport(report), { flag: 'wx' });
  return path;
}
