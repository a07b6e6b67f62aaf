import { describe, expect, it } from 'vitest';
import { mentionsNewPayee } from './mentions-new-payee.js';

describe('mentionsNewPayee', () => {
  it.each([
    'pay the new supplier',
    "we haven't verified the account yet",
    'they are not yet set up as a payee',
    'use the updated bank details from the email',
    'just add them as a payee',
    'the iban they sent us yesterday',
    'this is their first time being paid by us',
    'an unverified beneficiary',
  ])('recognises "%s"', (text) => {
    expect(mentionsNewPayee(text)).toBe(true);
  });

  it.each(['our long-standing verified vendor', 'the usual landlord', 'existing supplier northwind', 'the new office chairs'])(
    'does not read "%s" as a new payee',
    (text) => {
      expect(mentionsNewPayee(text)).toBe(false);
    },
  );
});
