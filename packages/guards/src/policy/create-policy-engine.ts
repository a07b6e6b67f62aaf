import { createHash } from 'node:crypto';
import type { AuthorizationAnswer, CheckParseAnswer, Entities } from '@cedar-policy/cedar-wasm/nodejs';
import { canonicalJson } from '@dax/core';
import type { PolicyDecision } from '@dax/protocol';
import { DaxError } from '@dax/protocol';
import { buildPolicyRequest } from './build-policy-request.js';
import { decidePolicyResult } from './decide-policy-result.js';
import { parsePolicySources } from './parse-policy-sources.js';
import type { PolicyEngine } from './policy-engine.js';
import { policySchemaText } from './policy-schema.js';
import type { PolicySource } from './policy-source.js';
import { validatePolicies } from './validate-policies.js';
import { cedar } from './cedar-engine.js';

const noEntities: Entities = [];

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function requireParsed(answer: CheckParseAnswer, what: string): void {
  if (answer.type === 'failure') {
    const message = answer.errors.map((error) => error.message).join('; ');
    throw new DaxError('DAX_E_POLICY_INVALID', { detail: `${what}: ${message}` });
  }
}

/**
 * Parses and validates the sources once, then keeps the policy set pre-parsed inside
 * Cedar so each decision only evaluates (about a tenth of the cost of re-parsing).
 * The pre-parsed entry is keyed by content hash, so engines built from the same
 * text share it. Requests are sent without the schema: policies were validated
 * against it at load, `buildPolicyRequest` always fills the declared shape, and a
 * request that did not match would make a policy error, which fails closed; passing
 * the schema on every call would cost about 40% more per decision.
 */
export function createPolicyEngine(sources: readonly PolicySource[]): PolicyEngine {
  const policies = parsePolicySources(sources);
  if (policies.length === 0) {
    const names = sources.map((source) => source.name).join(', ') || '(no sources)';
    throw new DaxError('DAX_E_POLICY_INVALID', { detail: `${names}: no policies found` });
  }
  validatePolicies(policies, policySchemaText, new Map(sources.map((source) => [source.name, source.text])));

  const staticPolicies = Object.fromEntries(policies.map((policy) => [policy.id, policy.text]));
  const hash = sha256(canonicalJson({ policies: staticPolicies, schema: policySchemaText }));
  const policySetId = `dax-policy-set-${hash}`;
  requireParsed(cedar.preparsePolicySet(policySetId, { staticPolicies }), 'policy set');

  const decisions = new Map<string, PolicyDecision>(policies.map((policy) => [policy.id, policy.decision]));
  const rules = policies.map(({ id, decision, source, line }) => ({ id, decision, source, line }));

  return {
    rules,
    hash,
    evaluate(input) {
      const request = buildPolicyRequest(input);
      let answer: AuthorizationAnswer;
      try {
        answer = cedar.statefulIsAuthorized({
          ...request,
          entities: noEntities,
          preparsedPolicySetId: policySetId,
        });
      } catch (error) {
        throw new DaxError('DAX_E_POLICY_EVALUATION', { cause: error });
      }
      if (answer.type === 'failure') {
        const cause = new Error(answer.errors.map((error) => error.message).join('; '));
        throw new DaxError('DAX_E_POLICY_EVALUATION', { detail: 'the request was rejected by the policy engine', cause });
      }
      return decidePolicyResult(answer.response, decisions);
    },
  };
}
