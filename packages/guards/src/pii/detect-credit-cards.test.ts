import { describe, expect, it } from 'vitest';
import { detectCreditCards } from './detect-credit-cards.js';
import { isLuhnValid } from './luhn.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectCreditCards(text, found);
  return found.map((match) => match.value);
}

describe('detectCreditCards', () => {
  it('finds Luhn-valid cards of each network, compact or grouped', () => {
    for (const card of [
      '4111111111111111',
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '5555555555554444',
      '2223003122003222',
      '378282246310005',
      '3782 822463 10005',
      '6011111111111117',
      '3530111333300000',
      '30569309025904',
    ]) {
      expect(find(`Card: ${card}.`)).toEqual([card]);
    }
  });

  it('rejects Luhn-invalid numbers', () => {
    expect(find('Visa 4111 1111 1111 1112 and 5555555555554445')).toEqual([]);
  });

  it('rejects Luhn-valid numbers without a card network prefix', () => {
    const numbers = ['1000000000000008', '8000000000000003', '9000000000000001', '2844120170152393'];
    for (const digits of numbers) expect(isLuhnValid(digits)).toBe(true);
    expect(find(`ids ${numbers.join(' ')}`)).toEqual([]);
  });

  it('rejects inconsistent grouping, longer numbers, amounts and labelled identifiers', () => {
    expect(find('4111 1111-1111 1111')).toEqual([]);
    expect(find('41111111111111110000000')).toEqual([]);
    expect(find('$4111111111111111.00 and +4111111111111111')).toEqual([]);
    expect(find('Order 4111111111111111 shipped; serial number 4111 1111 1111 1111')).toEqual([]);
  });
});
