import { normalizeRiskText } from './normalize-risk-text.js';
import type { RiskView } from './risk-view.js';
import { splitIntoClauses } from './split-into-clauses.js';

/** Normalises the text once and splits it into classified clauses for the rules to read. */
export function buildRiskView(text: string): RiskView {
  const clauses = splitIntoClauses(normalizeRiskText(text));
  const actionClauses = clauses.filter((clause) => clause.mode === 'action');
  return {
    clauses,
    actionClauses,
    actionText: actionClauses.map((clause) => clause.text).join(' | '),
    contentText: clauses
      .filter((clause) => clause.mode !== 'negated')
      .map((clause) => clause.text)
      .join(' | '),
    hasInformational: clauses.some((clause) => clause.mode === 'informational'),
  };
}
