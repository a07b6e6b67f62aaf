import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { maxAmount } from './max-amount.js';

describe('maxAmount', () => {
  it('is 0 without amounts', () => {
    expect(maxAmount([])).toBe(0);
    expect(maxAmount([{ kind: 'account', value: '12345678' }])).toBe(0);
  });

  it('takes the largest amount in whole units, ignoring other kinds', () => {
    expect(
      maxAmount([
        { kind: 'amount', value: '2500.00 USD' },
        { kind: 'account', value: '999999999' },
        { kind: 'amount', value: '25000.00 EUR' },
      ]),
    ).toBe(25000);
  });

  it('drops fractions and reads separators and a leading currency', () => {
    expect(maxAmount([{ kind: 'amount', value: '9999.99 EUR' }])).toBe(9999);
    expect(maxAmount([{ kind: 'amount', value: '1,250,000 GBP' }])).toBe(1250000);
    expect(maxAmount([{ kind: 'amount', value: 'USD 300' }])).toBe(300);
  });

  it('caps huge amounts at the largest safe integer', () => {
    expect(maxAmount([{ kind: 'amount', value: '99999999999999999999999 USD' }])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('fails closed on an amount without a number', () => {
    expect(() => maxAmount([{ kind: 'amount', value: 'lots EUR' }])).toThrow(DaxError);
  });
});
