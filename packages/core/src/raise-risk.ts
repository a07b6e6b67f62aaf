import type { RiskGrade } from '@dax/protocol';
import type { RiskAssessment } from './guard-suite.js';

const rank: Record<RiskGrade, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** True when `a` is strictly more severe than `b`. */
export function isMoreSevere(a: RiskGrade, b: RiskGrade): boolean {
  return rank[a] < rank[b];
}

/** Raises an assessment to at least `grade`; never lowers it. */
export function raiseRisk(risk: RiskAssessment, grade: RiskGrade, ruleId: string, reason: string): RiskAssessment {
  if (!isMoreSevere(grade, risk.grade)) return risk;
  return {
    grade,
    gate: grade === 'P0' || grade === 'P1',
    ruleIds: [...risk.ruleIds, ruleId],
    reasons: [...risk.reasons, reason],
    categories: risk.categories,
  };
}

const statedGradePattern = /\b(?:risk(?:\s+(?:grade|level))?\s*[:=]?\s*|grade\s*[:=]?\s*)?(P[0-3])\b/;

/** The risk grade a layer's model output states (e.g. DA-11 "Risk P1 …"), if any. */
export function readStatedGrade(text: string): RiskGrade | undefined {
  const match = statedGradePattern.exec(text);
  return match?.[1] as RiskGrade | undefined;
}
