import { describe, expect, it } from 'vitest';
import { detectJwts } from './detect-jwts.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectJwts(text, found);
  return found.map((match) => match.value);
}

function segment(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url');
}

const payload = segment('{"sub":"ops-bot","exp":1767225600}');
const signed = `${segment('{"alg":"HS256","typ":"JWT"}')}.${payload}.9weHT5_CAnqchV0RLyLO_vZjFJ1RSM1IE6dQieYsW1o`;
const unsigned = `${segment('{"alg":"none"}')}.${payload}.`;

describe('detectJwts', () => {
  it('finds signed tokens after Bearer, in quotes and at sentence end', () => {
    expect(find(`Authorization: Bearer ${signed}`)).toEqual([signed]);
    expect(find(`token="${signed}". Next`)).toEqual([signed]);
    expect(find(`It is ${signed}.`)).toEqual([signed]);
  });

  it('finds an unsigned token with an empty signature', () => {
    expect(find(`raw ${unsigned} here`)).toEqual([unsigned]);
  });

  it('finds a five-part encrypted token', () => {
    const encrypted = `${segment('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;
    expect(find(encrypted)).toEqual([encrypted]);
  });

  it('ignores tokens whose header has no alg or is not JSON', () => {
    expect(find(`${segment('{"typ":"JWT"}')}.${payload}.c2ln`)).toEqual([]);
    expect(find(`eyJub3QganNvbg.${payload}.c2ln`)).toEqual([]);
    expect(find(`only two parts ${segment('{"alg":"HS256"}')}.${payload}`)).toEqual([]);
  });
});
