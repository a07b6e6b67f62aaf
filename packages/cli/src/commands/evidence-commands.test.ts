import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../__fixtures__/run-cli.js';

const run = promisify(execFile);
const verifyScript = new URL('../../../../scripts/verify-inclusion.mjs', import.meta.url).pathname;
const email = 'jane.doe@example.com';
const secret = 'AKIAIOSFODNN7EXAMPLE';

function dax(args: string[], dataDir: string, extra: Record<string, string> = {}): Promise<CliOutcome> {
  return runCli(args, { DAX_DATA_DIR: dataDir, NO_COLOR: '1', ...extra });
}

async function exitOf(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

function filesText(directory: string): string {
  return readdirSync(directory)
    .map((name) => readFileSync(join(directory, name)).toString('latin1'))
    .join('\n');
}

describe('dax evidence', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dax-evidence-cli-'));
  const runIds: string[] = [];

  beforeAll(async () => {
    for (const intent of [
      'Summarise the Q3 report for the board',
      `Send the Q3 summary to ${email}; the deploy key is ${secret}`,
      'Draft a polite reply thanking Dana for the report',
    ]) {
      const outcome = await dax(['run', '--json', intent], dataDir);
      const result = JSON.parse(outcome.stdout) as { runId: string; evidenceIds: string[] };
      expect(result.evidenceIds).toHaveLength(1);
      runIds.push(result.runId);
    }
  });

  it('verifies a run: signature, inclusion in the latest checkpoint, match with the stored run', async () => {
    const outcome = await dax(['evidence', 'verify', runIds[1]!], dataDir);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/signature ok, included in checkpoint 3 ok, matches the stored run/);
    const missing = await dax(['evidence', 'verify', 'run_unknown'], dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DAX_E_EVIDENCE_NOT_FOUND');
  });

  it('exports files that openssl and the independent script verify, with no e-mail or secret in them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-evidence-export-'));
    const outcome = await dax(['evidence', 'export', runIds[1]!, '--out', out], dataDir);
    expect(outcome.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'checkpoint.txt',
      'envelope.json',
      'inclusion-proof.json',
      'pae.bin',
      'public-key.pem',
      'signature.bin',
      'statement.json',
    ]);
    const openssl = await exitOf('openssl', [
      'pkeyutl', '-verify', '-pubin', '-inkey', join(out, 'public-key.pem'), '-rawin', '-in', join(out, 'pae.bin'), '-sigfile', join(out, 'signature.bin'),
    ]);
    expect(openssl.output).toContain('Signature Verified Successfully');
    expect(openssl.code).toBe(0);

    const script = await exitOf(process.execPath, [verifyScript, out]);
    expect(script.output).toContain('root recomputed, checkpoint signature valid');
    expect(script.code).toBe(0);

    // The snippet docs/evidence.md shows third parties runs as printed, in the export directory.
    const docs = readFileSync(new URL('../../../../docs/evidence.md', import.meta.url), 'utf8');
    const snippet = /```js\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
    const snippetDir = mkdtempSync(join(tmpdir(), 'dax-evidence-snippet-'));
    writeFileSync(join(snippetDir, 'check.mjs'), snippet);
    const fromDocs = await promisify(execFile)(process.execPath, [join(snippetDir, 'check.mjs')], { cwd: out });
    expect(fromDocs.stdout).toBe('root recomputed\ncheckpoint valid\n');

    const text = filesText(out);
    expect(text).not.toContain(email);
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain(secret);
    const statement = JSON.parse(readFileSync(join(out, 'statement.json'), 'utf8')) as { predicate: { runId: string; layers: unknown[] } };
    expect(statement.predicate.runId).toBe(runIds[1]);
    expect(statement.predicate.layers).toHaveLength(14);

    // One changed byte in the signed bytes, or in the envelope, and the independent checks fail.
    const forged = mkdtempSync(join(tmpdir(), 'dax-evidence-forged-'));
    for (const name of readdirSync(out)) copyFileSync(join(out, name), join(forged, name));
    const pae = readFileSync(join(forged, 'pae.bin'));
    pae[pae.length - 3] = pae[pae.length - 3]! ^ 1;
    writeFileSync(join(forged, 'pae.bin'), pae);
    const badSignature = await exitOf('openssl', [
      'pkeyutl', '-verify', '-pubin', '-inkey', join(forged, 'public-key.pem'), '-rawin', '-in', join(forged, 'pae.bin'), '-sigfile', join(forged, 'signature.bin'),
    ]);
    expect(badSignature.code).not.toBe(0);
    writeFileSync(join(forged, 'envelope.json'), readFileSync(join(forged, 'envelope.json'), 'utf8').replace('"payloadType"', '"payloadType" '));
    const badRoot = await exitOf(process.execPath, [verifyScript, forged]);
    expect(badRoot.code).toBe(1);
    expect(badRoot.output).toContain('root MISMATCH');
  });

  it('verify-log passes on the intact log and names the run whose stored envelope was changed', async () => {
    const clean = await dax(['evidence', 'verify-log'], dataDir);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/Evidence log verifies: 3 leaves, 3 signed checkpoints/);

    const checkpoint = await dax(['evidence', 'checkpoint'], dataDir);
    expect(checkpoint.stdout).toMatch(/^dax\.local\/evidence\n3\n[A-Za-z0-9+/]{43}=\n\n\u2014 dax\.local\/evidence \S+\n$/u);
    const kept = join(mkdtempSync(join(tmpdir(), 'dax-evidence-kept-')), 'checkpoint.txt');
    writeFileSync(kept, checkpoint.stdout);
    const consistent = await dax(['evidence', 'verify-log', '--checkpoint', kept, '--json'], dataDir);
    expect(consistent.code).toBe(0);
    expect(JSON.parse(consistent.stdout)).toMatchObject({ ok: true, treeSize: 3 });

    const database = new Database(join(dataDir, 'dax.db'));
    const row = database.prepare('select envelope_json from evidence_leaves where run_id = ?').get(runIds[0]) as { envelope_json: string };
    const changed = row.envelope_json.replace(/"sig":"(.)/, (_match, first: string) => `"sig":"${first === 'A' ? 'B' : 'A'}`);
    database.prepare('update evidence_leaves set envelope_json = ? where run_id = ?').run(changed, runIds[0]);
    database.close();

    const tampered = await dax(['evidence', 'verify-log'], dataDir);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`run ${runIds[0]}`);
    expect(tampered.stderr).toContain('DAX_E_EVIDENCE_INVALID');
    expect(tampered.stderr).not.toContain(`run ${runIds[1]}`);
  });
});

describe('dax evidence export --url (auditor API)', () => {
  let app: Awaited<ReturnType<typeof createGateway>>;
  let url: string;

  beforeAll(async () => {
    const config = parseGatewayConfig({ dataDir: mkdtempSync(join(tmpdir(), 'dax-evidence-gateway-')), port: 0, logLevel: 'silent' });
    app = await createGateway({ config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('exports a run through the gateway for an auditor of its tenant only', async () => {
    const local = mkdtempSync(join(tmpdir(), 'dax-evidence-remote-local-'));
    const caller = (await createApiKey(app.store, { tenant: 'acme', roles: ['caller'] })).key;
    const auditor = (await createApiKey(app.store, { tenant: 'acme', roles: ['auditor'] })).key;
    const stranger = (await createApiKey(app.store, { tenant: 'other', roles: ['auditor'] })).key;
    const result = JSON.parse((await dax(['run', '--url', url, '--json', 'Summarise the Q3 report'], local, { DAX_API_KEY: caller })).stdout) as { runId: string };

    const out = mkdtempSync(join(tmpdir(), 'dax-evidence-remote-out-'));
    const exported = await dax(['evidence', 'export', result.runId, '--url', url, '--out', out], local, { DAX_API_KEY: auditor });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const script = await exitOf(process.execPath, [verifyScript, out]);
    expect(script.code).toBe(0);

    const forbidden = await dax(['evidence', 'export', result.runId, '--url', url, '--out', out], local, { DAX_API_KEY: caller });
    expect(forbidden.stderr).toContain('DAX_E_FORBIDDEN');
    const otherTenant = await dax(['evidence', 'export', result.runId, '--url', url, '--out', out], local, { DAX_API_KEY: stranger });
    expect(otherTenant.stderr).toContain('DAX_E_EVIDENCE_NOT_FOUND');

    const checkpoint = await fetch(`${url}/v1/evidence/checkpoint`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(checkpoint.status).toBe(200);
    expect(((await checkpoint.json()) as { note: string }).note).toMatch(/^dax\.local\/evidence\n1\n/);
  });
});
