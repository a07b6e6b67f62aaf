import { describe, expect, it } from 'vitest';
import { parseMoneyAmounts } from './parse-money-amounts.js';

describe('parseMoneyAmounts', () => {
  it.each([
    ['wire $25,000 to acme', 25_000],
    ['pay 25,000 eur today', 25_000],
    ['send €25k now', 25_000],
    ['move 1.2m to the reserve account', 1_200_000],
    ['transfer usd 3,000 to the vendor', 3_000],
    ['remit twelve thousand dollars', 12_000],
    ['refund £120 to the customer', 120],
    ['pay 1.234,50 eur', 1_234.5],
    ['charge $4,200.75 to the card', 4_200.75],
    ['pay 2 million yen', 2_000_000],
    ['send 0.5 btc to the wallet', 0.5],
    ['transfer 5000 to account 12345', 5_000],
    ['order 200 monitors at $180 each', 36_000],
    ['pay $600 to each of the 40 reps', 24_000],
  ])('reads "%s" as %d', (text, expected) => {
    expect(Math.max(...parseMoneyAmounts(text))).toBeCloseTo(expected, 2);
  });

  it('ignores figures that are not money', () => {
    expect(parseMoneyAmounts('schedule a 30-minute call for order 78812')).toEqual([]);
    expect(parseMoneyAmounts('send one email to customer #44821')).toEqual([]);
  });
});
