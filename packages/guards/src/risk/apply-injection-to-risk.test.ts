import type { InjectionMatch, RiskAssessment } from '@dax/core';
import { describe, expect, it } from 'vitest';
import { applyInjectionToRisk } from './apply-injection-to-risk.js';
import { gradeRisk } from './grade-risk.js';

const match: InjectionMatch = { ruleId: 'injection.ignore-instructions', message: 'test', start: 0, end: 10 };

describe('applyInjectionToRisk', () => {
  it('returns the assessment unchanged without matches', () => {
    const risk = gradeRisk('Summarize the meeting notes.');
    expect(applyInjectionToRisk(risk, [])).toBe(risk);
  });

  it('raises a routine grade to P1 with the gate and the injection rule id', () => {
    const raised = applyInjectionToRisk(gradeRisk('Summarize the meeting notes.'), [match]);
    expect(raised.grade).toBe('P1');
    expect(raised.gate).toBe(true);
    expect(raised.ruleIds).toContain('risk.injection');
    expect(raised.categories).toContain('prompt-injection');
  });

  it('never lowers a P0 and keeps its rules', () => {
    const risk = gradeRisk('Delete all backups of the production database.');
    const raised = applyInjectionToRisk(risk, [match, match]);
    expect(raised.grade).toBe('P0');
    expect(raised.ruleIds).toEqual([...risk.ruleIds, 'risk.injection']);
  });

  it('does not repeat the injection rule when applied twice', () => {
    const once = applyInjectionToRisk(gradeRisk('Translate this paragraph.'), [match]);
    const twice = applyInjectionToRisk(once, [match]);
    expect(twice.ruleIds.filter((ruleId) => ruleId === 'risk.injection')).toHaveLength(1);
    expect(twice.reasons).toEqual(once.reasons);
  });

  it('keeps the gate of an assessment that already had it', () => {
    const gated: RiskAssessment = { grade: 'P1', gate: true, ruleIds: ['risk.contract.sign'], reasons: [], categories: [] };
    expect(applyInjectionToRisk(gated, [match])).toMatchObject({ grade: 'P1', gate: true });
  });
});
