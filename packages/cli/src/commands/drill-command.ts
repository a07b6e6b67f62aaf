import { resolve } from 'node:path';
import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction } from '../main.js';
import { createRemoteDax } from '../remote-dax.js';
import { remoteTarget } from '../remote-target.js';
import { driftDrillPlan } from './drift-drill-plan.js';
import { readDrillMetrics, type MetricsSource } from './drill-metrics.js';
import type { DrillKind, DrillPlan, DrillRunOutcome } from './drill-plan.js';
import { writeDrillReport, type DrillReport, type MetricDelta } from './drill-report.js';
import { outageDrillPlan } from './outage-drill-plan.js';
import { maxSample, sumSamples, type PrometheusSample } from './prometheus-samples.js';
import { rollbackDrillPlan } from './rollback-drill-plan.js';

export interface DrillCommandOptions {
  readonly url?: string;
  readonly layer?: string;
  readonly metricsKey?: string;
  readonly metricsUrl?: string;
  readonly out?: string;
  readonly json?: boolean;
}

function planFor(kind: DrillKind, options: DrillCommandOptions): DrillPlan {
  if (kind === 'drift') return driftDrillPlan(options.layer ?? 'DA-6');
  return kind === 'rollback' ? rollbackDrillPlan() : outageDrillPlan();
}

function metricValue(samples: readonly PrometheusSample[], metric: string, labels: Readonly<Record<string, string>>): number | undefined {
  if (!samples.some((sample) => sample.name === metric)) return undefined;
  return metric === 'dax_breaker_state' ? maxSample(samples, metric, labels) : sumSamples(samples, metric, labels);
}

/**
 * `dax drill drift|rollback|outage --url <gateway>`: reads /metrics, injects the
 * anomaly through the gateway's drill script (a run in the drill's domain), checks
 * the governed outcome and the metric deltas, and writes a dated Markdown report.
 * Exit 0 when every expectation held, 1 otherwise.
 */
export default function drillCommand(kind: DrillKind, options: DrillCommandOptions): CommandAction {
  return async (io: CliIo) => {
    const plan = planFor(kind, options);
    const target = remoteTarget(io, options.url);
    if (target === undefined) throw new DaxError('DAX_E_USAGE', { detail: 'A drill needs a running gateway: pass --url (or set DAX_URL) and DAX_API_KEY.' });
    const metricsKey = options.metricsKey ?? io.env.DAX_METRICS_KEY;
    // A separate metrics listener needs no key: send one there only when given for it.
    const source: MetricsSource =
      options.metricsUrl === undefined
        ? { url: `${target.baseUrl}/metrics`, key: metricsKey ?? target.apiKey }
        : { url: options.metricsUrl, ...(metricsKey === undefined ? {} : { key: metricsKey }) };
    const startedAt = new Date();

    const before = await readDrillMetrics(source);
    const dax = createRemoteDax(target);
    const outcomes: DrillRunOutcome[] = [];
    while (outcomes.length < plan.maxRuns) {
      try {
        const result = await dax.run({ input: plan.intent, domain: plan.domain, metadata: { drill: plan.kind } });
        outcomes.push({ runId: result.runId, status: result.status, decision: result.decision, findings: result.findings, ...(result.error === undefined ? {} : { errorCode: result.error.code }) });
      } catch (error) {
        if (!DaxError.isInstance(error)) throw error;
        outcomes.push({ errorCode: error.code, findings: [] });
      }
      if (outcomes.at(-1)?.status === undefined || plan.enough(outcomes)) break;
    }
    const after = await readDrillMetrics(source);

    const metrics: MetricDelta[] = plan.watched(outcomes).map((watched) => {
      const was = metricValue(before, watched.metric, watched.labels);
      const now = metricValue(after, watched.metric, watched.labels);
      const passed = watched.minDelta === undefined || (now ?? 0) - (was ?? 0) >= watched.minDelta;
      return { ...watched, before: was, after: now, passed };
    });
    const checks = plan.checks(outcomes);
    const passed = checks.every((check) => check.passed) && metrics.every((delta) => delta.passed);
    const report: DrillReport = { plan, gateway: target.baseUrl, startedAt, finishedAt: new Date(), outcomes, checks, metrics, passed };
    const path = writeDrillReport(resolve(io.cwd, options.out ?? 'drill-reports'), report);

    const failures = [...checks.filter((check) => !check.passed).map((check) => `${check.name}: ${check.observed}`), ...metrics.filter((delta) => !delta.passed).map((delta) => `${delta.metric} did not rise by ${delta.minDelta ?? 0}`)];
    if (options.json === true) {
      writeLine(io.stdout, JSON.stringify({ drill: plan.kind, passed, report: path, runs: outcomes, checks, metrics }));
    } else {
      writeLine(io.stdout, `drill ${plan.kind} (${plan.title}): ${passed ? 'PASS' : 'FAIL'}`);
      for (const failure of failures) writeLine(io.stdout, `  - ${failure}`);
      writeLine(io.stdout, `report: ${path}`);
    }
    return passed ? exitCodes.ok : exitCodes.failure;
  };
}
