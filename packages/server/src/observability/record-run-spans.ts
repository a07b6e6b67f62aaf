import { randomBytes } from 'node:crypto';
import { redactText } from '@dax/guards';
import type { LayerEndEvent, LayerStartEvent, RunEvent, RunResult, TraceEntry } from '@dax/protocol';
import { SpanKind, SpanStatusCode, TraceFlags, type Attributes, type HrTime, type Link, type SpanContext, type SpanStatus } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

export interface RunSpanOptions {
  /** The caller's span (from its `traceparent`), when it sent one. */
  readonly parent: SpanContext | undefined;
  readonly tenant: string;
  /** Put redacted layer outputs on the layer spans (off by default). */
  readonly content: boolean;
  readonly resource: Resource;
  readonly scope: InstrumentationScope;
}

interface LayerPass {
  readonly start: LayerStartEvent;
  end?: LayerEndEvent;
}

const noLinks: Link[] = [];
const noEvents: TimedEvent[] = [];
const unset: SpanStatus = { code: SpanStatusCode.UNSET };
const failed: SpanStatus = { code: SpanStatusCode.ERROR };

function timeOf(iso: string | undefined, fallback: number): number {
  const parsed = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** Milliseconds since the epoch (fractions kept) as OpenTelemetry's [seconds, nanoseconds]. */
function hrTimeOf(ms: number): HrTime {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.round((ms - seconds * 1000) * 1_000_000)];
}

/** Hands out span ids from one random draw per run. */
class IdSource {
  readonly #bytes: Buffer;
  #offset = 0;

  constructor(spans: number) {
    this.#bytes = randomBytes(16 + spans * 8);
  }

  traceId(): string {
    this.#offset = 16;
    return this.#bytes.toString('hex', 0, 16);
  }

  spanId(): string {
    const id = this.#bytes.toString('hex', this.#offset, this.#offset + 8);
    this.#offset += 8;
    return id;
  }
}

function runAttributes(result: RunResult | undefined, first: RunEvent, tenant: string): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': 'dax',
    'dax.tenant': tenant,
    'dax.run.id': first.runId,
  };
  if (first.type === 'run-start') {
    attributes['dax.domain'] = first.domain;
    attributes['dax.config.version'] = first.configHash;
  }
  if (result === undefined) return attributes;
  let drift = 0;
  for (const finding of result.findings) if (finding.guard === 'drift') drift += 1;
  const gateId = result.approvals?.at(-1)?.gateId;
  attributes['dax.domain'] = result.domain;
  attributes['dax.config.version'] = result.configHash;
  attributes['dax.status'] = result.status;
  attributes['dax.decision'] = result.decision.action;
  attributes['dax.risk'] = result.risk.grade;
  attributes['dax.policy.decision'] = result.policy.decision;
  attributes['dax.findings.count'] = result.findings.length;
  attributes['dax.findings.drift'] = drift;
  attributes['gen_ai.request.model'] = result.model;
  attributes['gen_ai.usage.input_tokens'] = result.usage.inputTokens;
  attributes['gen_ai.usage.output_tokens'] = result.usage.outputTokens;
  if (gateId !== undefined) attributes['dax.gate.id'] = gateId;
  if (result.error !== undefined) attributes['error.type'] = result.error.code;
  return attributes;
}

function layerAttributes(pass: LayerPass, entry: TraceEntry | undefined, content: boolean): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': pass.start.agent,
    'dax.layer': pass.start.layer,
    'dax.layer.rerun': pass.start.rerun,
  };
  if (pass.end !== undefined) {
    attributes['dax.layer.status'] = pass.end.status;
    if (pass.end.model !== '') attributes['gen_ai.request.model'] = pass.end.model;
  }
  if (entry !== undefined) {
    attributes['dax.findings.count'] = entry.findings.length;
    if (content) attributes['dax.layer.output'] = redactText(entry.output).text;
  }
  return attributes;
}

function layerPassesOf(events: readonly RunEvent[]): LayerPass[] {
  const passes: LayerPass[] = [];
  const open = new Map<string, LayerPass>();
  for (const event of events) {
    if (event.type === 'layer-start') {
      const pass: LayerPass = { start: event };
      passes.push(pass);
      open.set(event.layer, pass);
    } else if (event.type === 'layer-end') {
      const pass = open.get(event.layer);
      if (pass !== undefined) pass.end = event;
      open.delete(event.layer);
    }
  }
  return passes;
}

/**
 * Turns one finished run into finished spans with explicit times: a run span (a child
 * of the caller's span when it sent a `traceparent`), a child per layer pass from its
 * `layer-start`/`layer-end` events, and a child per provider attempt from the trace,
 * laid end to end from the layer's start. GenAI semantic-convention attributes plus
 * `dax.*` ones; no message content unless `content` is set, and then redacted again.
 * The spans are plain ReadableSpans for the exporter: built after the fact, they skip
 * the live-span machinery (context, sampler, limits) that would cost the hot path.
 */
export function buildRunSpans(events: readonly RunEvent[], result: RunResult | undefined, options: RunSpanOptions): ReadableSpan[] {
  const first = events[0];
  if (first === undefined) return [];
  const passes = layerPassesOf(events);
  let attemptCount = 0;
  for (const entry of result?.trace ?? []) attemptCount += entry.attempts.length;
  const ids = new IdSource(1 + passes.length + attemptCount);
  const traceId = options.parent?.traceId ?? ids.traceId();
  const spans: ReadableSpan[] = [];
  const span = (
    name: string,
    kind: SpanKind,
    parent: SpanContext | undefined,
    start: number,
    end: number,
    attributes: Attributes,
    status: SpanStatus,
  ): SpanContext => {
    const context: SpanContext = { traceId, spanId: ids.spanId(), traceFlags: TraceFlags.SAMPLED };
    // One fixed object shape for every span (no spreads): cheap to allocate and to serialise.
    const finished = {
      name,
      kind,
      spanContext: () => context,
      parentSpanContext: parent,
      startTime: hrTimeOf(start),
      endTime: hrTimeOf(end),
      duration: hrTimeOf(end - start),
      status,
      attributes,
      links: noLinks,
      events: noEvents,
      ended: true,
      resource: options.resource,
      instrumentationScope: options.scope,
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
    spans.push(finished);
    return context;
  };

  const runStart = timeOf(result?.startedAt ?? first.at, Date.now());
  const runEnd = Math.max(timeOf(events.at(-1)?.at, runStart), runStart + (result?.durationMs ?? 0));
  const runStatus: SpanStatus =
    result === undefined || result.status === 'failed' ? { code: SpanStatusCode.ERROR, message: result?.error?.code ?? 'run failed' } : unset;
  const runContext = span('invoke_agent dax', SpanKind.SERVER, options.parent, runStart, runEnd, runAttributes(result, first, options.tenant), runStatus);

  const entries = new Map<string, TraceEntry>();
  for (const entry of result?.trace ?? []) entries.set(entry.layer, entry);
  const attemptsDrawn = new Set<string>();
  for (const pass of passes) {
    const layerStart = timeOf(pass.start.at, runStart);
    const layerEnd = pass.end === undefined ? runEnd : Math.max(layerStart + pass.end.durationMs, Math.min(timeOf(pass.end.at, layerStart), runEnd));
    const entry = entries.get(pass.start.layer);
    const layerContext = span(
      `invoke_agent ${pass.start.layer}`,
      SpanKind.INTERNAL,
      runContext,
      layerStart,
      layerEnd,
      layerAttributes(pass, entry, options.content),
      pass.end?.status === 'failed' ? failed : unset,
    );
    // A layer's attempts are drawn once, under its first pass.
    if (entry === undefined || attemptsDrawn.has(entry.layer)) continue;
    attemptsDrawn.add(entry.layer);
    let cursor = layerStart;
    for (const attempt of entry.attempts) {
      const attributes: Attributes = {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': attempt.provider,
        'gen_ai.request.model': attempt.model,
      };
      if (attempt.outcome === 'ok') attributes['gen_ai.response.model'] = attempt.model;
      else attributes['error.type'] = attempt.errorCode ?? 'error';
      span(`chat ${attempt.model}`, SpanKind.CLIENT, layerContext, cursor, cursor + attempt.durationMs, attributes, attempt.outcome === 'ok' ? unset : failed);
      cursor += attempt.durationMs;
    }
  }
  return spans;
}
