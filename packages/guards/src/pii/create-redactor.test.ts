import { describe, expect, it } from 'vitest';
import { createRedactor } from './create-redactor.js';

describe('createRedactor', () => {
  it('replaces values with typed placeholders numbered per type', () => {
    const redactor = createRedactor();
    const result = redactor.redact(
      'Mail ana@example.com and bo@example.com, call (415) 555-0134, pay DE89370400440532013000 or GB82WEST12345698765432.',
    );
    expect(result.text).toBe('Mail [EMAIL_1] and [EMAIL_2], call [PHONE_1], pay [IBAN_1] or [IBAN_2].');
  });

  it('reports spans into the input with type and placeholder but never the value', () => {
    const input = 'ssn 219-44-8830 and ana@example.com';
    const { spans } = createRedactor().redact(input);
    expect(spans).toEqual([
      { type: 'US_SSN', start: 4, end: 15, placeholder: '[US_SSN_1]' },
      { type: 'EMAIL', start: 20, end: 35, placeholder: '[EMAIL_1]' },
    ]);
    expect(JSON.stringify(spans)).not.toContain('219-44-8830');
    expect(JSON.stringify(spans)).not.toContain('ana@example.com');
  });

  it('gives the same value the same placeholder across calls for the life of the redactor', () => {
    const redactor = createRedactor();
    expect(redactor.redact('from ana@example.com').text).toBe('from [EMAIL_1]');
    expect(redactor.redact('to bo@example.com, cc ana@example.com').text).toBe('to [EMAIL_2], cc [EMAIL_1]');
    expect(redactor.redact('ANA@EXAMPLE.COM again').text).toBe('[EMAIL_1] again');
    expect(redactor.redact('card 4111 1111 1111 1111 = 4111111111111111').text).toBe('card [CREDIT_CARD_1] = [CREDIT_CARD_1]');
  });

  it('keeps numbering separate between redactors (one per run)', () => {
    const first = createRedactor();
    const second = createRedactor();
    first.redact('a@example.com b@example.com');
    expect(second.redact('b@example.com').text).toBe('[EMAIL_1]');
  });

  it('leaves placeholders already in the text alone and never reuses their numbers', () => {
    const redactor = createRedactor();
    const result = redactor.redact('[EMAIL_1] wrote; password: [PASSWORD_1]; new contact bo@example.com');
    expect(result.text).toBe('[EMAIL_1] wrote; password: [PASSWORD_1]; new contact [EMAIL_2]');
    expect(result.spans).toHaveLength(1);
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    const redactor = createRedactor();
    const once = redactor.redact('pwd=Sunfl0wer#2024 host 10.0.4.17 mail ana@example.com');
    const twice = redactor.redact(once.text);
    expect(twice).toEqual({ text: once.text, spans: [] });
    expect(once.text).toBe('pwd=[PASSWORD_1] host [IP_ADDRESS_1] mail [EMAIL_1]');
  });

  it('returns text without findings unchanged', () => {
    expect(createRedactor().redact('nothing to see')).toEqual({ text: 'nothing to see', spans: [] });
  });
});
