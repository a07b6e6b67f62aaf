import { describe, expect, it } from 'vitest';
import { detectIpAddresses } from './detect-ip-addresses.js';
import type { PiiMatch } from './pii-match.js';
import { resolveOverlaps } from './resolve-overlaps.js';

/** The IPv4 tail of `::ffff:a.b.c.d` is also reported alone; overlap resolution keeps the whole address. */
function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectIpAddresses(text, found);
  return resolveOverlaps(found).map((match) => match.value);
}

describe('detectIpAddresses', () => {
  it('finds IPv4 addresses, also with ports, prefixes and at sentence end', () => {
    expect(find('host=10.0.4.17 via 192.168.1.1:8080 in 10.0.0.0/8. Last hop 8.8.8.8.')).toEqual([
      '10.0.4.17',
      '192.168.1.1',
      '10.0.0.0',
      '8.8.8.8',
    ]);
  });

  it('finds IPv6 addresses in full, compressed and bracketed forms', () => {
    expect(find('from 2001:db8:85a3::8a2e:370:7334 and [fe80::1ff:fe23:4567:890a]:443, loopback ::1.')).toEqual([
      '2001:db8:85a3::8a2e:370:7334',
      'fe80::1ff:fe23:4567:890a',
      '::1',
    ]);
    expect(find('mapped ::ffff:192.0.2.128 and fd12:3456:789a:1::10')).toEqual(['::ffff:192.0.2.128', 'fd12:3456:789a:1::10']);
  });

  it('ignores versions, long dotted numbers, bad octets, times, MACs and hashes', () => {
    expect(find('Windows build 10.0.19045.3803; version 1.2.3.4; v2.0.0.1; 256.1.1.1; 1.2.3')).toEqual([]);
    expect(find('at 12:30:45, MAC 00:1A:2B:3C:4D:5E, std::vector, sha256:f08db22fd293056a')).toEqual([]);
    expect(find('Job d7651045-3e7e-40f2-8bc9-395fde13de9d failed')).toEqual([]);
  });
});
