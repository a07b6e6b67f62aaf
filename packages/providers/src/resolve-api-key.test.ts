import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveApiKey } from './resolve-api-key.js';

const directory = mkdtempSync(join(tmpdir(), 'dax-key-'));
const keyFile = join(directory, 'xai.key');
writeFileSync(keyFile, '  file-key-0003\n');

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('resolveApiKey', () => {
  it('reads a trimmed key from an environment variable', () => {
    expect(resolveApiKey({ env: 'XAI_API_KEY' }, { XAI_API_KEY: ' env-key-0001 ' })).toBe('env-key-0001');
  });

  it('reads a trimmed key from a file', () => {
    expect(resolveApiKey({ file: keyFile }, {})).toBe('file-key-0003');
  });

  it('prefers a set variable over the file, and falls back to the file when the variable is blank', () => {
    expect(resolveApiKey({ env: 'XAI_API_KEY', file: keyFile }, { XAI_API_KEY: 'env-key-0001' })).toBe('env-key-0001');
    expect(resolveApiKey({ env: 'XAI_API_KEY', file: keyFile }, { XAI_API_KEY: '   ' })).toBe('file-key-0003');
  });

  it('takes a key value the caller already read before the variable and the file', () => {
    expect(resolveApiKey({ value: ' given-key-0004 ', env: 'XAI_API_KEY', file: keyFile }, { XAI_API_KEY: 'env-key-0001' })).toBe(
      'given-key-0004',
    );
    expect(resolveApiKey({ value: '', file: keyFile }, {})).toBe('file-key-0003');
    expect(resolveApiKey({ value: undefined, file: undefined }, {})).toBeUndefined();
  });

  it('returns undefined when nothing names a key', () => {
    expect(resolveApiKey({ env: 'XAI_API_KEY' }, {})).toBeUndefined();
    expect(resolveApiKey({}, {})).toBeUndefined();
  });

  it('fails with the file path only when the file cannot be read', () => {
    const missing = join(directory, 'absent.key');
    let caught: unknown;
    try {
      resolveApiKey({ file: missing }, {});
    } catch (error) {
      caught = error;
    }
    expect(DaxError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'DAX_E_PROVIDER_KEY_MISSING' });
    expect((caught as DaxError).message).toContain(missing);
  });
});
