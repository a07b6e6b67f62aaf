import type { RiskGrade } from '@dax/protocol';

const severityRank: Readonly<Record<RiskGrade, number>> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** Negative when `first` is more severe than `second`, zero when equal. */
export function compareRiskGrades(first: RiskGrade, second: RiskGrade): number {
  return severityRank[first] - severityRank[second];
}

/** The more severe of two grades. */
export function mostSevereGrade(first: RiskGrade, second: RiskGrade): RiskGrade {
  return compareRiskGrades(first, second) <= 0 ? first : second;
}

/** P0 and P1 need a human gate. */
export function isGatedGrade(grade: RiskGrade): boolean {
  return grade === 'P0' || grade === 'P1';
}
