import type { PiiType } from './pii-type.js';

const nonDigits = /\D/g;
const phoneFormatting = /[^\d+]/g;
const whitespace = /\s/g;

/** A canonical form so one value written two ways ("4155550132", "(415) 555-0132") counts as the same. */
export function normalizePiiValue(type: PiiType, value: string): string {
  switch (type) {
    case 'EMAIL':
      return value.toLowerCase();
    case 'PHONE':
      return value.replace(phoneFormatting, '');
    case 'CREDIT_CARD':
    case 'US_SSN':
      return value.replace(nonDigits, '');
    case 'IBAN':
      return value.replace(whitespace, '').toUpperCase();
    default:
      return value;
  }
}
