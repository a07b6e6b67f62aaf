import { describe, expect, it } from 'vitest';
import type { PiiMatch } from './pii-match.js';
import { resolveOverlaps } from './resolve-overlaps.js';

function match(type: PiiMatch['type'], start: number, end: number): PiiMatch {
  return { type, start, end, value: 'x'.repeat(end - start) };
}

describe('resolveOverlaps', () => {
  it('keeps the more specific type when spans overlap', () => {
    expect(resolveOverlaps([match('PASSWORD', 0, 40), match('GITHUB_TOKEN', 0, 40)])).toEqual([match('GITHUB_TOKEN', 0, 40)]);
    expect(resolveOverlaps([match('PHONE', 5, 20), match('CREDIT_CARD', 3, 22)])).toEqual([match('CREDIT_CARD', 3, 22)]);
  });

  it('keeps the longer span between equally specific types', () => {
    expect(resolveOverlaps([match('PHONE', 0, 8), match('PHONE', 0, 14)])).toEqual([match('PHONE', 0, 14)]);
  });

  it('keeps every non-overlapping span, sorted by start', () => {
    expect(resolveOverlaps([match('EMAIL', 30, 40), match('PHONE', 0, 10), match('IBAN', 12, 20)])).toEqual([
      match('PHONE', 0, 10),
      match('IBAN', 12, 20),
      match('EMAIL', 30, 40),
    ]);
  });

  it('lets a loser that only overlapped a discarded span survive', () => {
    // EMAIL beats PHONE (5..15); PASSWORD (12..25) overlaps only PHONE, which is gone, so it stays.
    const result = resolveOverlaps([match('PHONE', 5, 15), match('EMAIL', 0, 10), match('PASSWORD', 12, 25)]);
    expect(result).toEqual([match('EMAIL', 0, 10), match('PASSWORD', 12, 25)]);
  });
});
