import { describeOutcome, drillIntent, drillScriptPath, neverApprovedCheck, type DrillPlan, type WatchedMetric, type DrillRunOutcome } from './drill-plan.js';

const outageLayer = 'DA-13';
const providerCodes: ReadonlySet<string> = new Set(['DAX_E_PROVIDER_UNAVAILABLE', 'DAX_E_PROVIDER_CIRCUIT_OPEN']);

function breakerOpened(outcomes: readonly DrillRunOutcome[]): boolean {
  return outcomes.some((outcome) => outcome.errorCode === 'DAX_E_PROVIDER_CIRCUIT_OPEN');
}

/**
 * An upstream outage: the model answers HTTP 503 to every call of DA-13. Each run
 * fails closed with the provider's code after its retries; after enough consecutive
 * failures the circuit breaker opens and runs fail at once with
 * `DAX_E_PROVIDER_CIRCUIT_OPEN`. The drill starts runs until that happens (at most four).
 */
export function outageDrillPlan(): DrillPlan {
  return {
    kind: 'outage',
    title: 'upstream outage opens the circuit breaker',
    domain: 'drill-outage',
    intent: drillIntent,
    injected: `The model answers HTTP 503 to every ${outageLayer} call, from ${drillScriptPath}.`,
    maxRuns: 4,
    enough: breakerOpened,
    checks(outcomes) {
      const failedWithProviderCode = outcomes.filter((outcome) => outcome.status === 'failed' && outcome.errorCode !== undefined && providerCodes.has(outcome.errorCode));
      return [
        neverApprovedCheck(outcomes),
        {
          name: 'runs fail closed',
          expected: 'every run failed with DAX_E_PROVIDER_UNAVAILABLE or DAX_E_PROVIDER_CIRCUIT_OPEN',
          observed: outcomes.map(describeOutcome).join('; ') || 'no run',
          passed: outcomes.length > 0 && failedWithProviderCode.length === outcomes.length,
        },
        {
          name: 'circuit breaker opened',
          expected: 'a later run is refused at once with DAX_E_PROVIDER_CIRCUIT_OPEN',
          observed: breakerOpened(outcomes) ? `run ${outcomes.findIndex((outcome) => outcome.errorCode === 'DAX_E_PROVIDER_CIRCUIT_OPEN') + 1} met an open breaker` : 'the breaker never opened',
          passed: breakerOpened(outcomes),
        },
      ];
    },
    watched: (outcomes): WatchedMetric[] => [
      { metric: 'dax_provider_requests_total', labels: { outcome: 'error' }, minDelta: 1 },
      { metric: 'dax_runs_total', labels: { status: 'failed' }, minDelta: Math.max(outcomes.length, 1) },
      { metric: 'dax_breaker_state', labels: {} },
    ],
  };
}
