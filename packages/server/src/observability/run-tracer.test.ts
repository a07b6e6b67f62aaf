import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: OtlpValue }[];
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: { key: string; value: OtlpValue }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** A local OTLP/HTTP receiver: keeps every JSON export it is sent. */
async function startReceiver(): Promise<{ url: string; exports: OtlpExport[]; contentTypes: string[]; close(): Promise<void> }> {
  const exports: OtlpExport[] = [];
  const contentTypes: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      contentTypes.push(String(request.headers['content-type']));
      if (request.url === '/v1/traces') exports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, exports, contentTypes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function attribute(span: OtlpSpan, key: string): string | number | boolean | undefined {
  const value = span.attributes.find((candidate) => candidate.key === key)?.value;
  if (value === undefined) return undefined;
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.boolValue ?? value.doubleValue;
}

const callerTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpanId = '00f067aa0ba902b7';

describe('run tracing over OTLP/HTTP', () => {
  let gateway: TestGateway | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await gateway?.close();
    await receiver?.close();
    gateway = undefined;
    receiver = undefined;
  });

  it("exports a run span, a child per layer and per provider attempt with GenAI attributes, continuing the caller's traceparent", async () => {
    receiver = await startReceiver();
    gateway = await startTestGateway({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'dax-under-test' },
      script: { 'DA-9': { fault: 'http', status: 503, times: 1 } },
    });
    const key = await gateway.keyFor('acme', ['caller']);
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${key}`, traceparent: `00-${callerTraceId}-${callerSpanId}-01` },
      payload: { input: 'Summarise the Q3 report for the board; contact dana@example.com' },
    });
    expect(response.statusCode).toBe(200);
    const runId = response.json<{ runId: string }>().runId;
    await gateway.app.observability.flush();

    expect(receiver.contentTypes[0]).toContain('application/json');
    const exported = receiver.exports.flatMap((body) => body.resourceSpans);
    expect(exported[0]?.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'dax-under-test' } });
    const spans = exported.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    const runSpan = spans.find((span) => attribute(span, 'dax.run.id') === runId && span.name === 'invoke_agent dax');
    expect(runSpan).toBeDefined();
    expect(runSpan!.traceId).toBe(callerTraceId);
    expect(runSpan!.parentSpanId).toBe(callerSpanId);
    expect(attribute(runSpan!, 'gen_ai.operation.name')).toBe('invoke_agent');
    expect(attribute(runSpan!, 'dax.status')).toBe('approved');
    expect(attribute(runSpan!, 'dax.decision')).toBe('accept');
    expect(attribute(runSpan!, 'dax.risk')).toMatch(/^P[0-3]$/);
    expect(attribute(runSpan!, 'dax.config.version')).toMatch(/^[0-9a-f]{16,}$/);
    expect(attribute(runSpan!, 'gen_ai.usage.input_tokens')).toBeGreaterThan(0);
    expect(attribute(runSpan!, 'gen_ai.usage.output_tokens')).toBeGreaterThan(0);

    const layerSpans = spans.filter((span) => span.parentSpanId === runSpan!.spanId);
    expect(layerSpans.map((span) => attribute(span, 'dax.layer'))).toEqual(
      expect.arrayContaining(['DA-13', 'DA-9', 'DA-7', 'DA-3', 'DA-1', 'DA-X']),
    );
    expect(layerSpans).toHaveLength(14);
    for (const span of layerSpans) {
      expect(span.traceId).toBe(callerTraceId);
      expect(BigInt(span.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(runSpan!.startTimeUnixNano));
      expect(BigInt(span.endTimeUnixNano)).toBeLessThanOrEqual(BigInt(runSpan!.endTimeUnixNano));
    }

    const verifier = layerSpans.find((span) => attribute(span, 'dax.layer') === 'DA-9')!;
    const attempts = spans.filter((span) => span.parentSpanId === verifier.spanId);
    expect(attempts).toHaveLength(2);
    const [failed, succeeded] = attempts.sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
    expect(attribute(failed!, 'gen_ai.operation.name')).toBe('chat');
    expect(attribute(failed!, 'gen_ai.provider.name')).toBe('scripted');
    expect(attribute(failed!, 'gen_ai.request.model')).toBe('scripted-1');
    expect(attribute(failed!, 'error.type')).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect(attribute(succeeded!, 'gen_ai.response.model')).toBe('scripted-1');
    expect(attribute(succeeded!, 'error.type')).toBeUndefined();
    expect(failed!.name).toBe('chat scripted-1');

    // No message content on spans by default: neither the intent nor any output.
    const everything = JSON.stringify(receiver.exports);
    expect(everything).not.toContain('dana@example.com');
    expect(everything).not.toContain('Q3 report');
    expect(spans.some((span) => attribute(span, 'dax.layer.output') !== undefined)).toBe(false);
  });

  it('puts redacted layer outputs on spans only when traceContent is on', async () => {
    receiver = await startReceiver();
    gateway = await startTestGateway({
      env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces` },
      config: { observability: { traceContent: true } },
      script: { 'DA-1': { output: 'Send the Q3 summary to dana@example.com' } },
    });
    const key = await gateway.keyFor('acme', ['caller']);
    await gateway.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${key}` },
      payload: { input: 'Send the Q3 summary to dana@example.com' },
    });
    await gateway.app.observability.flush();
    const spans = receiver.exports.flatMap((body) => body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
    const executor = spans.find((span) => span.name === 'invoke_agent DA-1');
    expect(String(attribute(executor!, 'dax.layer.output'))).toContain('Q3 summary');
    expect(JSON.stringify(receiver.exports)).not.toContain('dana@example.com');
    // Without a caller context the run span starts a new trace.
    const runSpan = spans.find((span) => span.name === 'invoke_agent dax');
    expect(runSpan!.parentSpanId ?? '').toBe('');
  });

  it('starts no tracer without OTEL_* settings, or with OTEL_SDK_DISABLED', async () => {
    gateway = await startTestGateway({ env: {} });
    expect(gateway.app.observability.tracer).toBeUndefined();
    await gateway.close();
    gateway = await startTestGateway({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'true' } });
    expect(gateway.app.observability.tracer).toBeUndefined();
  });
});
