import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DaxMetrics } from '@dax/server';
import { describe, expect, it } from 'vitest';

const grafanaDir = fileURLToPath(new URL('../deploy/grafana/', import.meta.url));
const rulesFile = fileURLToPath(new URL('../deploy/prometheus/dax-recording-rules.yml', import.meta.url));

interface Target {
  readonly expr?: string;
}
interface Panel {
  readonly title: string;
  readonly targets?: readonly Target[];
  readonly panels?: readonly Panel[];
}
interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly panels: readonly Panel[];
  readonly templating?: { readonly list: readonly { readonly query?: unknown; readonly definition?: string }[] };
}

function expressionsOf(dashboard: Dashboard): string[] {
  const fromPanels = (panels: readonly Panel[]): string[] =>
    panels.flatMap((panel) => [...(panel.targets ?? []).flatMap((target) => (target.expr === undefined ? [] : [target.expr])), ...fromPanels(panel.panels ?? [])]);
  const fromVariables = (dashboard.templating?.list ?? []).flatMap((variable) => (variable.definition === undefined ? [] : [variable.definition]));
  return [...fromPanels(dashboard.panels), ...fromVariables];
}

/** Metric names in a PromQL expression (quoted label values removed first). */
function metricNamesIn(expression: string): string[] {
  const unquoted = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...unquoted.matchAll(/\bdax[_:][a-z0-9_:]*/g)].map((match) => match[0]);
}

describe('deploy/grafana dashboards', () => {
  const files = readdirSync(grafanaDir).filter((name) => name.endsWith('.json'));
  const dashboards = files.map((name) => ({ name, dashboard: JSON.parse(readFileSync(`${grafanaDir}${name}`, 'utf8')) as Dashboard }));
  const exposed = new Set(new DaxMetrics().metricNames());
  const recorded = new Set([...readFileSync(rulesFile, 'utf8').matchAll(/^\s*- record: (\S+)$/gm)].map((match) => match[1]!));

  it('parse, have unique uids and a query on every panel', () => {
    expect(dashboards.length).toBeGreaterThan(0);
    expect(new Set(dashboards.map(({ dashboard }) => dashboard.uid)).size).toBe(dashboards.length);
    for (const { dashboard } of dashboards) {
      for (const panel of dashboard.panels) expect((panel.targets ?? []).length, panel.title).toBeGreaterThan(0);
    }
  });

  it('use only metric names the gateway registry exposes (or the recording rules record)', () => {
    const used = new Set<string>();
    for (const { name, dashboard } of dashboards) {
      for (const expression of expressionsOf(dashboard)) {
        for (const metric of metricNamesIn(expression)) {
          used.add(metric);
          const known = metric.includes(':') ? recorded.has(metric) : exposed.has(metric);
          expect(known, `${name}: ${metric} in ${expression}`).toBe(true);
        }
      }
    }
    for (const needed of ['dax_drift_detections_total', 'dax_gates_opened_total', 'dax_gate_wait_seconds_bucket', 'dax_rollbacks_total', 'dax_layer_duration_seconds_bucket', 'dax_tokens_total', 'dax_estimated_cost_total']) {
      expect(used, needed).toContain(needed);
    }
  });

  it('the check catches a name the registry does not expose', () => {
    expect(metricNamesIn('sum(rate(dax_runs_totl{status="dax_fake"}[5m]))')).toEqual(['dax_runs_totl']);
    expect(exposed.has('dax_runs_totl')).toBe(false);
  });
});
