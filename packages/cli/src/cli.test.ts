import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCli, type CliOutcome } from './__fixtures__/run-cli.js';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

type Outcome = CliOutcome;

/** Runs the command in-process with captured streams. */
function dax(args: string[], options: { dataDir?: string; stdin?: string } = {}): Promise<CliOutcome> {
  return runCli(args, { DAX_DATA_DIR: options.dataDir ?? mkdtempSync(join(tmpdir(), 'dax-cli-')) }, options.stdin);
}

/** Runs the built `dax` binary as its own process. */
async function daxProcess(args: string[], dataDir: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DAX_DATA_DIR: dataDir, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('dax run', () => {
  it('approves the README example with a per-layer progress line for all fourteen layers', async () => {
    const outcome = await dax(['run', 'Draft a polite reply thanking Dana for the Q3 report']);
    expect(outcome.code).toBe(0);
    for (const layer of ['DA-13', 'DA-7', 'DA-1', 'DA-X']) expect(outcome.stdout).toMatch(new RegExp(`✓ ${layer}\\b`));
    expect(outcome.stdout).toContain('approved');
  });

  it('prints one JSON result with --json and the event stream with --ndjson', async () => {
    const json = await dax(['run', '--json', 'Summarise the Q3 report']);
    const result = JSON.parse(json.stdout) as { status: string; trace: unknown[] };
    expect(result.status).toBe('approved');
    expect(result.trace).toHaveLength(14);
    const ndjson = await dax(['run', '--ndjson', 'Summarise the Q3 report']);
    const events = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)?.type).toBe('run-end');
    expect(events.filter((event) => event.type === 'layer-end')).toHaveLength(14);
  });

  it('reads the intent from standard input', async () => {
    const outcome = await dax(['run', '--json'], { stdin: 'Summarise the Q3 report\n' });
    expect(JSON.parse(outcome.stdout)).toMatchObject({ status: 'approved' });
  });

  it('exits 2 with a code for a missing intent and for an unknown option', async () => {
    const missing = await dax(['run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DAX_E_USAGE');
    expect((await dax(['run', '--bogus', 'x'])).code).toBe(2);
  });

  it('exits 3 when a scripted DA-6 changes the amount', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dax-cli-')), 'script.json');
    writeFileSync(path, JSON.stringify({ 'DA-6': { output: '1. Pay $9,500 to Northwind Traders.' } }));
    const outcome = await dax(['run', '--json', '--provider', `scripted:${path}`, 'Pay $950 to Northwind Traders.']);
    expect(outcome.code).toBe(3);
    const result = JSON.parse(outcome.stdout) as { status: string; findings: { guard: string; kind: string }[] };
    expect(['rolled_back', 'halted']).toContain(result.status);
    expect(result.findings).toContainEqual(expect.objectContaining({ guard: 'drift', kind: 'amount' }));
  });

  it('exits 1 with the error code when a layer keeps failing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dax-cli-')), 'script.json');
    writeFileSync(path, JSON.stringify({ 'DA-4': { fault: 'http', status: 500, body: 'upstream says sk-live-SECRET123' } }));
    const outcome = await dax(['run', '--json', '--provider', `scripted:${path}`, 'Summarise the Q3 report']);
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ status: 'failed', error: { code: 'DAX_E_PROVIDER_UNAVAILABLE', layer: 'DA-4' } });
    expect(outcome.stdout + outcome.stderr).not.toContain('sk-live-SECRET123');
  });
});

describe('persistence across processes', () => {
  // Four processes in a row: each starts the whole runtime, so give the machine room under load.
  it('finds a paused run with `dax runs show` after the process that made it exited', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-cli-'));
    const first = await daxProcess(['run', '--json', 'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today'], dataDir);
    expect(first.code).toBe(4);
    const { runId } = JSON.parse(first.stdout) as { runId: string };
    const shown = await daxProcess(['runs', 'show', '--json', runId], dataDir);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ runId, status: 'awaiting_approval', pausedAt: 'DA-7' });
    const listed = await daxProcess(['runs', 'list'], dataDir);
    expect(listed.stdout).toContain(runId);
    const missing = await daxProcess(['runs', 'show', 'run_nope'], dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DAX_E_RUN_NOT_FOUND');
  });
});

describe('dax validate, redact, drift, config validate', () => {
  it('validate prints the guards verdict', async () => {
    const outcome = await dax(['validate', '--json', 'Delete the production database backups tonight']);
    const verdict = JSON.parse(outcome.stdout) as { risk: string; gate: boolean; decision: string; ruleIds: string[]; findings: unknown[] };
    expect(verdict).toMatchObject({ risk: 'P0', gate: true, decision: 'gate' });
    expect(verdict.ruleIds.length).toBeGreaterThan(0);
    expect(outcome.code).toBe(4);
    expect((await dax(['validate', '--json', 'Explain what DROP TABLE does'])).code).toBe(0);
  });

  it('redact --json gives UTF-16 offsets and never prints the secret', async () => {
    const text = 'Ünïcode 🙂 mail dana@example.com, key AKIAIOSFODNN7EXAMPLE';
    const outcome = await dax(['redact', '--json'], { stdin: text });
    const body = JSON.parse(outcome.stdout) as { redacted: string; findings: { type: string; start: number; end: number }[] };
    expect(body.redacted).toBe('Ünïcode 🙂 mail [EMAIL_1], key [AWS_ACCESS_KEY_1]');
    for (const finding of body.findings) expect(['dana@example.com', 'AKIAIOSFODNN7EXAMPLE']).toContain(text.slice(finding.start, finding.end));
    expect(outcome.stdout).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('drift --json names the change', async () => {
    const outcome = await dax(['drift', '--json', '--intent', 'Pay $2,500 to Northwind on March 3, 2025', '--candidate', 'Pay 2500 USD to Northwind on 2025-03-04']);
    expect(outcome.code).toBe(3);
    expect(JSON.parse(outcome.stdout)).toEqual({ drift: true, changes: [expect.objectContaining({ kind: 'date' })] });
    const same = await dax(['drift', '--json', '--intent', 'Pay $2,500 to Northwind', '--candidate', 'Pay Northwind 2500 USD']);
    expect(JSON.parse(same.stdout)).toEqual({ drift: false, changes: [] });
  });

  it('config validate accepts the bundled file and names the field of a broken one', async () => {
    expect((await dax(['config', 'validate'])).code).toBe(0);
    const path = join(mkdtempSync(join(tmpdir(), 'dax-cli-')), 'layers.json');
    writeFileSync(path, JSON.stringify([{ id: 13, name: 'DA-13', desc: 'd', agent: 'Sentinel', prompt: 7 }]));
    const broken = await dax(['config', 'validate', path]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/DAX_E_CONFIG_INVALID.*layer DA-13 \(index 0\): field "prompt"/);
  });
});
