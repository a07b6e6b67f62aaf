import { describe, expect, it } from 'vitest';
import { detectPhones } from './detect-phones.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectPhones(text, found);
  return found.map((match) => match.value).sort();
}

describe('detectPhones', () => {
  it('finds international numbers with a country code', () => {
    for (const phone of [
      '+44 20 7946 0958',
      '+1 (646) 555-0119',
      '+49 30 901820 44',
      '+33 1 42 68 53 00',
      '+81 3-1234-5678',
      '+61 2 9876 5432',
      '+44 (0)20 7946 0958',
      '+14155550134',
    ]) {
      expect(find(`Reach us on ${phone}, thanks.`)).toEqual([phone]);
    }
  });

  it('finds North American national formats', () => {
    for (const phone of ['(415) 555-0134', '415-555-0134', '415.555.0134', '415 555 0134', '1-800-555-0199', '(212)555-0147']) {
      expect(find(`Call ${phone} today`)).toEqual([phone]);
    }
  });

  it('finds trunk-prefixed national numbers', () => {
    expect(find('London 020 7946 0321, mobile 07700 900123, Paris 01 23 45 67 89, Berlin 030 901820 44')).toEqual(
      ['01 23 45 67 89', '020 7946 0321', '030 901820 44', '07700 900123'].sort(),
    );
  });

  it('accepts unformatted and seven-digit numbers only right after a phone word', () => {
    expect(find('tel: 4155550134 or call me at 555-0134')).toEqual(['4155550134', '555-0134']);
    expect(find('Account 4155550134 has 555-0134 items')).toEqual([]);
  });

  it('ignores dates, times, amounts, versions and plain numbers', () => {
    expect(find('Invoice total is $1,234.56, due 30 days after 04/05/2024.')).toEqual([]);
    expect(find('The meeting moved from 14:30 to 15:45 on 12/11/2024 in room B-204.')).toEqual([]);
    expect(find('Released 2024-03-15; upgrade from 3.11.4 to 3.12.0; 1,000,000 units; ZIP 94107-1234.')).toEqual([]);
    expect(find('Population 8100000000 and serial 123456789012.')).toEqual([]);
    expect(find('Support hours are 9-5; season 2023-2024; call 911.')).toEqual([]);
  });

  it('ignores identifiers: part, order and ticket numbers', () => {
    expect(find('Replacement part 555-0199-A is backordered, so use part 800-4471-22 instead.')).toEqual([]);
    expect(find('Order 415-555-0134 shipped; ticket SR-2024-118733 closed; part no. 020 1234 5678.')).toEqual([]);
    expect(find('ISBN 978-3-16-148410-0')).toEqual([]);
  });
});
