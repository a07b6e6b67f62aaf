import type { PolicyInput, PolicyResult } from '@dax/core';
import type { PolicyRule } from './policy-rule.js';

/** A loaded, validated policy set that decides DA-9 requests. */
export interface PolicyEngine {
  /** The loaded rules in source order. */
  readonly rules: readonly PolicyRule[];
  /** SHA-256 (hex) over the policy texts by id and the schema: the policy version. */
  readonly hash: string;
  /** Decides one request; throws `DAX_E_POLICY_EVALUATION` rather than guess. */
  evaluate(input: PolicyInput): PolicyResult;
}
