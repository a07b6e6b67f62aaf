import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './resolve-data-dir.js';

describe('resolveDataDir', () => {
  it('uses DAX_DATA_DIR when set', () => {
    expect(resolveDataDir({ DAX_DATA_DIR: '/var/lib/dax' })).toBe('/var/lib/dax');
  });

  it('makes a relative DAX_DATA_DIR absolute', () => {
    expect(resolveDataDir({ DAX_DATA_DIR: 'data' })).toBe(resolve('data'));
  });

  it('falls back to ~/.dax when unset or blank', () => {
    expect(resolveDataDir({})).toBe(join(homedir(), '.dax'));
    expect(resolveDataDir({ DAX_DATA_DIR: '  ' })).toBe(join(homedir(), '.dax'));
  });
});
