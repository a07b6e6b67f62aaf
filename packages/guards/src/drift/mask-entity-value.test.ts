import { describe, expect, it } from 'vitest';
import { maskEntityValue } from './mask-entity-value.js';

describe('maskEntityValue', () => {
  it.each([
    ['email', 'dana@acme-corp.com', 'd***@acme-corp.com'],
    ['account', 'DE89370400440532013000', 'DE89…3000'],
    ['account', '55120093', '…0093'],
    ['account', '*0092', '…0092'],
    ['account', 'store credit', 'store credit'],
    ['phone', '+14155550132', '…0132'],
    ['payee', 'Priya Nair', 'P*** N***'],
    ['payee', '#release-notes', '#release-notes'],
    ['url', 'https://privacy-update-acme.com/confirm?user=dana', 'https://privacy-update-acme.com'],
    ['identifier', 'customer 4471', 'customer …71'],
    ['identifier', 'INV-7781', 'INV-7781'],
    ['environment', '10.0.4.0/24', '10.0.…'],
    ['environment', 'production', 'production'],
    ['amount', '2500.00 USD', '2500.00 USD'],
    ['date', '2025-03-03', '2025-03-03'],
    ['negation', 'except Dana Smith', 'except D*** S***'],
    ['email', '[EMAIL_1]', '[EMAIL_1]'],
  ] as const)('%s %s → %s', (kind, value, expected) => {
    expect(maskEntityValue(kind, value)).toBe(expected);
  });
});
