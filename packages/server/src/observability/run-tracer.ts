import type { RunEvent, RunResult } from '@dax/protocol';
import { ROOT_CONTEXT, defaultTextMapGetter, type Context, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { recordRunSpans } from './record-run-spans.js';
import type { TracingSettings } from './tracing-settings.js';

export interface RunTracerOptions {
  readonly settings: TracingSettings;
  readonly version: string;
  /** Put redacted layer outputs on spans. */
  readonly content: boolean;
  /** Replaces the OTLP exporter (tests use the SDK's in-memory exporter). */
  readonly exporter?: SpanExporter;
}

/**
 * The gateway's own tracer provider (never registered globally): a batch span
 * processor feeding an OTLP/HTTP JSON exporter. Exists only when tracing is
 * configured; `recordRun` then turns a finished run into spans.
 */
export class RunTracer {
  readonly #provider: BasicTracerProvider;
  readonly #tracer: Tracer;
  readonly #propagator = new W3CTraceContextPropagator();
  readonly #content: boolean;

  constructor(options: RunTracerOptions) {
    const exporter = options.exporter ?? new OTLPTraceExporter({ url: options.settings.url, headers: { ...options.settings.headers } });
    this.#provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': options.settings.serviceName, 'service.version': options.version }),
      sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
      spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 })],
    });
    this.#tracer = this.#provider.getTracer('dax-gateway', options.version);
    this.#content = options.content;
  }

  /** The caller's trace context from a W3C `traceparent` (and `tracestate`); root when absent or malformed. */
  contextOf(traceparent: string | undefined, tracestate?: string): Context {
    if (traceparent === undefined) return ROOT_CONTEXT;
    const carrier: Record<string, string> = { traceparent };
    if (tracestate !== undefined) carrier.tracestate = tracestate;
    return this.#propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
  }

  recordRun(events: readonly RunEvent[], result: RunResult | undefined, tenant: string, traceparent?: string, tracestate?: string): void {
    recordRunSpans(this.#tracer, events, result, { parent: this.contextOf(traceparent, tracestate), tenant, content: this.#content });
  }

  flush(): Promise<void> {
    return this.#provider.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#provider.shutdown();
  }
}
