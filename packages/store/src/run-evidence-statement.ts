import { createHash } from 'node:crypto';
import { canonicalJson } from '@dax/core';
import { inTotoStatementType, type InTotoStatement } from '@dax/evidence';
import type { RunResult } from '@dax/protocol';

/** predicateType of a Dax run decision. */
export const runDecisionPredicateType = 'https://dax.dev/evidence/run-decision/v1';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What Dax decided for a run, without any raw text or personal data: decisions,
 * rule ids, model ids and attempts are kept; every free text (input, outputs,
 * reasons, comments, approver identities) is a SHA-256 hex digest.
 */
export interface RunDecisionPredicate {
  readonly runId: string;
  readonly tenant: string;
  readonly domain: string;
  readonly configHash: string;
  readonly status: RunResult['status'];
  readonly revision: string;
  readonly inputSha256: string;
  readonly outputSha256: string;
  readonly decision: { readonly action: string; readonly layer?: string; readonly reasonSha256: string };
  readonly risk: { readonly grade: string; readonly gate: boolean; readonly reasonsSha256: readonly string[] };
  readonly policy: { readonly decision: string; readonly ruleIds: readonly string[] };
  readonly ruleIds: readonly string[];
  readonly models: readonly string[];
  readonly attempts: number;
  readonly layers: readonly {
    readonly layer: string;
    readonly agent: string;
    readonly status: string;
    readonly model: string;
    readonly reruns: number;
    readonly outputSha256: string;
    readonly reasonSha256?: string;
    readonly attempts: readonly { provider: string; model: string; outcome: string; errorCode?: string }[];
    readonly findings: readonly { guard: string; kind: string; severity: string; ruleId?: string }[];
  }[];
  readonly approvals: readonly {
    readonly gateId: string;
    readonly approverSha256: string;
    readonly decision: string;
    readonly at: string;
    readonly commentSha256?: string;
  }[];
  readonly error?: { readonly code: string; readonly layer?: string };
  readonly startedAt: string;
  readonly durationMs: number;
}

export type RunStatement = InTotoStatement<RunDecisionPredicate>;

/** Which state of a run an envelope attests; a retried finish of the same state appends nothing. */
export function evidenceRevision(result: RunResult): string {
  return `${result.status}:${result.approvals?.length ?? 0}`;
}

/** sha256 of the result's canonical JSON without its evidence ids (which are assigned after signing). */
export function runResultDigest(result: RunResult): string {
  return sha256(canonicalJson({ ...result, evidenceIds: [] }));
}

/** The in-toto statement for a run's result. Deterministic: equal results give byte-equal statements. */
export function buildRunStatement(result: RunResult, context: { tenant: string; inputHash: string }): RunStatement {
  const ruleIds = new Set<string>(result.policy.ruleIds);
  for (const finding of result.findings) if (finding.ruleId !== undefined) ruleIds.add(finding.ruleId);
  const models = new Set<string>();
  for (const entry of result.trace) for (const attempt of entry.attempts) models.add(`${attempt.provider}:${attempt.model}`);
  return {
    _type: inTotoStatementType,
    subject: [{ name: `dax-run:${result.runId}`, digest: { sha256: runResultDigest(result) } }],
    predicateType: runDecisionPredicateType,
    predicate: {
      runId: result.runId,
      tenant: context.tenant,
      domain: result.domain,
      configHash: result.configHash,
      status: result.status,
      revision: evidenceRevision(result),
      inputSha256: context.inputHash,
      outputSha256: sha256(result.output),
      decision: {
        action: result.decision.action,
        ...(result.decision.layer === undefined ? {} : { layer: result.decision.layer }),
        reasonSha256: sha256(result.decision.reason),
      },
      risk: { grade: result.risk.grade, gate: result.risk.gate, reasonsSha256: result.risk.reasons.map(sha256) },
      policy: { decision: result.policy.decision, ruleIds: [...result.policy.ruleIds] },
      ruleIds: [...ruleIds].sort(),
      models: [...models].sort(),
      attempts: result.attempts,
      layers: result.trace.map((entry) => ({
        layer: entry.layer,
        agent: entry.agent,
        status: entry.status,
        model: entry.model,
        reruns: entry.reruns,
        outputSha256: sha256(entry.output),
        ...(entry.reason === undefined ? {} : { reasonSha256: sha256(entry.reason) }),
        attempts: entry.attempts.map((attempt) => ({
          provider: attempt.provider,
          model: attempt.model,
          outcome: attempt.outcome,
          ...(attempt.errorCode === undefined ? {} : { errorCode: attempt.errorCode }),
        })),
        findings: entry.findings.map((finding) => ({
          guard: finding.guard,
          kind: finding.kind,
          severity: finding.severity,
          ...(finding.ruleId === undefined ? {} : { ruleId: finding.ruleId }),
        })),
      })),
      approvals: (result.approvals ?? []).map((approval) => ({
        gateId: approval.gateId,
        approverSha256: sha256(approval.approver),
        decision: approval.decision,
        at: approval.at,
        ...(approval.comment === undefined ? {} : { commentSha256: sha256(approval.comment) }),
      })),
      ...(result.error === undefined
        ? {}
        : { error: { code: result.error.code, ...(result.error.layer === undefined ? {} : { layer: result.error.layer }) } }),
      startedAt: result.startedAt,
      durationMs: result.durationMs,
    },
  };
}

/** The statement's bytes as signed: canonical JSON, UTF-8. */
export function serializeStatement(statement: RunStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}
