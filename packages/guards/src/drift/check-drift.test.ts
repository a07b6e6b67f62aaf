import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDrift } from './check-drift.js';
import { extractAnchor } from './extract-anchor.js';

interface DriftCase {
  readonly id: string;
  readonly intent: string;
  readonly output: string;
  readonly drift: boolean;
  readonly kind: string;
}

const cases: DriftCase[] = readFileSync(new URL('./__fixtures__/drift-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DriftCase);

function drifted(intent: string, output: string): boolean {
  return checkDrift(extractAnchor(intent), output).drift;
}

describe('checkDrift on labelled cases', () => {
  it('has a balanced set of cases', () => {
    const driftCount = cases.filter((item) => item.drift).length;
    expect(cases.length).toBeGreaterThan(200);
    expect(driftCount).toBeGreaterThan(cases.length * 0.4);
    expect(driftCount).toBeLessThan(cases.length * 0.6);
  });

  it.each(cases.map((item) => [item.id, item.kind, item] as const))('%s (%s)', (_id, _kind, item) => {
    expect(drifted(item.intent, item.output)).toBe(item.drift);
  });
});

describe('checkDrift', () => {
  it('reports a changed amount with normalised values', () => {
    const result = checkDrift(
      extractAnchor('Pay invoice INV-3390 for 1,840 USD to Northwind Traders.'),
      'Pay 1,840 EUR to Northwind Traders for INV-3390.',
    );
    expect(result).toEqual({
      drift: true,
      changes: [{ kind: 'amount', change: 'changed', expected: '1840.00 USD', found: '1840.00 EUR' }],
    });
  });

  it('accepts the same facts reordered and reformatted', () => {
    const anchor = extractAnchor('Pay invoice INV-7781 for $4,200.00 to Northwind Traders on March 3, 2025.');
    expect(checkDrift(anchor, 'Pay Northwind Traders $4,200 for INV-7781 on 2025-03-03.')).toEqual({
      drift: false,
      changes: [],
    });
  });

  it('accepts an output that only omits entities', () => {
    const intent = 'Refund $250 to customer #4471 on Friday for the blender, order 5512.';
    expect(drifted(intent, 'Refund $250.')).toBe(false);
    expect(drifted(intent, 'Refund the blender.')).toBe(false);
  });

  it('treats a redaction placeholder as any value of its type', () => {
    const anchor = extractAnchor('Email the deck to maria.lopez@brightwave.io and call (415) 555-0132.');
    expect(checkDrift(anchor, 'Email the deck to [EMAIL_1]; call [PHONE_1].').drift).toBe(false);
  });

  it('still reports a new e-mail address next to a placeholder', () => {
    const anchor = extractAnchor('Email the deck to maria.lopez@brightwave.io.');
    const result = checkDrift(anchor, 'Email the deck to [EMAIL_1] and to eve@outside.example.');
    expect(result.changes).toEqual([{ kind: 'email', change: 'added', found: 'e***@outside.example' }]);
  });

  it('does not read model furniture as drift', () => {
    const anchor = extractAnchor('Pay the consultant $1,800 for the audit work.');
    const output =
      'Plan:\n1. Verify hours.\n2. Pay consultant $1,800.\nStep 3: Record it.\nRisk: P1 (money movement >= $1,000).\nTemplate: payment\nRule dax.finance.gate';
    expect(checkDrift(anchor, output)).toEqual({ drift: false, changes: [] });
  });

  it('reports a flipped negation', () => {
    const result = checkDrift(
      extractAnchor('Close the ticket but do not notify the customer.'),
      'Close the ticket and notify the customer.',
    );
    expect(result.changes).toEqual([{ kind: 'negation', change: 'changed', expected: 'not notify', found: 'notify' }]);
  });

  it('reports a dropped negation', () => {
    const result = checkDrift(
      extractAnchor('Debit the fee from the operating account, not the reserve.'),
      'Debit the fee from the reserve account.',
    );
    expect(result.changes).toEqual([{ kind: 'negation', change: 'removed', expected: 'except reserve' }]);
  });

  it('reports an environment change', () => {
    const result = checkDrift(
      extractAnchor('Restart the checkout service in staging.'),
      'Restart the checkout service in production.',
    );
    expect(result.changes).toEqual([
      { kind: 'environment', change: 'changed', expected: 'staging', found: 'production' },
    ]);
  });

  it('masks e-mail addresses, accounts, phone numbers and names in the changes', () => {
    const anchor = extractAnchor(
      'Send the statement for DE89 3704 0044 0532 0130 00 to dana@acme-corp.com and Dana Smith; call +1 415 555 0132.',
    );
    const result = checkDrift(
      anchor,
      'Send the statement for DE44 5001 0517 5407 3249 31 to eve@acme-corp.com and Eve Jones; call +1 415 555 0199.',
    );
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { kind: 'account', change: 'changed', expected: 'DE89…3000', found: 'DE44…4931' },
        { kind: 'email', change: 'changed', expected: 'd***@acme-corp.com', found: 'e***@acme-corp.com' },
        { kind: 'payee', change: 'changed', expected: 'D*** S***', found: 'E*** J***' },
        { kind: 'phone', change: 'changed', expected: '…0132', found: '…0199' },
      ]),
    );
    const shown = JSON.stringify(result);
    for (const secret of ['dana@', 'eve@', 'DE89370400440532013000', 'Dana', 'Smith', '4155550132']) {
      expect(shown).not.toContain(secret);
    }
  });

  it('works from an anchor that went through JSON', () => {
    const anchor = JSON.parse(JSON.stringify(extractAnchor('Refund $250 to customer #4471.'))) as ReturnType<
      typeof extractAnchor
    >;
    expect(checkDrift(anchor, 'Refund $2,500 to customer #4471.').drift).toBe(true);
  });

  it('finds nothing to compare in an empty output', () => {
    expect(checkDrift(extractAnchor('Refund $250 to customer #4471.'), '')).toEqual({ drift: false, changes: [] });
  });
});
