import { describe, expect, it } from 'vitest';
import { EntityScan } from './entity-scan.js';
import { scanAccounts } from './scan-accounts.js';

function accountsOf(text: string): string[] {
  const scan = new EntityScan(text);
  scanAccounts(scan);
  return scan.entities.map((entity) => entity.value);
}

describe('scanAccounts masked digits', () => {
  it.each([
    ['Charge the card **** **** **** 4242 today.', '*4242'],
    ['Charge card xxxx-xxxx-xxxx-0092 today.', '*0092'],
    ['Refund to •••• 1881 please.', '*1881'],
    ['Use ****4242 for it.', '*4242'],
  ])('reads %s', (text, expected) => {
    expect(accountsOf(text)).toEqual([expected]);
  });

  it('reads a long run of mask characters without a final number as nothing', () => {
    // A rule of asterisks with digits elsewhere once made this pattern backtrack from every position.
    expect(accountsOf(`Section 1\n${'*'.repeat(5000)}\nSection 2`)).toEqual([]);
    expect(accountsOf(`${'** '.repeat(3000)}1`)).toEqual([]);
  });
});
