import type { RunEvent, RunResult } from '@dax/protocol';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { emptyPriceTable, estimateCost, type PriceTable } from './price-table.js';

/** Seconds; from a few milliseconds (offline layers) to minutes (slow remote models). */
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** Seconds a run waits at a human gate: one minute to a day. */
const gateWaitBuckets = [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400];
const gateEventPrefix = 'gate-';
/** Gate event types that end a wait, and the outcome label each records. */
const gateOutcomes: ReadonlyMap<string, string> = new Map([
  ['gate-approved', 'approved'],
  ['gate-denied', 'denied'],
  ['gate-expired', 'expired'],
  ['gate-escalated', 'escalated'],
]);

const separator = '\u0000';

/** Counts per label-value tuple within one run. */
class Tally {
  readonly #counts = new Map<string, number>();

  add(...values: string[]): void {
    const key = values.join(separator);
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  each(record: (count: number, ...values: string[]) => void): void {
    for (const [key, count] of this.#counts) record(count, ...key.split(separator));
  }
}

/** Circuit breaker states as the `dax_breaker_state` gauge encodes them. */
export const breakerStateValues = { closed: 0, half_open: 1, open: 2 } as const;
export type BreakerState = keyof typeof breakerStateValues;

/** What an event of a type this code does not model yet may carry (gate events). */
interface LooseEvent {
  readonly type: string;
  readonly at?: unknown;
  readonly waitMs?: unknown;
  readonly openedAt?: unknown;
  readonly domain?: unknown;
}

function waitSecondsOf(event: LooseEvent): number | undefined {
  if (typeof event.waitMs === 'number' && Number.isFinite(event.waitMs) && event.waitMs >= 0) return event.waitMs / 1000;
  if (typeof event.openedAt === 'string' && typeof event.at === 'string') {
    const waited = Date.parse(event.at) - Date.parse(event.openedAt);
    if (Number.isFinite(waited) && waited >= 0) return waited / 1000;
  }
  return undefined;
}

/**
 * The gateway's Prometheus metrics, in a registry of their own (never prom-client's
 * global one). Runs are recorded from their event stream and result after they end,
 * so the engine knows nothing of metrics and the hot path pays one pass per run.
 * Event types are handled generically: any `gate-*` type counts in
 * `dax_gate_events_total`, the outcome types also in `dax_gate_outcomes_total`.
 */
export class DaxMetrics {
  readonly registry = new Registry();
  readonly #prices: PriceTable;
  readonly #runs: Counter<'status' | 'domain'>;
  readonly #runDuration: Histogram<'status' | 'domain'>;
  readonly #layerDuration: Histogram<'layer' | 'status'>;
  readonly #events: Counter<'type'>;
  readonly #findings: Counter<'guard' | 'severity'>;
  readonly #drift: Counter<'layer' | 'kind'>;
  readonly #gatesOpened: Counter<'domain'>;
  readonly #gateOutcomes: Counter<'outcome'>;
  readonly #gateEvents: Counter<'type'>;
  readonly #gateWait: Histogram<'outcome'>;
  readonly #rollbacks: Counter<'layer'>;
  readonly #halts: Counter<'layer'>;
  readonly #providerRequests: Counter<'provider' | 'model' | 'outcome'>;
  readonly #retries: Counter<'provider' | 'model'>;
  readonly #breakerState: Gauge<'provider' | 'model'>;
  readonly #tokens: Counter<'domain' | 'model' | 'direction'>;
  readonly #cost: Counter<'domain' | 'model' | 'currency'>;
  readonly #httpRequests: Counter<'method' | 'route' | 'status_code'>;
  readonly #httpDuration: Histogram<'method' | 'route'>;

  constructor(options: { readonly prices?: PriceTable } = {}) {
    this.#prices = options.prices ?? emptyPriceTable;
    const registers = [this.registry];
    this.#runs = new Counter({ name: 'dax_runs_total', help: 'Finished or paused runs by status and domain.', labelNames: ['status', 'domain'], registers });
    this.#runDuration = new Histogram({
      name: 'dax_run_duration_seconds',
      help: 'End-to-end run duration (all layers and DA-X).',
      labelNames: ['status', 'domain'],
      buckets: durationBuckets,
      registers,
    });
    this.#layerDuration = new Histogram({
      name: 'dax_layer_duration_seconds',
      help: 'Duration of one layer pass (model call and guards).',
      labelNames: ['layer', 'status'],
      buckets: durationBuckets,
      registers,
    });
    this.#events = new Counter({ name: 'dax_run_events_total', help: 'Run events by type.', labelNames: ['type'], registers });
    this.#findings = new Counter({ name: 'dax_findings_total', help: 'Guard findings by guard and severity.', labelNames: ['guard', 'severity'], registers });
    this.#drift = new Counter({ name: 'dax_drift_detections_total', help: 'Drift findings (DA-3 and every layer output) by layer and kind.', labelNames: ['layer', 'kind'], registers });
    this.#gatesOpened = new Counter({ name: 'dax_gates_opened_total', help: 'Human gates opened (runs paused for approval).', labelNames: ['domain'], registers });
    this.#gateOutcomes = new Counter({ name: 'dax_gate_outcomes_total', help: 'Human gate outcomes: approved, denied, expired, escalated.', labelNames: ['outcome'], registers });
    this.#gateEvents = new Counter({ name: 'dax_gate_events_total', help: 'Every gate-* run event by type.', labelNames: ['type'], registers });
    this.#gateWait = new Histogram({
      name: 'dax_gate_wait_seconds',
      help: 'Time a run waited at a human gate before its outcome.',
      labelNames: ['outcome'],
      buckets: gateWaitBuckets,
      registers,
    });
    this.#rollbacks = new Counter({ name: 'dax_rollbacks_total', help: 'Layer outputs rolled back to the last stable output.', labelNames: ['layer'], registers });
    this.#halts = new Counter({ name: 'dax_halts_total', help: 'Runs halted by DA-X, by the layer it named.', labelNames: ['layer'], registers });
    this.#providerRequests = new Counter({
      name: 'dax_provider_requests_total',
      help: 'Model provider attempts by provider, model and outcome.',
      labelNames: ['provider', 'model', 'outcome'],
      registers,
    });
    this.#retries = new Counter({ name: 'dax_provider_retries_total', help: 'Attempts made after a failed attempt of the same layer call (retries and fallbacks).', labelNames: ['provider', 'model'], registers });
    this.#breakerState = new Gauge({ name: 'dax_breaker_state', help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open.', labelNames: ['provider', 'model'], registers });
    this.#tokens = new Counter({ name: 'dax_tokens_total', help: 'Model tokens by domain, model and direction (input, output).', labelNames: ['domain', 'model', 'direction'], registers });
    this.#cost = new Counter({ name: 'dax_estimated_cost_total', help: 'Estimated model cost from the price table.', labelNames: ['domain', 'model', 'currency'], registers });
    this.#httpRequests = new Counter({
      name: 'dax_http_requests_total',
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      registers,
    });
    this.#httpDuration = new Histogram({
      name: 'dax_http_request_duration_seconds',
      help: 'HTTP request duration by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: durationBuckets,
      registers,
    });
  }

  /**
   * Records one run from its events (in order) and its result, when it has one.
   * Counts are summed per label set first so each series is touched once per run
   * (prom-client's per-call cost is in label handling, not in the addition).
   */
  observeRun(events: readonly RunEvent[], result: RunResult | undefined): void {
    const typeCounts = new Tally();
    const findings = new Tally();
    const drift = new Tally();
    let gateEventSeen = false;
    for (const event of events as readonly LooseEvent[]) {
      typeCounts.add(event.type);
      if (event.type.startsWith(gateEventPrefix)) {
        gateEventSeen = true;
        this.observeGateEvent(event);
        continue;
      }
      const known = event as RunEvent;
      if (known.type === 'layer-end') {
        this.#layerDuration.observe({ layer: known.layer, status: known.status }, known.durationMs / 1000);
        if (known.status === 'rolled_back') this.#rollbacks.inc({ layer: known.layer });
      } else if (known.type === 'guard-finding') {
        findings.add(known.finding.guard, known.finding.severity);
        if (known.finding.guard === 'drift') drift.add(known.finding.layer, known.finding.kind);
      }
    }
    typeCounts.each((count, type) => this.#events.inc({ type }, count));
    findings.each((count, guard, severity) => this.#findings.inc({ guard, severity }, count));
    drift.each((count, layer, kind) => this.#drift.inc({ layer, kind }, count));
    if (result === undefined) return;

    this.#runs.inc({ status: result.status, domain: result.domain });
    this.#runDuration.observe({ status: result.status, domain: result.domain }, result.durationMs / 1000);
    if (result.status === 'halted') this.#halts.inc({ layer: result.decision.layer ?? 'DA-X' });
    if (!gateEventSeen) {
      // Until gate events exist (or for a stream without them) the result tells the story.
      if (result.status === 'awaiting_approval') this.#gatesOpened.inc({ domain: result.domain });
      for (const approval of result.approvals ?? []) this.#gateOutcomes.inc({ outcome: approval.decision });
    }
    const requests = new Tally();
    const retries = new Tally();
    for (const entry of result.trace) {
      const attempts = entry.attempts;
      for (let index = 0; index < attempts.length; index += 1) {
        const attempt = attempts[index]!;
        requests.add(attempt.provider, attempt.model, attempt.outcome);
        // An attempt right after a failed one is a retry or a fallback; a DA-X re-run starts fresh.
        if (index > 0 && attempts[index - 1]?.outcome === 'error') retries.add(attempt.provider, attempt.model);
      }
    }
    requests.each((count, provider, model, outcome) => this.#providerRequests.inc({ provider, model, outcome }, count));
    retries.each((count, provider, model) => this.#retries.inc({ provider, model }, count));
    const { inputTokens, outputTokens } = result.usage;
    if (inputTokens > 0) this.#tokens.inc({ domain: result.domain, model: result.model, direction: 'input' }, inputTokens);
    if (outputTokens > 0) this.#tokens.inc({ domain: result.domain, model: result.model, direction: 'output' }, outputTokens);
    const cost = estimateCost(this.#prices, result.model, inputTokens, outputTokens);
    if (cost !== undefined && cost > 0) this.#cost.inc({ domain: result.domain, model: result.model, currency: this.#prices.currency }, cost);
  }

  /**
   * One `gate-*` event: `gate-opened` counts an opened gate; the outcome types count
   * an outcome and, when the event carries `waitMs` or `openedAt`, the wait time.
   */
  observeGateEvent(event: LooseEvent): void {
    this.#gateEvents.inc({ type: event.type });
    if (event.type === 'gate-opened') {
      this.#gatesOpened.inc({ domain: typeof event.domain === 'string' ? event.domain : 'unknown' });
      return;
    }
    const outcome = gateOutcomes.get(event.type);
    if (outcome === undefined) return;
    this.#gateOutcomes.inc({ outcome });
    const waited = waitSecondsOf(event);
    if (waited !== undefined) this.#gateWait.observe({ outcome }, waited);
  }

  /** Hook for the circuit breakers: the current state of one provider and model. */
  setBreakerState(provider: string, model: string, state: BreakerState): void {
    this.#breakerState.set({ provider, model }, breakerStateValues[state]);
  }

  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.#httpRequests.inc({ method, route, status_code: String(statusCode) });
    this.#httpDuration.observe({ method, route }, seconds);
  }

  /** Every metric name this registry exposes (histograms with their series suffixes). */
  metricNames(): string[] {
    return this.registry.getMetricsAsArray().flatMap((metric) => {
      const name = metric.name;
      if (String(metric.type) === 'histogram') return [name, `${name}_bucket`, `${name}_sum`, `${name}_count`];
      return [name];
    });
  }
}
