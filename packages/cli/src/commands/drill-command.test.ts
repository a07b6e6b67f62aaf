import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import { openMemoryStore } from '@dax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../__fixtures__/run-cli.js';

const drillScript = fileURLToPath(new URL('../../../../config/drills/drills.json', import.meta.url));
const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const execFileAsync = promisify(execFile);

interface RunningGateway {
  readonly url: string;
  readonly callerKey: string;
  readonly metricsKey: string;
  close(): Promise<void>;
}

/** A real gateway on loopback over an in-memory store, with the shipped drill script or the offline provider. */
async function startGateway(provider: string): Promise<RunningGateway> {
  const store = await openMemoryStore();
  const app = await createGateway({ config: parseGatewayConfig({ provider, logLevel: 'silent', gates: { sweepIntervalMs: 0 } }), store, env: {} });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    callerKey: (await createApiKey(store, { tenant: 'ops', roles: ['caller'] })).key,
    metricsKey: (await createApiKey(store, { tenant: 'ops', roles: ['metrics'] })).key,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

function onlyReport(directory: string): string {
  const files = readdirSync(directory);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^drill-(drift|rollback|outage)-\d{8}T\d{6}Z\.md$/);
  return readFileSync(join(directory, files[0]!), 'utf8');
}

describe('dax drill against a gateway running the drill script', () => {
  let gateway: RunningGateway;
  let env: Record<string, string>;

  beforeAll(async () => {
    gateway = await startGateway(`scripted:${drillScript}`);
    env = { DAX_API_KEY: gateway.callerKey, DAX_METRICS_KEY: gateway.metricsKey, NO_COLOR: '1' };
  });
  afterAll(() => gateway.close());

  it('drift at DA-6: drift finding, rollback by DA-X, drift and rollback counters rise; exit 0 and a PASS report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-drift-'));
    const outcome = await runCli(['drill', 'drift', '--url', gateway.url, '--layer', 'DA-6', '--out', out], env);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('drill drift (drift at DA-6): PASS');
    expect(outcome.code).toBe(0);
    const report = onlyReport(out);
    expect(report).toContain('# Drill report: drift — PASS');
    expect(report).toContain('- Run domain: `drill-drift-da-6`');
    expect(report).toContain('mallory@example.net');
    expect(report).toMatch(/\| run status \| rolled_back \(decided by DA-X\) \| rolled_back \(decided by DA-X\) \| pass \|/);
    expect(report).toMatch(/\| drift finding \| a drift finding at DA-6 \| email: DA-6 .* \| pass \|/);
    expect(report).toMatch(/\| `dax_drift_detections_total\{layer="DA-6"\}` \| (absent|0) \| 1 \| 1 \| rises by ≥ 1 \| pass \|/);
    expect(report).toMatch(/\| `dax_rollbacks_total\{layer="DA-6"\}` \| (absent|0) \| 1 \| 1 \| rises by ≥ 1 \| pass \|/);
    expect(report).toContain('PASS: the injected drift was caught');
  });

  it('drift at DA-1 halts the run (no stable action text) and counts a DA-X halt; --json prints the outcome', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-drift1-'));
    const outcome = await runCli(['drill', 'drift', '--url', gateway.url, '--layer', 'DA-1', '--out', out, '--json'], env);
    expect(outcome.code).toBe(0);
    const printed = JSON.parse(outcome.stdout) as { passed: boolean; report: string; runs: { status: string }[] };
    expect(printed.passed).toBe(true);
    expect(printed.runs.map((run) => run.status)).toEqual(['halted']);
    expect(readFileSync(printed.report, 'utf8')).toMatch(/\| `dax_halts_total\{layer="DA-X"\}` \| (absent|\d+) \| \d+ \| 1 \| rises by ≥ 1 \| pass \|/);
  });

  it('rollback: unstable DA-4 is discarded and DA-X rolls back; dax_rollbacks_total{layer="DA-4"} rises', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-rollback-'));
    const outcome = await runCli(['drill', 'rollback', '--url', gateway.url, '--out', out], env);
    expect(outcome.code).toBe(0);
    const report = onlyReport(out);
    expect(report).toContain('# Drill report: rollback — PASS');
    expect(report).toMatch(/\| DA-X decision \| .* \| status rolled_back, action rollback, decided by DA-X \| pass \|/);
    expect(report).toMatch(/\| unstable layer findings \| .* \| structure\/empty-output, stability\/rollback \| pass \|/);
    expect(report).toMatch(/\| `dax_rollbacks_total\{layer="DA-4"\}` \| (absent|0) \| 1 \| 1 \| rises by ≥ 1 \| pass \|/);
  });

  it('outage (last: it opens the breaker): runs fail with the provider code, then meet the open breaker; provider errors rise', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-outage-'));
    const outcome = await runCli(['drill', 'outage', '--url', gateway.url, '--out', out], env);
    expect(outcome.stdout).toContain('PASS');
    expect(outcome.code).toBe(0);
    const report = onlyReport(out);
    expect(report).toContain('# Drill report: outage — PASS');
    expect(report).toContain('failed (DAX_E_PROVIDER_UNAVAILABLE)');
    expect(report).toContain('failed (DAX_E_PROVIDER_CIRCUIT_OPEN)');
    expect(report).not.toMatch(/\| approved/);
    expect(report).toMatch(/\| `dax_provider_requests_total\{outcome="error"\}` \| (absent|0) \| [1-9]\d* \| [1-9]\d* \| rises by ≥ 1 \| pass \|/);
    expect(report).not.toContain('drill: upstream outage');
  });
});

describe('dax drill when the expectation is not met or the drill cannot observe', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway('offline');
  });
  afterAll(() => gateway.close());

  it('against a gateway without the drill script the run is approved: exit 1, a FAIL report that says why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-fail-'));
    const outcome = await runCli(['drill', 'drift', '--url', gateway.url, '--out', out], { DAX_API_KEY: gateway.callerKey, DAX_METRICS_KEY: gateway.metricsKey });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('drill drift (drift at DA-6): FAIL');
    expect(outcome.stdout).toContain('never approved: 1 of 1 run(s) approved: the anomaly was not injected (is the gateway running config/drills/drills.json?)');
    const report = onlyReport(out);
    expect(report).toContain('# Drill report: drift — FAIL');
    expect(report).toMatch(/\| `dax_drift_detections_total\{layer="DA-6"\}` \| absent \| absent \| — \| rises by ≥ 1 \| FAIL \|/);
    expect(report).toContain('FAIL: never approved');
  });

  it('the outage drill fails against it too: the runs are approved, no breaker opens', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-fail-outage-'));
    const outcome = await runCli(['drill', 'outage', '--url', gateway.url, '--out', out], { DAX_API_KEY: gateway.callerKey, DAX_METRICS_KEY: gateway.metricsKey });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('circuit breaker opened: the breaker never opened');
  });

  it('a key without the metrics role cannot observe: exit 1 before anything is injected', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dax-drill-forbidden-'));
    const outcome = await runCli(['drill', 'rollback', '--url', gateway.url, '--out', out], { DAX_API_KEY: gateway.callerKey });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('DAX_E_FORBIDDEN');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses DA-X as a drift layer, --layer on other drills and a missing --url (exit 2)', async () => {
    const env = { DAX_API_KEY: gateway.callerKey };
    for (const [args, message] of [
      [['drill', 'drift', '--url', gateway.url, '--layer', 'DA-X'], 'DAX_E_USAGE: The command or request was used incorrectly. --layer must be DA-13 … DA-1'],
      [['drill', 'outage', '--url', gateway.url, '--layer', 'DA-6'], "unknown option '--layer'"],
      [['drill', 'rollback'], 'DAX_E_USAGE: The command or request was used incorrectly. A drill needs a running gateway'],
    ] as const) {
      const outcome = await runCli([...args], env);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(message);
    }
  });
});

describe('dax drill as the runbook runs it: processes of dax serve and dax drill', () => {
  it('a `dax serve --provider scripted:config/drills/drills.json` process passes the rollback drill run by a `dax drill` process (exit 0)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-drill-serve-'));
    const callerKey = (await runCli(['keys', 'create', '--tenant', 'drills', '--role', 'caller', '--data-dir', dataDir], {})).stdout.trim();
    const metricsKey = (await runCli(['keys', 'create', '--tenant', 'drills', '--role', 'metrics', '--data-dir', dataDir], {})).stdout.trim();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--provider', `scripted:${drillScript}`], {
      env: { PATH: process.env.PATH ?? '', HOME: dataDir, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let banner = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        banner += chunk.toString();
        const match = /listening on (https?:\/\/\S+)[\s\S]*stop with/.exec(banner);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`dax serve exited early: ${banner}`)));
    });
    try {
      const out = mkdtempSync(join(tmpdir(), 'dax-drill-process-'));
      const drill = await execFileAsync(process.execPath, [bin, 'drill', 'rollback', '--url', url, '--out', out], {
        env: { PATH: process.env.PATH ?? '', DAX_API_KEY: callerKey, DAX_METRICS_KEY: metricsKey, NO_COLOR: '1' },
      });
      expect(drill.stdout).toContain('drill rollback (unstable DA-4 forces a DA-X rollback): PASS');
      expect(onlyReport(out)).toContain('# Drill report: rollback — PASS');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
