import { describe, expect, it } from 'vitest';
import { raiseRisk, readStatedGrade } from './raise-risk.js';

const low = { grade: 'P3', gate: false, ruleIds: [], reasons: [], categories: ['informational'] } as const;

describe('raiseRisk', () => {
  it('raises and gates', () => {
    const raised = raiseRisk(low, 'P1', 'risk.injection', 'injection attempt');
    expect(raised).toMatchObject({ grade: 'P1', gate: true, ruleIds: ['risk.injection'] });
  });
  it('never lowers', () => {
    const high = { ...low, grade: 'P0', gate: true } as const;
    expect(raiseRisk(high, 'P3', 'x', 'y')).toBe(high);
  });
});

describe('readStatedGrade', () => {
  it('reads a grade a model states', () => {
    expect(readStatedGrade('Risk P1 — gate required')).toBe('P1');
    expect(readStatedGrade('risk level: P0')).toBe('P0');
    expect(readStatedGrade('Routine drafting request.')).toBeUndefined();
  });
});
