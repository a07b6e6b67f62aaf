import type { PolicyDecision } from '@dax/protocol';

/** One loaded Cedar policy, identified by its `@id` annotation. */
export interface PolicyRule {
  /** Stable rule id from `@id(...)`, e.g. `finance.large-transfer`. */
  readonly id: string;
  /** From `@decision(...)`: `allow` on a permit, `deny` or `gate` on a forbid. */
  readonly decision: PolicyDecision;
  /** The policy source name (file name) it came from. */
  readonly source: string;
  /** 1-based line of the policy in its source. */
  readonly line: number;
}

/** Reported when no permit applies and no forbid matched: Cedar's implicit deny. */
export const defaultDenyRuleId = 'policy.default-deny';
