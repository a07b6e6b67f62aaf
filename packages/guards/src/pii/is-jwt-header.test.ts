import { describe, expect, it } from 'vitest';
import { isJwtHeader } from './is-jwt-header.js';

function encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

describe('isJwtHeader', () => {
  it('accepts a base64url JSON object with alg', () => {
    expect(isJwtHeader(encode('{"alg":"HS256","typ":"JWT"}'))).toBe(true);
    expect(isJwtHeader(encode('{"typ":"JWT", "alg" : "none"}'))).toBe(true);
  });

  it('rejects JSON without alg, non-JSON that mentions alg, arrays and bad characters', () => {
    expect(isJwtHeader(encode('{"typ":"JWT"}'))).toBe(false);
    expect(isJwtHeader(encode('"alg": not json'))).toBe(false);
    expect(isJwtHeader(encode('["alg", 1]'))).toBe(false);
    expect(isJwtHeader('eyJ+/=')).toBe(false);
  });
});
