import type { PolicyDecision } from '@dax/protocol';
import { DaxError } from '@dax/protocol';
import { describeCedarError, locate } from './describe-cedar-error.js';
import { defaultDenyRuleId, type PolicyRule } from './policy-rule.js';
import type { PolicySource } from './policy-source.js';
import { cedar } from './cedar-engine.js';

/** A rule with the Cedar text it was parsed from. */
export interface ParsedPolicy extends PolicyRule {
  readonly text: string;
  /** UTF-16 offset of the policy text inside its source. */
  readonly start: number;
}

const ruleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
const forbidDecisions: ReadonlySet<string> = new Set(['deny', 'gate']);

function invalid(detail: string): DaxError {
  return new DaxError('DAX_E_POLICY_INVALID', { detail });
}

function decisionFor(effect: 'permit' | 'forbid', value: string | null | undefined, where: string): PolicyDecision {
  if (effect === 'permit') {
    if (value === 'allow') return 'allow';
    throw invalid(`${where}: a permit policy needs @decision("allow")`);
  }
  if (value !== null && value !== undefined && forbidDecisions.has(value)) return value as PolicyDecision;
  throw invalid(`${where}: a forbid policy needs @decision("deny") or @decision("gate")`);
}

function parseOne(source: PolicySource, text: string, start: number): ParsedPolicy {
  const line = locate(source.text, start).line;
  const where = `${source.name}: line ${line}`;
  const answer = cedar.policyToJson(text);
  if (answer.type === 'failure') {
    const first = answer.errors[0];
    const message = first === undefined ? 'unparsable policy' : describeCedarError(first, { source: source.text, start, text });
    throw invalid(`${source.name}: ${message}`);
  }
  const annotations = answer.json.annotations ?? {};
  const id = annotations.id as string | null | undefined;
  if (typeof id !== 'string' || !ruleIdPattern.test(id)) {
    throw invalid(`${where}: the policy needs @id("<area>.<name>") in lower-case words joined by "-" and "."`);
  }
  if (id === defaultDenyRuleId) throw invalid(`${where}: @id("${id}") is reserved`);
  const decision = decisionFor(answer.json.effect, annotations.decision, `${where} (${id})`);
  return { id, decision, source: source.name, line, text, start };
}

function parseSource(source: PolicySource): ParsedPolicy[] {
  const answer = cedar.policySetTextToParts(source.text);
  if (answer.type === 'failure') {
    const first = answer.errors[0];
    const message = first === undefined ? 'unparsable policy text' : describeCedarError(first, { source: source.text, start: 0, text: source.text });
    throw invalid(`${source.name}: ${message}`);
  }
  if (answer.policy_templates.length > 0) {
    throw invalid(`${source.name}: policy templates (slots such as ?principal) are not supported`);
  }
  const taken = new Set<number>();
  const policies = answer.policies.map((text) => {
    let start = source.text.indexOf(text);
    while (start >= 0 && taken.has(start)) start = source.text.indexOf(text, start + 1);
    taken.add(start);
    return parseOne(source, text, Math.max(0, start));
  });
  return policies.sort((left, right) => left.start - right.start);
}

/**
 * Splits each source into policies and checks their annotations: every policy
 * carries a unique `@id` and a `@decision` that fits its effect.
 */
export function parsePolicySources(sources: readonly PolicySource[]): ParsedPolicy[] {
  const byId = new Map<string, ParsedPolicy>();
  const policies: ParsedPolicy[] = [];
  for (const source of sources) {
    for (const policy of parseSource(source)) {
      const earlier = byId.get(policy.id);
      if (earlier !== undefined) {
        throw invalid(
          `${policy.source}: line ${policy.line}: @id("${policy.id}") is already used at ${earlier.source}: line ${earlier.line}`,
        );
      }
      byId.set(policy.id, policy);
      policies.push(policy);
    }
  }
  return policies;
}
