import { describe, expect, it } from 'vitest';
import { DaxError, toDaxError } from './dax-error.js';

describe('DaxError', () => {
  it('carries the catalogue entry and a safe detail', () => {
    const error = new DaxError('DAX_E_CONFIG_INVALID', { detail: 'config/layers.json: layer DA-9: field "prompt"' });
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('field "prompt"');
    expect(DaxError.isInstance(error)).toBe(true);
    expect(error.toJSON()).toEqual({ code: 'DAX_E_CONFIG_INVALID', message: error.message, retryable: false });
  });

  it('wraps foreign errors without their message', () => {
    const wrapped = toDaxError(new Error('connect to postgres://user:hunter2@db failed'));
    expect(wrapped.code).toBe('DAX_E_INTERNAL');
    expect(wrapped.message).not.toContain('hunter2');
    expect(JSON.stringify(wrapped)).not.toContain('hunter2');
  });
});
