import { describe, expect, it } from 'vitest';
import { describeCedarError, locate } from './describe-cedar-error.js';

describe('describeCedarError', () => {
  it('locates a UTF-16 offset as line and column', () => {
    expect(locate('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(locate('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
  });

  it('converts Cedar byte offsets inside a segment into file positions', () => {
    const source = '// héllo\nforbid (x);';
    const text = 'forbid (x);';
    const start = source.indexOf(text);
    const error = { message: 'bad', help: 'try y', code: null, url: null, severity: null, sourceLocations: [{ label: 'here', start: 8, end: 9 }] };
    expect(describeCedarError(error, { source, start, text })).toBe('line 2, column 9: bad: here (try y)');
  });

  it('counts multi-byte characters before the error once', () => {
    const source = '// ééé\nx';
    const error = { message: 'bad', help: null, code: null, url: null, severity: null, sourceLocations: [{ label: null, start: 10, end: 11 }] };
    expect(describeCedarError(error, { source, start: 0, text: source })).toBe('line 2, column 1: bad');
  });
});
