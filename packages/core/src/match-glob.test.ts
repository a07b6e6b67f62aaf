import { describe, expect, it } from 'vitest';
import { matchGlob } from './match-glob.js';

describe('matchGlob', () => {
  it.each([
    ['grok-4*', 'grok-4', true],
    ['grok-4*', 'grok-4-0709', true],
    ['grok-4*', 'grok-3', false],
    ['*-mini', 'gpt-4.1-mini', true],
    ['eu-*-1', 'eu-central-1', true],
    ['eu-*-1', 'us-east-1', false],
    ['gpt-4.1', 'gpt-4o1', false],
    ['*', '', true],
    ['a*a', 'a', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(matchGlob(pattern, value)).toBe(expected);
  });
});
