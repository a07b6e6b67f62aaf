import { describe, expect, it } from 'vitest';
import { numberSteps, splitSteps } from './split-steps.js';

describe('splitSteps', () => {
  it('splits at sentences, semicolons, line breaks and "then"', () => {
    expect(splitSteps('Back up the database. Then migrate it; verify the row counts\nreport back, and then close the ticket')).toEqual([
      'Back up the database.',
      'Then migrate it',
      'verify the row counts',
      'report back',
      'close the ticket',
    ]);
  });

  it('keeps decimals, amounts and addresses whole', () => {
    expect(splitSteps('Pay $4,200.00 to billing@northwind.example on 2025.03.03.')).toEqual([
      'Pay $4,200.00 to billing@northwind.example on 2025.03.03.',
    ]);
  });

  it('numbers steps from 1', () => {
    expect(numberSteps(['a', 'b'])).toBe('1. a\n2. b');
  });
});
