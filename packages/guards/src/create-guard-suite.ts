import type { GuardSuite } from '@dax/core';
import { checkDrift } from './drift/check-drift.js';
import { extractAnchor } from './drift/extract-anchor.js';
import { detectInjection } from './injection/detect-injection.js';
import { createRedactor } from './pii/create-redactor.js';
import type { PolicyEngine } from './policy/policy-engine.js';
import { applyInjectionToRisk } from './risk/apply-injection-to-risk.js';
import { gradeRisk } from './risk/grade-risk.js';

export interface GuardSuiteOptions {
  /** The loaded Cedar policy set (see loadPolicySet). */
  readonly policies: PolicyEngine;
}

/**
 * The deterministic guards the engine runs, composed once at start. Risk grading
 * takes the injection matches DA-13 found: an injection attempt raises the grade, never lowers it.
 */
export function createGuardSuite(options: GuardSuiteOptions): GuardSuite {
  return {
    extractAnchor,
    checkDrift,
    gradeRisk: (text, injection) => applyInjectionToRisk(gradeRisk(text), injection),
    detectInjection,
    createRedactor,
    evaluatePolicy: (input) => options.policies.evaluate(input),
  };
}
