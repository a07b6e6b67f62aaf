import { verify, createPublicKey } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateEd25519PrivateKeyPem } from './ed25519-signer.js';
import { EvidenceError } from './evidence-error.js';
import { loadKeyring } from './keyring.js';
import { defaultKeyFileName, keyringDirName, loadEvidenceSigner } from './load-evidence-signer.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dax-evidence-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return EvidenceError.isInstance(error) ? error.code : 'not-an-evidence-error';
  }
}

describe('loadEvidenceSigner', () => {
  it('generates the embedded key once with mode 0600 and signs verifiable Ed25519 signatures', async () => {
    const first = await loadEvidenceSigner({ dataDir: dir });
    const second = await loadEvidenceSigner({ dataDir: dir });
    expect(second.keyId).toBe(first.keyId);
    expect((await stat(join(dir, defaultKeyFileName))).mode & 0o777).toBe(0o600);
    const bytes = new TextEncoder().encode('hello');
    const signature = await first.sign(bytes);
    expect(signature.length).toBe(64);
    expect(verify(null, bytes, createPublicKey(first.publicKeyPem), signature)).toBe(true);
    expect(first.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(dir, keyringDirName))).toEqual([`${first.keyId}.pem`]);
  });

  it('refuses a key file readable by group or others, failing closed with a code', async () => {
    const path = join(dir, 'key.pem');
    await writeFile(path, generateEd25519PrivateKeyPem(), { mode: 0o600 });
    await chmod(path, 0o640);
    expect(await codeOf(loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY_FILE: path } }))).toBe('DAX_E_EVIDENCE_KEY_PERMISSIONS');
    await chmod(path, 0o604);
    expect(await codeOf(loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY_FILE: path } }))).toBe('DAX_E_EVIDENCE_KEY_PERMISSIONS');
    await chmod(path, 0o600);
    expect(await codeOf(loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY_FILE: path } }))).toBeUndefined();
  });

  it('takes the key from the environment first, and rejects non-Ed25519 or garbage keys', async () => {
    const pem = generateEd25519PrivateKeyPem();
    const fromEnv = await loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY: pem }, dataDir: dir });
    const embedded = await loadEvidenceSigner({ dataDir: join(dir, 'other') });
    expect(fromEnv.keyId).not.toBe(embedded.keyId);
    expect(await codeOf(loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY: 'not a key' } }))).toBe('DAX_E_EVIDENCE_KEY_INVALID');
    expect(await codeOf(loadEvidenceSigner({}))).toBe('DAX_E_EVIDENCE_KEY_INVALID');
  });

  it('keeps rotated public keys in the keyring so old signatures still verify', async () => {
    const old = await loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY: generateEd25519PrivateKeyPem() }, dataDir: dir });
    const bytes = new TextEncoder().encode('statement');
    const oldSignature = await old.sign(bytes);
    const current = await loadEvidenceSigner({ env: { DAX_EVIDENCE_KEY: generateEd25519PrivateKeyPem() }, dataDir: dir });
    const keyring = await loadKeyring(join(dir, keyringDirName));
    expect(new Set(keyring.keyIds)).toEqual(new Set([old.keyId, current.keyId]));
    expect(keyring.verify(old.keyId, bytes, oldSignature)).toBe(true);
    expect(keyring.verify(current.keyId, bytes, oldSignature)).toBe(false);
  });
});
