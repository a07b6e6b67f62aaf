import type { PolicyInput, RiskAssessment } from '@dax/core';
import { DaxError } from '@dax/protocol';

/** A risk assessment for tests: routine unless overridden. */
export function risk(overrides: Partial<RiskAssessment> = {}): RiskAssessment {
  return { grade: 'P3', gate: false, ruleIds: [], reasons: [], categories: [], ...overrides };
}

/** A policy request for tests: tenant acme, domain general, nothing detected unless overridden. */
export function input(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return { domain: 'general', tenant: 'acme', risk: risk(), injection: false, piiTypes: [], entities: [], ...overrides };
}

/** The DaxError an action throws; fails the test when it throws nothing or something else. */
export function errorOf(action: () => unknown): DaxError {
  try {
    action();
  } catch (error) {
    if (DaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a DaxError');
}
