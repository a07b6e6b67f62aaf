import type { Finding, PolicyDecision, RiskGrade } from '@dax/protocol';
import type { GuardSuite } from './guard-suite.js';

export interface IntentValidation {
  readonly risk: RiskGrade;
  readonly gate: boolean;
  readonly decision: PolicyDecision;
  readonly ruleIds: readonly string[];
  readonly findings: readonly Finding[];
}

/**
 * The guards' verdict on an intent without running any model: what `dax validate`
 * and `POST /v1/validate` return.
 */
export function validateIntent(
  guards: GuardSuite,
  input: string,
  context: { readonly domain?: string; readonly tenant?: string } = {},
): IntentValidation {
  const intent = input.replace(/\s+/g, ' ').trim();
  const injection = guards.detectInjection(intent);
  const anchor = guards.extractAnchor(intent);
  const risk = guards.gradeRisk(intent, injection);
  const redaction = guards.createRedactor().redact(intent);
  const piiTypes = [...new Set(redaction.spans.map((span) => span.type))];
  const policy = guards.evaluatePolicy({
    domain: context.domain ?? 'default',
    tenant: context.tenant ?? 'default',
    risk,
    injection: injection.length > 0,
    piiTypes,
    entities: anchor.entities,
  });
  const findings: Finding[] = [
    ...injection.map((match): Finding => ({
      guard: 'injection',
      kind: match.ruleId,
      severity: 'high',
      message: match.message,
      layer: 'DA-13',
      ruleId: match.ruleId,
      start: match.start,
      end: match.end,
    })),
    ...redaction.spans.map((span): Finding => ({
      guard: 'pii',
      kind: span.type,
      severity: 'medium',
      message: `${span.type} found.`,
      layer: 'DA-8',
      start: span.start,
      end: span.end,
    })),
  ];
  const gate = risk.gate || policy.decision === 'gate';
  return {
    risk: risk.grade,
    gate,
    decision: policy.decision,
    ruleIds: [...new Set([...risk.ruleIds, ...policy.ruleIds])],
    findings,
  };
}
