import { describe, expect, it } from 'vitest';
import { isLuhnValid } from './luhn.js';

describe('isLuhnValid', () => {
  it('accepts numbers whose check digit is right', () => {
    for (const digits of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '79927398713']) {
      expect(isLuhnValid(digits)).toBe(true);
    }
  });

  it('rejects a wrong check digit, non-digits and the empty string', () => {
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('4111-1111')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });
});
