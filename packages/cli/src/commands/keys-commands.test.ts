import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyStoreFor, openSqliteStore } from '@dax/store';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../__fixtures__/run-cli.js';

const directories: string[] = [];

function freshDataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'dax-keys-'));
  directories.push(directory);
  return directory;
}

function dax(args: string[], dataDir: string): Promise<CliOutcome> {
  return runCli(args, { DAX_DATA_DIR: dataDir });
}

async function storedKey(dataDir: string, keyId: string) {
  const store = await openSqliteStore({ dataDir });
  try {
    return await apiKeyStoreFor(store).findKey(keyId);
  } finally {
    await store.close();
  }
}

describe('dax keys', () => {
  afterEach(async () => {
    await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
  });

  it('creates a key, printing only the key on stdout, and stores its hash only', async () => {
    const dataDir = freshDataDir();
    const created = await dax(['keys', 'create', '--tenant', 'acme', '--role', 'admin', '--role', 'caller', '--name', 'bootstrap'], dataDir);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^dax_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('shown only once');
    const keyId = key.split('_')[1]!;
    const stored = await storedKey(dataDir, keyId);
    expect(stored).toMatchObject({ tenant: 'acme', roles: ['admin', 'caller'], name: 'bootstrap' });
    expect(stored?.keyHash).not.toContain(key.slice(21));
  });

  it('lists keys without the keys themselves, and filters by tenant', async () => {
    const dataDir = freshDataDir();
    const acme = (await dax(['keys', 'create', '--tenant', 'acme', '--role', 'caller', '--name', 'one'], dataDir)).stdout.trim();
    await dax(['keys', 'create', '--tenant', 'globex', '--role', 'caller', '--name', 'two'], dataDir);
    const listed = await dax(['keys', 'list'], dataDir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(acme.split('_')[1]);
    expect(listed.stdout).not.toContain(acme);
    const json = await dax(['keys', 'list', '--json', '--tenant', 'globex'], dataDir);
    const keys = (JSON.parse(json.stdout) as { keys: { tenant: string; name: string }[] }).keys;
    expect(keys.map((key) => [key.tenant, key.name])).toEqual([['globex', 'two']]);
  });

  it('revokes a key by id and says so in the list', async () => {
    const dataDir = freshDataDir();
    const created = JSON.parse((await dax(['keys', 'create', '--json', '--tenant', 'acme', '--role', 'caller'], dataDir)).stdout) as {
      keyId: string;
    };
    const revoked = await dax(['keys', 'revoke', created.keyId], dataDir);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${created.keyId}`);
    expect((await storedKey(dataDir, created.keyId))?.revokedAt).toEqual(expect.any(String));
    expect((await dax(['keys', 'list'], dataDir)).stdout).toContain('revoked');
  });

  it('fails with a catalogue code for an unknown key id or a bad role', async () => {
    const dataDir = freshDataDir();
    const unknown = await dax(['keys', 'revoke', '0000000000000000'], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('DAX_E_NOT_FOUND');
    const badRole = await dax(['keys', 'create', '--tenant', 'acme', '--role', 'root'], dataDir);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('DAX_E_INPUT_INVALID');
    const missing = await dax(['keys', 'create', '--role', 'caller'], dataDir);
    expect(missing.code).toBe(2);
  });
});
