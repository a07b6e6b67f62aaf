import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../__fixtures__/run-cli.js';

const directories: string[] = [];
const layerFile = new URL('../../../../config/layers.json', import.meta.url);

function freshDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'dax-config-cli-'));
  directories.push(directory);
  return directory;
}

afterEach(async () => {
  await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

function dax(args: string[], dataDir: string): Promise<CliOutcome> {
  return runCli(args, { DAX_DATA_DIR: dataDir });
}

function layersWithExecutorPrompt(directory: string, prompt: string): string {
  const layers = JSON.parse(readFileSync(layerFile, 'utf8')) as { name: string; prompt: string }[];
  const path = join(directory, `layers-${prompt.length}.json`);
  writeFileSync(path, JSON.stringify(layers.map((layer) => (layer.name === 'DA-1' ? { ...layer, prompt } : layer))));
  return path;
}

const note = 'What changed: DA-1 wording.\nWhy: audit finding 12.\nRollback: dax config rollback --domain default';

function idOf(outcome: CliOutcome): Promise<string> {
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  return Promise.resolve((JSON.parse(outcome.stdout) as { id: string }).id);
}

describe('dax config lifecycle', () => {
  it('proposes, approves under the two-person rule, activates, diffs, rolls back and shows history', async () => {
    const dataDir = freshDirectory();
    const first = await idOf(await dax(['config', 'propose', '--file', layersWithExecutorPrompt(dataDir, 'Emit the final action.'), '--note', note, '--as', 'alice', '--json'], dataDir));
    const self = await dax(['config', 'approve', first, '--as', 'alice', '--group', 'safety'], dataDir);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('DAX_E_CONFIG_SELF_APPROVAL');
    expect((await dax(['config', 'approve', first.slice(0, 10), '--as', 'sam', '--group', 'safety'], dataDir)).stdout).toContain('still needs another approval group');
    const early = await dax(['config', 'activate', first, '--as', 'rita'], dataDir);
    expect(early.stderr).toContain('DAX_E_CONFIG_NOT_APPROVED');
    expect((await dax(['config', 'approve', first, '--as', 'pat', '--group', 'platform'], dataDir)).stdout).toContain('next: dax config activate');
    expect((await dax(['config', 'activate', first, '--as', 'rita'], dataDir)).stdout).toContain('active');

    const second = await idOf(await dax(['config', 'propose', '--file', layersWithExecutorPrompt(dataDir, 'Emit only the final, executable action.'), '--note', note, '--as', 'bob', '--json'], dataDir));
    await dax(['config', 'approve', second, '--as', 'sam', '--group', 'safety'], dataDir);
    await dax(['config', 'approve', second, '--as', 'pat', '--group', 'platform'], dataDir);
    await dax(['config', 'activate', second, '--as', 'rita'], dataDir);

    const diff = await dax(['config', 'diff', first, second], dataDir);
    expect(diff.stdout).toContain('== DA-1');
    expect(diff.stdout).toContain('-Emit the final action.');
    expect(diff.stdout).toContain('+Emit only the final, executable action.');

    const run = JSON.parse((await dax(['run', '--json', 'Summarise the Q3 report for the board'], dataDir)).stdout) as { configHash: string };
    expect(run.configHash).toBe(second);
    expect((await dax(['config', 'rollback', '--domain', 'default', '--as', 'omar'], dataDir)).code).toBe(0);
    const after = JSON.parse((await dax(['run', '--json', 'Summarise the Q3 report for the board'], dataDir)).stdout) as { configHash: string };
    expect(after.configHash).toBe(first);

    const history = await dax(['config', 'history', '--domain', 'default'], dataDir);
    expect(history.stdout).toMatch(/rollback +[0-9a-f]{12} by local:omar \(was [0-9a-f]{12}\)/);
    expect(history.stdout).toContain('why: audit finding 12.');
  });

  it('refuses a proposal without a complete migration note', async () => {
    const dataDir = freshDirectory();
    const outcome = await dax(['config', 'propose', '--file', layersWithExecutorPrompt(dataDir, 'Emit.'), '--note', 'tweak', '--as', 'alice'], dataDir);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('DAX_E_CONFIG_NOTE_MISSING');
  });

  it('exports a signed bundle that another installation imports as a proposal only with the signer trusted', async () => {
    const source = freshDirectory();
    const target = freshDirectory();
    const id = await idOf(await dax(['config', 'propose', '--domain', 'payments', '--file', layersWithExecutorPrompt(source, 'Pay only what was asked.'), '--note', note, '--as', 'alice', '--json'], source));
    const bundlePath = join(source, 'bundle.json');
    expect((await dax(['config', 'export', id, '--out', bundlePath], source)).code).toBe(0);

    const untrusted = await dax(['config', 'import', bundlePath, '--as', 'ivan'], target);
    expect(untrusted.stderr).toContain('DAX_E_CONFIG_BUNDLE_INVALID');

    const { createPrivateKey, createPublicKey } = await import('node:crypto');
    const publicPem = createPublicKey(createPrivateKey(readFileSync(join(source, 'config-signing-key.pem'), 'utf8'))).export({ type: 'spki', format: 'pem' });
    writeFileSync(join(target, 'source.pub.pem'), publicPem);
    const imported = await dax(['config', 'import', bundlePath, '--trust-key', join(target, 'source.pub.pem'), '--as', 'ivan', '--json'], target);
    expect(await idOf(imported)).toBe(id);
    expect(JSON.parse(imported.stdout)).toMatchObject({ status: 'proposed', domain: 'payments', approvals: [] });

    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { version: { note: { why: string } } };
    bundle.version.note.why = 'tampered';
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const tampered = await dax(['config', 'import', bundlePath, '--trust-key', join(target, 'source.pub.pem'), '--as', 'ivan'], target);
    expect(tampered.stderr).toContain('DAX_E_CONFIG_BUNDLE_INVALID');
  });
});
