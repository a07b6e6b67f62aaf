export { applyInjectionToRisk, injectionRiskRuleId } from './apply-injection-to-risk.js';
export { gradeRisk } from './grade-risk.js';
export { parseMoneyAmounts } from './parse-money-amounts.js';
export { parseNumberWords } from './parse-number-words.js';
export { compareRiskGrades, isGatedGrade, mostSevereGrade } from './risk-grade-order.js';
