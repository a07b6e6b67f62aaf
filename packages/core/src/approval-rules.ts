import type { ConfigApproval } from './config-version.js';

/** Which groups must each be represented by a different approver before a version may activate. */
export interface ApprovalRules {
  readonly requiredGroups: readonly string[];
}

export const defaultApprovalRules: ApprovalRules = { requiredGroups: ['safety', 'platform'] };

/**
 * The required groups not yet covered, where each approval may cover only one group
 * (so one person in both groups cannot approve alone). A small exhaustive matching:
 * the group lists are a handful of names.
 */
export function missingApprovalGroups(approvals: readonly ConfigApproval[], rules: ApprovalRules): string[] {
  const groups = [...new Set(rules.requiredGroups)];
  let best: string[] = [...groups, ''];
  const assign = (index: number, used: ReadonlySet<number>, missing: string[]): void => {
    if (missing.length >= best.length) return;
    if (index === groups.length) {
      if (missing.length < best.length) best = missing;
      return;
    }
    const group = groups[index]!;
    for (const [approvalIndex, approval] of approvals.entries()) {
      if (!used.has(approvalIndex) && approval.groups.includes(group)) {
        assign(index + 1, new Set([...used, approvalIndex]), missing);
      }
    }
    assign(index + 1, used, [...missing, group]);
  };
  assign(0, new Set(), []);
  return best.filter((group) => group !== '');
}
