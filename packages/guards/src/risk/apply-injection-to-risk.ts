import type { InjectionMatch, RiskAssessment } from '@dax/core';
import { isGatedGrade, mostSevereGrade } from './risk-grade-order.js';

export const injectionRiskRuleId = 'risk.injection';
const injectionReason = 'text tries to steer governance (prompt injection)';
const injectionCategory = 'prompt-injection';

/**
 * Raises a risk assessment when injection was found: at least P1 with the gate, rule id
 * `risk.injection`. Never lowers a grade or drops a rule, reason or category; without
 * matches the assessment is returned unchanged.
 */
export function applyInjectionToRisk(risk: RiskAssessment, matches: readonly InjectionMatch[]): RiskAssessment {
  if (matches.length === 0) return risk;
  const grade = mostSevereGrade(risk.grade, 'P1');
  const addUnique = (values: readonly string[], value: string): string[] =>
    values.includes(value) ? [...values] : [...values, value];
  return {
    grade,
    gate: risk.gate || isGatedGrade(grade),
    ruleIds: addUnique(risk.ruleIds, injectionRiskRuleId),
    reasons: addUnique(risk.reasons, injectionReason),
    categories: addUnique(risk.categories, injectionCategory),
  };
}
