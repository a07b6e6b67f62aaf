import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';

describe('run cursor', () => {
  it('round-trips a sequence through an opaque base64url string', () => {
    for (const sequence of [1, 42, Number.MAX_SAFE_INTEGER]) {
      const cursor = encodeRunCursor(sequence);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeRunCursor(cursor)).toBe(sequence);
    }
  });

  it.each([
    '',
    'garbage',
    Buffer.from('1:-3').toString('base64url'),
    Buffer.from('2:5').toString('base64url'),
    Buffer.from('1:99999999999999999').toString('base64url'),
  ])('rejects %j as invalid input', (cursor) => {
    let caught: unknown;
    try {
      decodeRunCursor(cursor);
    } catch (error) {
      caught = error;
    }
    expect(DaxError.isInstance(caught) && caught.code).toBe('DAX_E_INPUT_INVALID');
  });
});
