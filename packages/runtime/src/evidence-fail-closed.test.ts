import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ephemeralEvidenceSettings, openMemoryStore } from '@dax/store';
import { describe, expect, it } from 'vitest';
import { createDax } from './create-dax.js';

describe('evidence fails closed', () => {
  it('a run whose evidence cannot be signed ends failed with DAX_E_EVIDENCE_SIGNING_FAILED and no evidence', async () => {
    const settings = ephemeralEvidenceSettings();
    const store = await openMemoryStore({
      evidence: { ...settings, signer: { ...settings.signer, sign: () => Promise.reject(new Error('KMS unreachable')) } },
    });
    const dax = createDax({ env: {}, store });
    try {
      const result = await dax.run('Summarise the Q3 report for the board');
      expect(result).toMatchObject({ status: 'failed', output: '', evidenceIds: [], error: { code: 'DAX_E_EVIDENCE_SIGNING_FAILED' } });
      expect((await dax.getRun(result.runId))?.status).toBe('failed');
      expect(await store.evidence.runLeaves(result.runId)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('an approved run carries the id of its signed envelope', async () => {
    const store = await openMemoryStore();
    const dax = createDax({ env: {}, store });
    try {
      const result = await dax.run('Summarise the Q3 report for the board');
      expect(result.status).toBe('approved');
      expect(result.evidenceIds).toEqual(['leaf:0']);
      expect((await store.verifyRunEvidence(result.runId)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses to run with a signing key file that others can read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-evidence-key-mode-'));
    const keyFile = join(dataDir, 'key.pem');
    // A valid Ed25519 key is not needed: the mode is checked before the key is read.
    writeFileSync(keyFile, 'unused');
    chmodSync(keyFile, 0o644);
    const dax = createDax({ env: { DAX_EVIDENCE_KEY_FILE: keyFile }, dataDir });
    await expect(dax.run('Summarise the Q3 report for the board')).rejects.toMatchObject({ code: 'DAX_E_EVIDENCE_KEY_PERMISSIONS' });
    // The store never opened, so closing reports the same failure.
    await expect(dax.close()).rejects.toMatchObject({ code: 'DAX_E_EVIDENCE_KEY_PERMISSIONS' });
  });
});
