import { describe, expect, it } from 'vitest';
import { isValidSsn } from './is-valid-ssn.js';

describe('isValidSsn', () => {
  it('accepts issued ranges', () => {
    expect(isValidSsn('219', '44', '8830')).toBe(true);
    expect(isValidSsn('001', '01', '0001')).toBe(true);
    expect(isValidSsn('899', '99', '9999')).toBe(true);
  });

  it('rejects area 000, 666 and 900-999, group 00 and serial 0000', () => {
    expect(isValidSsn('000', '12', '3456')).toBe(false);
    expect(isValidSsn('666', '12', '3456')).toBe(false);
    expect(isValidSsn('900', '12', '3456')).toBe(false);
    expect(isValidSsn('987', '65', '4321')).toBe(false);
    expect(isValidSsn('123', '00', '4567')).toBe(false);
    expect(isValidSsn('123', '45', '0000')).toBe(false);
  });
});
