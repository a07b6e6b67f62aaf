import { z } from 'zod';

export const riskGradeSchema = z.enum(['P0', 'P1', 'P2', 'P3']);
export type RiskGrade = z.infer<typeof riskGradeSchema>;

export const runStatusSchema = z.enum([
  'approved',
  'rolled_back',
  'halted',
  'awaiting_approval',
  'denied',
  'failed',
]);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const policyDecisionSchema = z.enum(['allow', 'deny', 'gate']);
export type PolicyDecision = z.infer<typeof policyDecisionSchema>;

export const stabilityActionSchema = z.enum(['accept', 'rerun', 'rollback', 'halt']);
export type StabilityAction = z.infer<typeof stabilityActionSchema>;

export const severitySchema = z.enum(['info', 'low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** One observation of a deterministic guard. Never carries raw personal data or secrets. */
export const findingSchema = z.object({
  guard: z.enum(['anchor', 'drift', 'risk', 'pii', 'policy', 'injection', 'structure', 'gate', 'stability']),
  kind: z.string(),
  severity: severitySchema,
  message: z.string(),
  layer: z.string(),
  ruleId: z.string().optional(),
  /** Safe, non-personal detail (expected/found values are hashed or typed for personal data). */
  expected: z.string().optional(),
  found: z.string().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const attemptSchema = z.object({
  provider: z.string(),
  model: z.string(),
  outcome: z.enum(['ok', 'error']),
  errorCode: z.string().optional(),
  durationMs: z.number(),
  /** Why this attempt was made: the first model, a retry of it, or a fallback after a failure. */
  reason: z.enum(['primary', 'retry', 'fallback']).optional(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const layerStatusSchema = z.enum(['ok', 'rolled_back', 'failed', 'skipped']);

export const traceEntrySchema = z.object({
  layer: z.string(),
  agent: z.string(),
  output: z.string(),
  reason: z.string().optional(),
  status: layerStatusSchema,
  findings: z.array(findingSchema),
  model: z.string(),
  attempts: z.array(attemptSchema),
  reruns: z.number().int(),
  durationMs: z.number(),
});
export type TraceEntry = z.infer<typeof traceEntrySchema>;

/** A person's decision at a human gate (DA-7). Identity as the gateway knows it; never personal data beyond it. */
export const approvalSchema = z.object({
  gateId: z.string(),
  approver: z.string(),
  decision: z.enum(['approved', 'denied']),
  at: z.string(),
  comment: z.string().optional(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const usageSchema = z.object({
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  estimated: z.boolean(),
});
export type Usage = z.infer<typeof usageSchema>;

export const runResultSchema = z.object({
  runId: z.string(),
  status: runStatusSchema,
  /** The governed output (DA-1's output, or the last stable output after a rollback). */
  output: z.string(),
  trace: z.array(traceEntrySchema),
  decision: z.object({ action: stabilityActionSchema, reason: z.string(), layer: z.string().optional() }),
  risk: z.object({ grade: riskGradeSchema, gate: z.boolean(), reasons: z.array(z.string()) }),
  policy: z.object({ decision: policyDecisionSchema, ruleIds: z.array(z.string()) }),
  findings: z.array(findingSchema),
  domain: z.string(),
  configHash: z.string(),
  model: z.string(),
  attempts: z.number().int(),
  usage: usageSchema,
  startedAt: z.string(),
  durationMs: z.number(),
  pausedAt: z.string().optional(),
  evidenceIds: z.array(z.string()),
  /** Human-gate decisions that released or ended the run, in order. */
  approvals: z.array(approvalSchema).optional(),
  error: z.object({ code: z.string(), message: z.string(), layer: z.string().optional() }).optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const runSummarySchema = z.object({
  runId: z.string(),
  status: runStatusSchema,
  domain: z.string(),
  risk: riskGradeSchema,
  startedAt: z.string(),
  durationMs: z.number(),
  pausedAt: z.string().optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** The guards' verdict on an intent without any model call (`dax validate`, `POST /v1/validate`). */
export const intentValidationSchema = z.object({
  risk: riskGradeSchema,
  gate: z.boolean(),
  decision: policyDecisionSchema,
  ruleIds: z.array(z.string()),
  findings: z.array(findingSchema),
});
