import { describe, expect, it } from 'vitest';
import { detectIbans } from './detect-ibans.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectIbans(text, found);
  return found.map((match) => match.value);
}

describe('detectIbans', () => {
  it('finds valid IBANs written compact or in groups of four', () => {
    expect(find('Pay DE89370400440532013000 or GB82 WEST 1234 5698 7654 32.')).toEqual([
      'DE89370400440532013000',
      'GB82 WEST 1234 5698 7654 32',
    ]);
    expect(find('IBAN: FR14 2004 1010 0505 0001 3M02 606, Norway NO9386011117947')).toEqual([
      'FR14 2004 1010 0505 0001 3M02 606',
      'NO9386011117947',
    ]);
  });

  it('stops at the country length even when an upper-case word follows', () => {
    expect(find('to DE89 3704 0044 0532 0130 00 EUR only')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it('rejects bad checksums, wrong lengths and unknown countries', () => {
    expect(find('DE89 3704 0044 0532 0130 01')).toEqual([]);
    expect(find('DE88370400440532013000')).toEqual([]);
    expect(find('DE893704004405320130001')).toEqual([]);
    expect(find('QQ89370400440532013000')).toEqual([]);
  });

  it('finds an IBAN that starts inside a rejected candidate', () => {
    expect(find('XX12 AB DE89370400440532013000')).toEqual(['DE89370400440532013000']);
  });
});
