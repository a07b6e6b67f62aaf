import { describe, expect, it } from 'vitest';
import { detectSsns } from './detect-ssns.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectSsns(text, found);
  return found.map((match) => match.value);
}

describe('detectSsns', () => {
  it('finds grouped SSNs in issued ranges', () => {
    expect(find('SSN 219-44-8830, spouse 431 27 9054.')).toEqual(['219-44-8830', '431 27 9054']);
  });

  it('finds nine digits only when labelled as an SSN', () => {
    expect(find('social security number: 219448830')).toEqual(['219448830']);
    expect(find('reference 219448830')).toEqual([]);
  });

  it('rejects area 000, 666 or 9xx, group 00 and serial 0000', () => {
    expect(find('000-12-3456 666-12-3456 912-34-5678 123-00-4567 123-45-0000')).toEqual([]);
    expect(find('SSN 900123456')).toEqual([]);
  });

  it('ignores mixed separators, longer numbers and identifiers', () => {
    expect(find('219-44 8830, 1219-44-8830, 219-44-88301, part 219-44-8830')).toEqual([]);
  });
});
