import type { Response } from '@cedar-policy/cedar-wasm/nodejs';
import type { PolicyResult } from '@dax/core';
import type { PolicyDecision } from '@dax/protocol';
import { DaxError } from '@dax/protocol';
import { defaultDenyRuleId } from './policy-rule.js';

/**
 * Turns Cedar's allow/deny into allow/deny/gate. A deny is a `gate` only when every
 * determining forbid is a gate rule; any deny rule makes it a `deny`. A policy that
 * errored fails the whole decision closed: Cedar would otherwise skip it.
 */
export function decidePolicyResult(response: Response, decisions: ReadonlyMap<string, PolicyDecision>): PolicyResult {
  const { errors, reason } = response.diagnostics;
  if (errors.length > 0) {
    const ids = [...new Set(errors.map((error) => error.policyId))].sort().join(', ');
    throw new DaxError('DAX_E_POLICY_EVALUATION', { detail: `policy ${ids} could not be evaluated` });
  }
  const ruleIds = [...reason].sort();
  const ruleDecisions = ruleIds.map((id) => {
    const decision = decisions.get(id);
    if (decision === undefined) throw new DaxError('DAX_E_POLICY_EVALUATION', { detail: `unknown policy ${id}` });
    return decision;
  });
  if (response.decision === 'allow') return { decision: 'allow', ruleIds };
  if (ruleIds.length === 0) return { decision: 'deny', ruleIds: [defaultDenyRuleId] };
  return { decision: ruleDecisions.includes('deny') ? 'deny' : 'gate', ruleIds };
}
