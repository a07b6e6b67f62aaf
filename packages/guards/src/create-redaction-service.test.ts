import { describe, expect, it } from 'vitest';
import { createRedactionService } from './create-redaction-service.js';

const email = 'dana.whitfield@example.org';
const secret = 'sk-proj-FAKEdax0123456789abcdefFAKE';

describe('createRedactionService', () => {
  it('replaces personal data and secrets in texts and in every string of a value', () => {
    const service = createRedactionService();
    expect(service.enabled).toBe(true);
    const text = service.redactText(`Mail ${email} the key ${secret}`);
    expect(text).not.toContain(email);
    expect(text).not.toContain(secret);
    expect(text).toContain('[EMAIL_1]');
    const value = service.redactValue({ detail: `to ${email}`, nested: [{ note: secret }], count: 3, flag: true });
    expect(JSON.stringify(value)).not.toContain(email);
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(value.count).toBe(3);
    expect(value.flag).toBe(true);
  });

  it('leaves texts unchanged when turned off', () => {
    const service = createRedactionService({ enabled: false });
    expect(service.redactText(`Mail ${email}`)).toBe(`Mail ${email}`);
  });
});
