import { describe, expect, it } from 'vitest';
import { foldForMatching, originalOffset } from './fold-for-matching.js';

describe('foldForMatching', () => {
  it('leaves plain ASCII as it is, with identical offsets', () => {
    const folded = foldForMatching('plain text');
    expect(folded.text).toBe('plain text');
    expect(originalOffset(folded, 3)).toBe(3);
  });

  it('drops invisible characters and maps back to original offsets', () => {
    const folded = foldForMatching('a\u200Bb\u00ADc');
    expect(folded.text).toBe('abc');
    expect(originalOffset(folded, 1)).toBe(2);
    expect(originalOffset(folded, 2)).toBe(4);
    expect(originalOffset(folded, 3)).toBe(5);
  });

  it('folds full-width forms, look-alike letters and typographic quotes', () => {
    expect(foldForMatching('\uFF21\uFF22 \u0441\u043E\u0440\u0443 \u2019').text).toBe("AB copy '");
  });
});
