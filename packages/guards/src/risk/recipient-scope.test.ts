import { describe, expect, it } from 'vitest';
import { recipientScope } from './recipient-scope.js';

describe('recipientScope', () => {
  it('finds outside parties before inside ones', () => {
    expect(recipientScope("send it to the vendor's support team")).toBe('external');
    expect(recipientScope('email it to someone@protonmail.com')).toBe('external');
    expect(recipientScope('send it to the facilities team')).toBe('internal');
    expect(recipientScope('send it to raj')).toBe('unknown');
  });

  it('does not read words that merely contain a marker', () => {
    expect(recipientScope('the pressure on the partnership')).toBe('unknown');
  });
});
