import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealedText, openText, removedText, sealText } from './sealed-text.js';

describe('sealText and openText', () => {
  const key = randomBytes(32);

  it('round-trips with a fresh nonce each time and leaves plain and removed texts alone', () => {
    const first = sealText(key, 'run-1', 'output', 'a private sentence');
    const second = sealText(key, 'run-1', 'output', 'a private sentence');
    expect(first).not.toBe(second);
    expect(isSealedText(first)).toBe(true);
    expect(first).not.toContain('private');
    expect(openText(key, 'run-1', 'output', first)).toBe('a private sentence');
    expect(openText(key, 'run-1', 'output', 'plain')).toBe('plain');
    expect(openText(key, 'run-1', 'output', removedText('erasure'))).toBe('[removed: erasure]');
  });

  it('refuses a text moved to another run or field, or opened with another key, with DAX_E_DATA_KEY_UNAVAILABLE', () => {
    const sealed = sealText(key, 'run-1', 'output', 'a private sentence');
    for (const [runId, path] of [['run-2', 'output'], ['run-1', 'decision.reason']] as const) {
      expect(() => openText(key, runId, path, sealed)).toThrow(expect.objectContaining({ code: 'DAX_E_DATA_KEY_UNAVAILABLE' }));
    }
    expect(() => openText(randomBytes(32), 'run-1', 'output', sealed)).toThrow(expect.objectContaining({ code: 'DAX_E_DATA_KEY_UNAVAILABLE' }));
  });
});
