import type { AnchorEntity, EntityKind } from '@dax/core';
import { describe, expect, it } from 'vitest';
import { extractAnchor } from './extract-anchor.js';

function valuesOf(text: string, kind: EntityKind): string[] {
  return extractAnchor(text)
    .entities.filter((entity: AnchorEntity) => entity.kind === kind)
    .map((entity) => entity.value);
}

describe('extractAnchor', () => {
  describe('amounts', () => {
    it.each([
      ['Refund $2,500 to the customer.', '2500.00 USD'],
      ['Refund 2500 USD to the customer.', '2500.00 USD'],
      ['Refund USD 2,500.00 to the customer.', '2500.00 USD'],
      ['Wire €25k to the supplier.', '25000.00 EUR'],
      ['Wire 25,000 EUR to the supplier.', '25000.00 EUR'],
      ['Refund £45.00 for the missing item.', '45.00 GBP'],
      ['Refund 1.200,50 € to the card.', '1200.50 EUR'],
      ['Pay the fee of 9 800 SEK.', '9800.00 SEK'],
      ['Charge ¥12,000 for the seats.', '12000.00 JPY'],
      ['Send 60 dollars to Dana.', '60.00 USD'],
      ['Budget is $1.2 million.', '1200000.00 USD'],
    ])('normalises %s', (text, expected) => {
      expect(valuesOf(text, 'amount')).toEqual([expected]);
    });

    it('records a bare number after a money verb without a currency', () => {
      expect(valuesOf('Refund 45 to customer 8820.', 'amount')).toEqual(['45.00']);
    });

    it('does not read step numbers, years, order numbers or version numbers as amounts', () => {
      const text = 'Step 1: open order 7712. Step 2: deploy v3.4.2 on March 3, 2025. Risk: P1. Template: payment.';
      expect(valuesOf(text, 'amount')).toEqual([]);
    });

    it('keeps percentages and counted quantities apart from money', () => {
      expect(valuesOf('Raise the salary by 4% and scale to 12 replicas for thirty minutes.', 'amount')).toEqual([
        '4%',
        '12 replica',
        '30 minute',
      ]);
    });
  });

  describe('accounts, e-mail addresses, phones and URLs', () => {
    it('removes spaces from IBANs and upper-cases them', () => {
      expect(valuesOf('Pay into GB82 WEST 1234 5698 7654 32 today.', 'account')).toEqual(['GB82WEST12345698765432']);
    });

    it('records account numbers, card endings and the refund destination', () => {
      expect(
        valuesOf('Debit acct 5512-0093, charge the card ending 0092, refund to the original card.', 'account'),
      ).toEqual(['55120093', '*0092', 'original payment method']);
    });

    it('lower-cases e-mail addresses', () => {
      expect(valuesOf('Email Dana.Smith@Acme-Corp.com today.', 'email')).toEqual(['dana.smith@acme-corp.com']);
    });

    it('records dialled phone numbers by their digits', () => {
      expect(valuesOf('Call (415) 555-0132 or +44 20 7946 0958.', 'phone')).toEqual(['4155550132', '+442079460958']);
    });

    it('records URLs and bare domains, but not dotted rule ids', () => {
      expect(
        valuesOf('See https://Example.com/Pay/ and shop.example.org. Rule dax.finance.gate applies.', 'url'),
      ).toEqual(['https://example.com/Pay', 'https://shop.example.org']);
    });
  });

  describe('payees and people', () => {
    it('records named parties after pay, to and for', () => {
      expect(valuesOf('Pay Northwind Traders and send the receipt to Dana Smith.', 'payee')).toEqual([
        'Northwind Traders',
        'Dana Smith',
      ]);
    });

    it('records chat channels as destinations', () => {
      expect(valuesOf('Post the summary in #payments-dev.', 'payee')).toEqual(['#payments-dev']);
    });

    it('does not take labels, verbs, months or weekdays for names', () => {
      expect(valuesOf('Step 1: Review. Template: Payment. Approve Monday in March.', 'payee')).toEqual([]);
    });
  });

  describe('dates', () => {
    it.each([
      ['Pay on March 3, 2025.', '2025-03-03'],
      ['Pay on 3 March 2025.', '2025-03-03'],
      ['Pay on 2025-03-03.', '2025-03-03'],
      ['Pay on 03/03/2025.', '2025-03-03'],
      ['Pay on 14.03.2025.', '2025-03-14'],
      ['Pay on Mar 3.', '--03-03'],
      ['Pay in October.', '--10'],
      ['Pay today.', 'today'],
      ['Pay on Friday.', 'friday'],
      ['Pay immediately.', 'now'],
      ['Send the Q2 forecast.', 'Q2'],
      ['Start at 6pm.', 'T18:00'],
    ])('normalises %s', (text, expected) => {
      expect(valuesOf(text, 'date')).toEqual([expected]);
    });

    it('keeps a weekday written before a date as part of that date', () => {
      expect(valuesOf('Schedule it for Saturday, March 8.', 'date')).toEqual(['--03-08']);
    });

    it('records both ends of a day range', () => {
      expect(valuesOf('Approve leave for 12–16 May.', 'date')).toEqual(['--05-12', '--05-16']);
    });
  });

  describe('environments and targets', () => {
    it.each([
      ['Restart it in prod.', 'production'],
      ['Push it to the live site.', 'production'],
      ['Restart it in staging.', 'staging'],
      ['Deploy to the dev cluster.', 'development'],
      ['Roll back in eu-west-1.', 'eu-west-1'],
    ])('normalises %s', (text, expected) => {
      expect(valuesOf(text, 'environment')).toContain(expected);
    });

    it('records named systems with their kind', () => {
      expect(valuesOf('Run the cleanup against the orders_archive_2019 table.', 'environment')).toEqual([
        'orders_archive_2019 table',
      ]);
    });

    it('does not record an environment the intent says to stay away from', () => {
      expect(valuesOf('Test it in staging, not production.', 'environment')).toEqual(['staging']);
    });
  });

  describe('negations', () => {
    it.each([
      ['Close the ticket but do not notify the customer.', 'not notify'],
      ["Draft a reply, but don't send it.", 'not send'],
      ['Refund the order without notifying the customer.', 'not notifying'],
      ['Never share the raw export.', 'not share'],
      ['Archive the old channels, except #legal-hold.', 'except #legal-hold'],
      ['Deactivate the account, but keep their email forwarding active.', 'keep email forwarding'],
    ])('records %s', (text, expected) => {
      expect(valuesOf(text, 'negation')).toContain(expected);
    });

    it('ignores descriptive and conditional negations', () => {
      expect(
        valuesOf('Refund customers who do not receive the parcel; do not deploy until tests pass.', 'negation'),
      ).toEqual([]);
    });
  });

  describe('identifiers', () => {
    it('records invoice, order, customer and purchase-order numbers and versions', () => {
      expect(
        valuesOf(
          'Pay invoice INV-7781 for order #5512, customer 4471 and PO 2210; deploy version 3.4.2.',
          'identifier',
        ),
      ).toEqual(['v3.4.2', 'INV-7781', 'order 5512', 'customer 4471', 'po 2210']);
    });
  });

  it('records each entity once', () => {
    const anchor = extractAnchor('Pay $80 now and $80 again later; pay $80.');
    expect(anchor.entities.filter((entity) => entity.kind === 'amount')).toEqual([
      { kind: 'amount', value: '80.00 USD' },
    ]);
  });

  it('returns no entities for text without concrete facts', () => {
    expect(extractAnchor('Rotate the API key for the analytics integration and update it.').entities).toEqual([]);
  });
});
