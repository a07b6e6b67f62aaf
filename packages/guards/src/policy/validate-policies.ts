import type { ValidationError } from '@cedar-policy/cedar-wasm/nodejs';
import { DaxError } from '@dax/protocol';
import { describeCedarError } from './describe-cedar-error.js';
import type { ParsedPolicy } from './parse-policy-sources.js';
import { cedar } from './cedar-engine.js';

function describe(problem: ValidationError, byId: ReadonlyMap<string, ParsedPolicy>, sources: ReadonlyMap<string, string>): string {
  const policy = byId.get(problem.policyId);
  if (policy === undefined) return `policy ${problem.policyId}: ${problem.error.message}`;
  const source = sources.get(policy.source) ?? policy.text;
  return `${policy.source}: ${describeCedarError(problem.error, { source, start: policy.start, text: policy.text })}`;
}

/**
 * Validates the policies against the schema in strict mode. Validation warnings
 * (for example a policy that can never apply) are refused like errors: a rule that
 * cannot fire is a mistake in a governance policy.
 */
export function validatePolicies(
  policies: readonly ParsedPolicy[],
  schema: string,
  sources: ReadonlyMap<string, string>,
): void {
  const staticPolicies = Object.fromEntries(policies.map((policy) => [policy.id, policy.text]));
  const answer = cedar.validate({ schema, policies: { staticPolicies }, validationSettings: { mode: 'strict' } });
  if (answer.type === 'failure') {
    const message = answer.errors.map((error) => error.message).join('; ');
    throw new DaxError('DAX_E_POLICY_INVALID', { detail: `policy schema: ${message}` });
  }
  const problem = answer.validationErrors[0] ?? answer.validationWarnings[0];
  if (problem !== undefined) {
    const byId = new Map(policies.map((policy) => [policy.id, policy]));
    throw new DaxError('DAX_E_POLICY_INVALID', { detail: describe(problem, byId, sources) });
  }
}
