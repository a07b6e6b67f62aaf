import { redactText } from '@dax/guards';
import type { LayerEndEvent, LayerStartEvent, RunEvent, RunResult, TraceEntry } from '@dax/protocol';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Tracer } from '@opentelemetry/api';

export interface RunSpanOptions {
  /** The caller's context (from its `traceparent`), or the root context. */
  readonly parent: Context;
  readonly tenant: string;
  /** Put redacted layer outputs on the layer spans (off by default). */
  readonly content: boolean;
}

interface LayerPass {
  readonly start: LayerStartEvent;
  end?: LayerEndEvent;
}

function timeOf(iso: string | undefined, fallback: number): number {
  const parsed = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function runAttributes(result: RunResult | undefined, start: RunEvent | undefined, tenant: string): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': 'dax',
    'dax.tenant': tenant,
  };
  if (start?.type === 'run-start') {
    attributes['dax.domain'] = start.domain;
    attributes['dax.config.version'] = start.configHash;
  }
  if (start !== undefined) attributes['dax.run.id'] = start.runId;
  if (result === undefined) return attributes;
  const gateIds = (result.approvals ?? []).map((approval) => approval.gateId);
  return {
    ...attributes,
    'dax.run.id': result.runId,
    'dax.domain': result.domain,
    'dax.config.version': result.configHash,
    'dax.status': result.status,
    'dax.decision': result.decision.action,
    'dax.risk': result.risk.grade,
    'dax.policy.decision': result.policy.decision,
    'dax.findings.count': result.findings.length,
    'dax.findings.drift': result.findings.filter((finding) => finding.guard === 'drift').length,
    'gen_ai.request.model': result.model,
    'gen_ai.usage.input_tokens': result.usage.inputTokens,
    'gen_ai.usage.output_tokens': result.usage.outputTokens,
    ...(gateIds.length === 0 ? {} : { 'dax.gate.id': gateIds.at(-1) }),
    ...(result.error === undefined ? {} : { 'error.type': result.error.code }),
  };
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

/**
 * Turns one finished run into spans with explicit times: a run span (child of the
 * caller's context), a child per layer pass from its `layer-start`/`layer-end`
 * events, and a child per provider attempt from the trace, laid end to end from the
 * layer's start. GenAI semantic-convention attributes plus `dax.*` ones; no message
 * content unless `content` is set, and then redacted again.
 */
export function recordRunSpans(tracer: Tracer, events: readonly RunEvent[], result: RunResult | undefined, options: RunSpanOptions): void {
  const first = events[0];
  if (first === undefined) return;
  const runStart = timeOf(result?.startedAt ?? first.at, Date.now());
  const lastAt = timeOf(events.at(-1)?.at, runStart);
  const runEnd = Math.max(lastAt, runStart + (result?.durationMs ?? 0));
  const runSpan = tracer.startSpan(
    'invoke_agent dax',
    { kind: SpanKind.SERVER, startTime: runStart, attributes: runAttributes(result, first, options.tenant) },
    options.parent,
  );
  if (result === undefined || result.status === 'failed') runSpan.setStatus({ code: SpanStatusCode.ERROR, message: result?.error?.code ?? 'run failed' });
  const runContext = trace.setSpan(options.parent === ROOT_CONTEXT ? ROOT_CONTEXT : options.parent, runSpan);

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

  const entries = new Map<string, TraceEntry>();
  for (const entry of result?.trace ?? []) entries.set(entry.layer, entry);
  const attemptsDrawn = new Set<string>();
  for (const pass of passes) {
    const layerStart = timeOf(pass.start.at, runStart);
    const layerEnd = pass.end === undefined ? runEnd : Math.max(layerStart + pass.end.durationMs, Math.min(timeOf(pass.end.at, layerStart), runEnd));
    const entry = entries.get(pass.start.layer);
    const layerSpan = tracer.startSpan(
      `invoke_agent ${pass.start.layer}`,
      { kind: SpanKind.INTERNAL, startTime: layerStart, attributes: layerAttributes(pass, entry, options.content) },
      runContext,
    );
    if (pass.end?.status === 'failed') layerSpan.setStatus({ code: SpanStatusCode.ERROR });
    // A layer's attempts are drawn once, under its first pass.
    if (entry !== undefined && !attemptsDrawn.has(entry.layer)) {
      attemptsDrawn.add(entry.layer);
      const layerContext = trace.setSpan(runContext, layerSpan);
      let cursor = layerStart;
      for (const attempt of entry.attempts) {
        const attributes: Attributes = {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': attempt.provider,
          'gen_ai.request.model': attempt.model,
          'dax.layer': entry.layer,
        };
        if (attempt.outcome === 'ok') attributes['gen_ai.response.model'] = attempt.model;
        else attributes['error.type'] = attempt.errorCode ?? 'error';
        const attemptSpan = tracer.startSpan(`chat ${attempt.model}`, { kind: SpanKind.CLIENT, startTime: cursor, attributes }, layerContext);
        if (attempt.outcome === 'error') attemptSpan.setStatus({ code: SpanStatusCode.ERROR });
        cursor += attempt.durationMs;
        attemptSpan.end(cursor);
      }
    }
    layerSpan.end(layerEnd);
  }
  runSpan.end(runEnd);
}
