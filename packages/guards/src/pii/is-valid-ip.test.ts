import { describe, expect, it } from 'vitest';
import { isValidIpv4 } from './is-valid-ipv4.js';
import { isValidIpv6 } from './is-valid-ipv6.js';

describe('isValidIpv4', () => {
  it('accepts octets 0..255', () => {
    for (const address of ['0.0.0.0', '8.8.8.8', '192.168.1.1', '255.255.255.255']) expect(isValidIpv4(address)).toBe(true);
  });

  it('rejects octets over 255, leading zeros and wrong part counts', () => {
    for (const address of ['256.1.1.1', '1.2.3.999', '01.2.3.4', '1.2.3', '1.2.3.4.5', 'a.b.c.d']) {
      expect(isValidIpv4(address)).toBe(false);
    }
  });
});

describe('isValidIpv6', () => {
  it('accepts full, compressed and IPv4-tailed forms', () => {
    for (const address of [
      '2001:0db8:0000:0000:0000:ff00:0042:8329',
      '2001:db8::ff00:42:8329',
      '::1',
      '::',
      'fe80::',
      'fd12:3456:789a:1::10',
      '::ffff:192.0.2.128',
      '64:ff9b::192.0.2.33',
    ]) {
      expect(isValidIpv6(address)).toBe(true);
    }
  });

  it('rejects times, MAC addresses, double compression, long groups and misplaced IPv4', () => {
    for (const address of ['12:30:45', '00:1A:2B:3C:4D:5E', '1::2::3', '12345::1', '1:2:3:4:5:6:7:8:9', '1.2.3.4::1', '::g']) {
      expect(isValidIpv6(address)).toBe(false);
    }
  });
});
