import type { RunStartRecord } from '@dax/core';
import type { Finding, RunResult, RunStatus, TraceEntry } from '@dax/protocol';

/** The 14 layer names in execution order. */
export const sampleLayerNames: readonly string[] = [
  ...Array.from({ length: 13 }, (_, offset) => `DA-${13 - offset}`),
  'DA-X',
];

/** A run start record with fixed hashes; fields may be overridden. */
export function sampleRunStart(runId: string, overrides: Partial<RunStartRecord> = {}): RunStartRecord {
  return {
    runId,
    tenant: 'tenant-a',
    domain: 'finance',
    configHash: 'sha256:config-0001',
    inputHash: 'sha256:input-0001',
    startedAt: '2025-01-02T03:04:05.678Z',
    ...overrides,
  };
}

/** One finished layer with a finding, as the engine would checkpoint it. */
export function sampleTraceEntry(index: number): TraceEntry {
  const layer = sampleLayerNames[index % sampleLayerNames.length] ?? 'DA-X';
  const finding: Finding = {
    guard: 'pii',
    kind: 'EMAIL',
    severity: 'medium',
    message: 'An e-mail address was redacted.',
    layer,
    ruleId: 'pii.email',
    found: '[EMAIL_1]',
    start: 4,
    end: 13,
  };
  return {
    layer,
    agent: `agent-${index}`,
    output: `Layer ${layer} output for [EMAIL_1] — ünïcødé ✓`,
    reason: 'deterministic duty',
    status: 'ok',
    findings: [finding],
    model: 'offline',
    attempts: [{ provider: 'offline', model: 'offline', outcome: 'ok', durationMs: 0.25 }],
    reruns: 0,
    durationMs: 1.5 + index,
  };
}

/** A complete RunResult exercising every optional field the status allows. */
export function sampleRunResult(runId: string, status: RunStatus = 'approved'): RunResult {
  const trace = sampleLayerNames.map((_, index) => sampleTraceEntry(index));
  const paused = status === 'awaiting_approval';
  return {
    runId,
    status,
    output: 'Pay invoice 42 to the verified payee.',
    trace,
    decision: { action: 'accept', reason: 'All layers stable.', layer: 'DA-X' },
    risk: { grade: paused ? 'P1' : 'P2', gate: paused, reasons: ['money movement'] },
    policy: { decision: paused ? 'gate' : 'allow', ruleIds: ['finance.payments.limit'] },
    findings: trace.flatMap((entry) => entry.findings),
    domain: 'finance',
    configHash: 'sha256:config-0001',
    model: 'offline',
    attempts: trace.length,
    usage: { inputTokens: 1200, outputTokens: 340, estimated: true },
    startedAt: '2025-01-02T03:04:05.678Z',
    durationMs: 12.345,
    ...(paused ? { pausedAt: '2025-01-02T03:04:06.000Z' } : {}),
    evidenceIds: ['evidence-1'],
    ...(status === 'failed'
      ? { error: { code: 'DAX_E_LAYER_FAILED', message: 'A layer failed.', layer: 'DA-5' } }
      : {}),
  };
}
