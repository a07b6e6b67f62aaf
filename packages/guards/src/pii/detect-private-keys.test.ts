import { describe, expect, it } from 'vitest';
import { detectPrivateKeys } from './detect-private-keys.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectPrivateKeys(text, found);
  return found.map((match) => match.value);
}

const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nlx+bP3rvFZ3FexMzsHnJehGrS5Ngkt==';

describe('detectPrivateKeys', () => {
  it('covers the whole block from BEGIN to END for any key type', () => {
    for (const kind of ['', 'RSA ', 'EC ', 'DSA ', 'OPENSSH ', 'ENCRYPTED ']) {
      const block = `-----BEGIN ${kind}PRIVATE KEY-----\n${body}\n-----END ${kind}PRIVATE KEY-----`;
      expect(find(`key:\n${block}\nThanks!`)).toEqual([block]);
    }
    const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: 1\n\n${body}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(find(pgp)).toEqual([pgp]);
  });

  it('covers a block written with escaped newlines inside JSON', () => {
    const block = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq\\n-----END PRIVATE KEY-----';
    expect(find(`{"private_key": "${block}\\n"}`)).toEqual([block]);
  });

  it('covers the body of a block cut off before END', () => {
    const text = `pasted: -----BEGIN RSA PRIVATE KEY-----\n${body}\n\nThanks\nNote: that was all`;
    expect(find(text)).toEqual([`-----BEGIN RSA PRIVATE KEY-----\n${body}`]);
  });

  it('ignores a bare header that only mentions the format', () => {
    expect(find('Never commit -----BEGIN PRIVATE KEY----- blocks to git.')).toEqual([]);
  });

  it('ignores public keys and certificates', () => {
    expect(find(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(find(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`)).toEqual([]);
  });
});
