import type { RiskFinding } from './risk-finding.js';
import type { RiskView } from './risk-view.js';

/** A family of related risk rules: returns every finding it recognises in the text. */
export type RiskRule = (view: RiskView) => readonly RiskFinding[];
