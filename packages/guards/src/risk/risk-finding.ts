import type { RiskGrade } from '@dax/protocol';

/** One risk rule that matched: a stable id, its grade, the action categories and a short reason. */
export interface RiskFinding {
  readonly ruleId: string;
  readonly grade: RiskGrade;
  readonly categories: readonly string[];
  /** Fixed wording per rule; never quotes the text, so it cannot carry personal data. */
  readonly reason: string;
}
