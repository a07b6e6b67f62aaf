import { describe, expect, it } from 'vitest';
import { parseNumberWords } from './parse-number-words.js';

describe('parseNumberWords', () => {
  it.each([
    ['twelve thousand', 12_000],
    ['two hundred and fifty', 250],
    ['a million', 1_000_000],
    ['forty-five thousand six hundred', 45_600],
    ['five grand', 5_000],
    ['one billion two million', 1_002_000_000],
  ])('reads "%s" as %d', (phrase, expected) => {
    expect(parseNumberWords(phrase)).toBe(expected);
  });

  it('returns undefined for words that are not numbers', () => {
    expect(parseNumberWords('twelve apples')).toBeUndefined();
    expect(parseNumberWords('')).toBeUndefined();
  });
});
