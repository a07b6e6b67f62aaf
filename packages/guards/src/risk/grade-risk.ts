import type { RiskAssessment } from '@dax/core';
import type { RiskGrade } from '@dax/protocol';
import { accessGrantRiskRule } from './access-grant-risk-rule.js';
import { buildRiskView } from './build-risk-view.js';
import { contractRiskRule } from './contract-risk-rule.js';
import { dataDeletionRiskRule } from './data-deletion-risk-rule.js';
import { dataSharingRiskRule } from './data-sharing-risk-rule.js';
import { harmfulContentRiskRule } from './harmful-content-risk-rule.js';
import { infrastructureRiskRule } from './infrastructure-risk-rule.js';
import { meetingRiskRule } from './meeting-risk-rule.js';
import { messagingRiskRule } from './messaging-risk-rule.js';
import { moneyRiskRule } from './money-risk-rule.js';
import { compareRiskGrades, isGatedGrade } from './risk-grade-order.js';
import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import { securityControlRiskRule } from './security-control-risk-rule.js';

const riskRules: readonly RiskRule[] = [
  harmfulContentRiskRule,
  securityControlRiskRule,
  dataDeletionRiskRule,
  dataSharingRiskRule,
  moneyRiskRule,
  infrastructureRiskRule,
  accessGrantRiskRule,
  messagingRiskRule,
  contractRiskRule,
  meetingRiskRule,
];

const informational: RiskFinding = {
  ruleId: 'risk.routine.informational',
  grade: 'P3',
  categories: ['informational'],
  reason: 'asks for information or writing only',
};
const routine: RiskFinding = {
  ruleId: 'risk.routine.no-risky-action',
  grade: 'P3',
  categories: ['routine'],
  reason: 'no risky action recognised',
};

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Deterministic DA-11 risk grade. The text is split into clauses; clauses that only ask for
 * words (questions, explanations, drafts, translations) or that are negated do not count as
 * actions. Every rule that matches contributes its id, reason and categories, most severe
 * first; the grade is the most severe one, and P0/P1 require the human gate.
 */
export function gradeRisk(text: string): RiskAssessment {
  const view = buildRiskView(text);
  const matched = riskRules.flatMap((rule) => rule(view));
  const findings =
    matched.length > 0
      ? [...matched].sort((first, second) => compareRiskGrades(first.grade, second.grade))
      : [view.hasInformational && view.actionClauses.length === 0 ? informational : routine];
  const grade: RiskGrade = findings[0]?.grade ?? 'P3';
  return {
    grade,
    gate: isGatedGrade(grade),
    ruleIds: unique(findings.map((finding) => finding.ruleId)),
    reasons: unique(findings.map((finding) => finding.reason)),
    categories: unique(findings.flatMap((finding) => finding.categories)),
  };
}
