import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../__fixtures__/run-cli.js';

function databaseBytes(dataDir: string): Buffer {
  return Buffer.concat(['dax.db', 'dax.db-wal'].map((name) => join(dataDir, name)).filter(existsSync).map((path) => readFileSync(path)));
}

function wipeDatabase(dataDir: string): void {
  for (const name of ['dax.db', 'dax.db-wal', 'dax.db-shm']) rmSync(join(dataDir, name), { force: true });
}

describe('dax dsr, backup, restore and retention', () => {
  it('runs with --subject, exports, backs up, erases, and a restore of the older backup keeps the person erased', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-cli-data-'));
    const env = { DAX_DATA_DIR: dataDir };
    const marker = 'Philippa Okonkwo-Lindqvist';
    try {
      const run = await runCli(['run', '--json', '--subject', 'patient-88', `Send a thank-you card to ${marker} for the Q3 report`], env);
      expect(run.code).toBe(0);
      const runId = (JSON.parse(run.stdout) as { runId: string }).runId;
      await runCli(['run', '--json', 'Summarise the Q3 report for the board'], env);
      expect(databaseBytes(dataDir).includes(marker)).toBe(false);

      const exported = await runCli(['dsr', 'export', '--subject', 'patient-88'], env);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ subjectId: 'patient-88', runs: [{ runId }] });
      expect(exported.stdout).toContain(marker);

      const backupFile = join(dataDir, 'before-erasure.backup');
      const backup = await runCli(['backup', '--out', backupFile, '--json'], env);
      expect(backup.code).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ file: backupFile, tables: expect.arrayContaining([{ name: 'runs', rows: 2 }]) });

      const erased = await runCli(['dsr', 'erase', '--subject', 'patient-88'], env);
      expect(erased.code).toBe(0);
      expect(erased.stdout).toContain('1 run(s)');
      expect(databaseBytes(dataDir).includes(marker)).toBe(false);

      // A damaged copy is refused with a code, before anything is written.
      const damaged = join(dataDir, 'damaged.backup');
      writeFileSync(damaged, readFileSync(backupFile, 'utf8').replace('patient-88', 'patient-89'));
      wipeDatabase(dataDir);
      const refused = await runCli(['restore', damaged], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('DAX_E_BACKUP_CORRUPT');
      expect(existsSync(join(dataDir, 'dax.db'))).toBe(false);

      const restored = await runCli(['restore', backupFile], env);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain('erasures applied again to 1 run(s)');
      const shown = await runCli(['runs', 'show', '--json', runId], env);
      expect(JSON.parse(shown.stdout)).toMatchObject({ runId, status: 'approved', output: '[removed: erasure]' });
      expect(databaseBytes(dataDir).includes(marker)).toBe(false);
      expect(JSON.parse((await runCli(['dsr', 'export', '--subject', 'patient-88'], env)).stdout)).toMatchObject({ runs: [] });

      const again = await runCli(['restore', backupFile], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('DAX_E_RESTORE_NOT_EMPTY');

      const dryRun = await runCli(['retention', 'apply', '--dry-run', '--json'], env);
      expect(dryRun.code).toBe(0);
      expect(JSON.parse(dryRun.stdout)).toMatchObject({ claimed: true, dryRun: true, runsByClass: { restricted: 0 } });
      const bad = await runCli(['retention', 'apply', '--days', 'secret=3'], env);
      expect(bad.code).toBe(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
