import { describe, expect, it } from 'vitest';
import { checkDrift } from './check-drift.js';
import { describeDrift } from './describe-drift.js';
import { extractAnchor } from './extract-anchor.js';

describe('describeDrift', () => {
  it('says so when nothing drifted', () => {
    expect(describeDrift({ drift: false, changes: [] })).toBe('No drift: the output keeps what the intent stated.');
  });

  it('names each kind with its normalised value in one sentence', () => {
    const result = checkDrift(
      extractAnchor('Pay 1,840 USD to Northwind Traders but do not notify the vendor.'),
      'Pay 1,840 EUR to Northwind Traders and notify the vendor.',
    );
    expect(describeDrift(result)).toBe(
      'Drift: amount changed from 1840.00 USD to 1840.00 EUR; negation changed from not notify to notify.',
    );
  });

  it('describes added and dropped facts', () => {
    expect(
      describeDrift({
        drift: true,
        changes: [
          { kind: 'email', change: 'added', found: 'a***@kpmg-partners.com' },
          { kind: 'negation', change: 'removed', expected: 'except reserve' },
          { kind: 'negation', change: 'changed', expected: 'keep email forwarding' },
        ],
      }),
    ).toBe(
      'Drift: e-mail address a***@kpmg-partners.com added; negation "except reserve" dropped; negation "keep email forwarding" overridden.',
    );
  });

  it('carries only masked values for personal data', () => {
    const result = checkDrift(
      extractAnchor('Email the forecast to dana@acme-corp.com.'),
      'Email the forecast to dan@acme-corp.com.',
    );
    const sentence = describeDrift(result);
    expect(sentence).toBe('Drift: e-mail address changed from d***@acme-corp.com to d***@acme-corp.com.');
    expect(sentence).not.toContain('dana@');
  });
});
