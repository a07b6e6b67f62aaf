import { describe, expect, it } from 'vitest';
import { compareRiskGrades, isGatedGrade, mostSevereGrade } from './risk-grade-order.js';

describe('risk grade order', () => {
  it('orders P0 as the most severe', () => {
    expect(compareRiskGrades('P0', 'P3')).toBeLessThan(0);
    expect(compareRiskGrades('P2', 'P1')).toBeGreaterThan(0);
    expect(mostSevereGrade('P2', 'P1')).toBe('P1');
    expect(mostSevereGrade('P0', 'P1')).toBe('P0');
  });

  it('gates P0 and P1 only', () => {
    expect(['P0', 'P1', 'P2', 'P3'].map((grade) => isGatedGrade(grade as 'P0'))).toEqual([true, true, false, false]);
  });
});
