import type { RunEvent, RunResult } from '@dax/protocol';
import { DaxMetrics } from './dax-metrics.js';
import type { PriceTable } from './price-table.js';
import type { RunTracer } from './run-tracer.js';
import type { TracingSettings } from './tracing-settings.js';

export interface RunObservationContext {
  readonly tenant: string;
  /** The caller's W3C trace context headers, when sent. */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export interface GatewayObservabilityOptions {
  readonly metrics: boolean;
  readonly prices: PriceTable;
  /** Undefined: tracing off, no SDK started. */
  readonly tracing: TracingSettings | undefined;
  readonly traceContent: boolean;
  readonly version: string;
}

/**
 * Metrics and tracing of the gateway behind one call per finished run. Either part
 * may be off; with both off a run costs one branch. A failure here is logged by the
 * caller and never changes a run's outcome.
 */
export class GatewayObservability {
  readonly metrics: DaxMetrics | undefined;
  readonly tracer: RunTracer | undefined;

  /** The OpenTelemetry SDK is loaded only when tracing is configured. */
  static async create(options: GatewayObservabilityOptions): Promise<GatewayObservability> {
    const tracing = options.tracing;
    if (tracing === undefined) return new GatewayObservability(options, undefined);
    const { RunTracer: Tracer } = await import('./run-tracer.js');
    return new GatewayObservability(options, new Tracer({ settings: tracing, version: options.version, content: options.traceContent }));
  }

  private constructor(options: GatewayObservabilityOptions, tracer: RunTracer | undefined) {
    this.metrics = options.metrics ? new DaxMetrics({ prices: options.prices }) : undefined;
    this.tracer = tracer;
  }

  observeRun(events: readonly RunEvent[], result: RunResult | undefined, context: RunObservationContext): void {
    this.metrics?.observeRun(events, result);
    this.tracer?.recordRun(events, result, context.tenant, context.traceparent, context.tracestate);
  }

  /** Sends spans still buffered (tests, shutdown). */
  async flush(): Promise<void> {
    await this.tracer?.flush();
  }

  async close(): Promise<void> {
    await this.tracer?.shutdown();
  }
}
