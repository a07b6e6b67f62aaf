import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth by UTF-16 code units and leaves out no whitespace', () => {
    const value = { b: 1, a: { z: [3, { y: 'x', x: null }], é: true, Z: false, '10': 'ten', '9': 'nine' }, 'ä': [] };
    expect(canonicalJson(value)).toBe('{"a":{"10":"ten","9":"nine","Z":false,"z":[3,{"x":null,"y":"x"}],"é":true},"b":1,"ä":[]}');
  });

  it('leaves out undefined members and writes undefined array items as nothing, as before', () => {
    expect(canonicalJson({ kept: 1, dropped: undefined })).toBe('{"kept":1}');
    expect(canonicalJson({ only: undefined })).toBe('{}');
    expect(canonicalJson([1, undefined, 2])).toBe('[1,,2]');
  });

  it('escapes strings and keys exactly as JSON.stringify does', () => {
    const tricky = 'quote " backslash \\ newline \n tab \t control \u0001 emoji 😀 lone \ud800';
    expect(canonicalJson({ [tricky]: tricky })).toBe(`{${JSON.stringify(tricky)}:${JSON.stringify(tricky)}}`);
  });

  it('agrees with JSON.stringify on key-sorted copies of generated documents', () => {
    const sortDeep = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortDeep)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortDeep((value as Record<string, unknown>)[key])]))
          : value;
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const generate = (depth: number): unknown => {
      const pick = next() % (depth > 3 ? 4 : 6);
      if (pick === 0) return next() % 1000 / 7;
      if (pick === 1) return `s${String(next() % 97)}\u00e9"`;
      if (pick === 2) return next() % 2 === 0;
      if (pick === 3) return null;
      if (pick === 4) return Array.from({ length: next() % 4 }, () => generate(depth + 1));
      return Object.fromEntries(Array.from({ length: next() % 5 }, () => [`k${String(next() % 50)}`, generate(depth + 1)]));
    };
    for (let round = 0; round < 200; round += 1) {
      const document = generate(0);
      expect(canonicalJson(document)).toBe(JSON.stringify(sortDeep(document)));
    }
  });
});
