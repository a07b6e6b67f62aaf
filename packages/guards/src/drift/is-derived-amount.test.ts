import { describe, expect, it } from 'vitest';
import { isDerivedAmount } from './is-derived-amount.js';

describe('isDerivedAmount', () => {
  it('accepts half of a stated amount, a sum, a difference and a stated percentage', () => {
    expect(isDerivedAmount('450.00 USD', ['900.00 USD'], [])).toBe(true);
    expect(isDerivedAmount('2550.00 USD', ['1200.00 USD', '1350.00 USD'], [])).toBe(true);
    expect(isDerivedAmount('150.00 USD', ['1350.00 USD', '1200.00 USD'], [])).toBe(true);
    expect(isDerivedAmount('19800.00 EUR', ['18000.00 EUR'], ['10%'])).toBe(true);
  });

  it('never accepts a multiple, another currency or an unrelated figure', () => {
    expect(isDerivedAmount('2500.00 USD', ['250.00 USD'], [])).toBe(false);
    expect(isDerivedAmount('450.00 EUR', ['900.00 USD'], [])).toBe(false);
    expect(isDerivedAmount('20.00 USD', ['80.00 USD'], [])).toBe(false);
  });
});
