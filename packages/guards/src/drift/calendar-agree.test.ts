import { describe, expect, it } from 'vitest';
import { calendarAgree } from './calendar-agree.js';

describe('calendarAgree', () => {
  it.each([
    ['2025-03-03', '--03-03', true],
    ['--04', '2025-04-15', true],
    ['saturday', '2025-03-08', true],
    ['friday', '2025-03-08', false],
    ['2024-02-29', 'thursday', true],
    ['Q2', '--05', true],
    ['2025-Q2', '2024-05-01', false],
    ['FY2025', '2025-03-01', true],
    ['now', 'today', true],
    ['now', 'tonight', false],
    ['2025-06-30', '2026-06-30', false],
    ['--03-08', '--03-15', false],
    ['today', '--04-15', false],
  ] as const)('%s and %s → %s', (first, second, expected) => {
    expect(calendarAgree(first, second)).toBe(expected);
    expect(calendarAgree(second, first)).toBe(expected);
  });
});
