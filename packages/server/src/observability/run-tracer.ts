import type { RunEvent, RunResult } from '@dax/protocol';
import { ROOT_CONTEXT, TraceFlags, defaultTextMapGetter, trace, type SpanContext } from '@opentelemetry/api';
import { ExportResultCode, W3CTraceContextPropagator, type ExportResult, type InstrumentationScope } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { buildRunSpans } from './record-run-spans.js';
import type { TracingSettings } from './tracing-settings.js';

export interface RunTracerOptions {
  readonly settings: TracingSettings;
  readonly version: string;
  /** Put redacted layer outputs on spans. */
  readonly content: boolean;
  /** Replaces the OTLP exporter (tests may use the SDK's in-memory exporter). */
  readonly exporter?: SpanExporter;
  /** Export when this many spans wait (default 512) … */
  readonly maxBatchSpans?: number;
  /** … or this long after the first waiting span (default 1 s). */
  readonly maxDelayMs?: number;
  /** Spans kept while an export is slow; beyond, new spans are dropped (default 8192). */
  readonly maxQueueSpans?: number;
}

/**
 * Exports finished runs as spans over OTLP/HTTP (JSON), batched. Exists only when
 * tracing is configured. Spans are built after the run from its events and trace
 * and handed to the exporter in batches; a caller's sampled-out `traceparent`
 * records nothing, a sampled or absent one records the whole run.
 */
export class RunTracer {
  readonly #exporter: SpanExporter;
  readonly #propagator = new W3CTraceContextPropagator();
  readonly #content: boolean;
  readonly #resource: Resource;
  readonly #scope: InstrumentationScope;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #maxQueue: number;
  #queue: ReadableSpan[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  #dropped = 0;

  constructor(options: RunTracerOptions) {
    this.#exporter = options.exporter ?? new OTLPTraceExporter({ url: options.settings.url, headers: { ...options.settings.headers } });
    this.#resource = resourceFromAttributes({ 'service.name': options.settings.serviceName, 'service.version': options.version });
    this.#scope = { name: 'dax-gateway', version: options.version };
    this.#content = options.content;
    this.#maxBatch = options.maxBatchSpans ?? 512;
    this.#maxDelayMs = options.maxDelayMs ?? 1_000;
    this.#maxQueue = options.maxQueueSpans ?? 8_192;
  }

  /** Spans dropped because the queue was full (a slow or unreachable collector). */
  get dropped(): number {
    return this.#dropped;
  }

  /** The caller's span from a W3C `traceparent` (and `tracestate`); undefined when absent or malformed. */
  parentOf(traceparent: string | undefined, tracestate?: string): SpanContext | undefined {
    if (traceparent === undefined) return undefined;
    const carrier: Record<string, string> = { traceparent };
    if (tracestate !== undefined) carrier.tracestate = tracestate;
    return trace.getSpanContext(this.#propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter));
  }

  recordRun(events: readonly RunEvent[], result: RunResult | undefined, tenant: string, traceparent?: string, tracestate?: string): void {
    const parent = this.parentOf(traceparent, tracestate);
    // Parent-based sampling: a caller that did not sample its trace gets no spans from us either.
    if (parent !== undefined && (parent.traceFlags & TraceFlags.SAMPLED) === 0) return;
    const spans = buildRunSpans(events, result, { parent, tenant, content: this.#content, resource: this.#resource, scope: this.#scope });
    if (this.#queue.length + spans.length > this.#maxQueue) {
      this.#dropped += spans.length;
      return;
    }
    for (const span of spans) this.#queue.push(span);
    if (this.#queue.length >= this.#maxBatch) this.#exportQueued();
    else this.#timer ??= setTimeout(() => this.#exportQueued(), this.#maxDelayMs).unref();
  }

  #exportQueued(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      const exported = new Promise<void>((resolve) => {
        this.#exporter.export(batch, (outcome: ExportResult) => {
          if (outcome.code !== ExportResultCode.SUCCESS) this.#dropped += batch.length;
          resolve();
        });
      });
      this.#inFlight.add(exported);
      void exported.then(() => this.#inFlight.delete(exported));
    }
  }

  /** Exports every waiting span and waits for the exports in flight. */
  async flush(): Promise<void> {
    this.#exportQueued();
    await Promise.all([...this.#inFlight]);
    await this.#exporter.forceFlush?.();
  }

  async shutdown(): Promise<void> {
    await this.flush();
    await this.#exporter.shutdown();
  }
}
