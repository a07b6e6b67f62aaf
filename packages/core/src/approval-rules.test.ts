import { describe, expect, it } from 'vitest';
import { defaultApprovalRules, missingApprovalGroups } from './approval-rules.js';

const approval = (actor: string, groups: string[]) => ({ actor, groups, at: '2025-06-01T12:00:00.000Z' });

describe('missingApprovalGroups', () => {
  it('needs one approver from safety and one from platform by default', () => {
    expect(missingApprovalGroups([], defaultApprovalRules)).toEqual(['safety', 'platform']);
    expect(missingApprovalGroups([approval('a', ['safety'])], defaultApprovalRules)).toEqual(['platform']);
    expect(missingApprovalGroups([approval('a', ['safety']), approval('b', ['platform'])], defaultApprovalRules)).toEqual([]);
  });

  it('counts one person once, even when they are in both groups', () => {
    expect(missingApprovalGroups([approval('a', ['safety', 'platform'])], defaultApprovalRules)).toHaveLength(1);
  });

  it('finds an assignment that covers every group when one exists', () => {
    const approvals = [approval('a', ['safety', 'platform']), approval('b', ['safety'])];
    expect(missingApprovalGroups(approvals, defaultApprovalRules)).toEqual([]);
  });

  it('follows configured groups', () => {
    expect(missingApprovalGroups([approval('a', ['legal'])], { requiredGroups: ['legal', 'safety', 'platform'] })).toEqual(['safety', 'platform']);
  });
});
