export { detectInjection } from './detect-injection.js';
export { foldForMatching, originalOffset } from './fold-for-matching.js';
export type { FoldedText } from './fold-for-matching.js';
export { injectionRules } from './injection-rules.js';
export type { InjectionRule } from './injection-rule.js';
