import { describe, expect, it } from 'vitest';
import { isValidIban } from './is-valid-iban.js';

describe('isValidIban', () => {
  it('accepts IBANs with the right length and mod-97 checksum', () => {
    for (const iban of ['DE89370400440532013000', 'GB82WEST12345698765432', 'NO9386011117947', 'FR1420041010050500013M02606', 'BE68539007547034']) {
      expect(isValidIban(iban)).toBe(true);
    }
  });

  it('rejects a changed digit, a swapped pair and wrong check digits', () => {
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE89370400440532010300')).toBe(false);
    expect(isValidIban('DE88370400440532013000')).toBe(false);
  });

  it('rejects unknown countries, wrong lengths, spaces and lower case', () => {
    expect(isValidIban('ZZ89370400440532013000')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(false);
    expect(isValidIban('de89370400440532013000')).toBe(false);
  });
});
