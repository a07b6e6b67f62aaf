import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, errorCodes } from './error-catalogue.js';

const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const documented = new Map(
  [...docs.matchAll(/^\| `(DAX_E_[A-Z_]+)` \| (\d{3}) \| (yes|no) \|/gm)].map((match) => [match[1]!, { status: Number(match[2]), retryable: match[3] === 'yes' }]),
);

describe('error catalogue', () => {
  it('documents every code with its status and retryable flag', () => {
    for (const code of errorCodes) {
      expect(documented.get(code), code).toEqual({ status: errorCatalogue[code].status, retryable: errorCatalogue[code].retryable });
    }
  });

  it('documents no code that does not exist', () => {
    expect([...documented.keys()].sort()).toEqual([...errorCodes].sort());
  });

  it('uses the DAX_E_<AREA>_<WHAT> shape', () => {
    for (const code of errorCodes) expect(code).toMatch(/^DAX_E_[A-Z]+(_[A-Z]+)*$/);
  });
});
