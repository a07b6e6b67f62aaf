import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../__fixtures__/run-cli.js';

describe('dax gates against a listening gateway (built-in rotation: any approver is on call)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dax-gates-cli-'));
  let app: Awaited<ReturnType<typeof createGateway>>;
  let url: string;
  let callerKey: string;
  let approverKey: string;

  beforeAll(async () => {
    app = await createGateway({ config: parseGatewayConfig({ dataDir, logLevel: 'silent', gates: { sweepIntervalMs: 0 } }), env: {} });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    callerKey = (await createApiKey(app.store, { tenant: 'acme', roles: ['caller'] })).key;
    approverKey = (await createApiKey(app.store, { tenant: 'acme', roles: ['approver'] })).key;
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists, shows and approves a gate; the run completes; list and show also read the local store', async () => {
    const started = await runCli(['run', '--url', url, '--json', 'Run the migration that adds an index to the orders table in production.'], { DAX_API_KEY: callerKey, NO_COLOR: '1' });
    const runId = (JSON.parse(started.stdout) as { runId: string; status: string }).runId;
    const approver = { DAX_API_KEY: approverKey, NO_COLOR: '1' };

    const listed = await runCli(['gates', 'list', '--url', url, '--json'], approver);
    expect(listed.code).toBe(0);
    const gate = (JSON.parse(listed.stdout) as { gates: { gateId: string; runId: string }[] }).gates.find((candidate) => candidate.runId === runId)!;
    expect(gate).toBeDefined();

    const shown = await runCli(['gates', 'show', gate.gateId, '--url', url], approver);
    expect(shown.stdout).toContain(`run ${runId}`);
    expect(shown.stdout).toContain('rotation default');

    const own = await runCli(['gates', 'approve', gate.gateId, '--url', url], { DAX_API_KEY: callerKey, NO_COLOR: '1' });
    expect(own.code).not.toBe(0);
    expect(own.stderr).toContain('DAX_E_FORBIDDEN');

    const local = await runCli(['gates', 'list', '--data-dir', dataDir, '--tenant', 'acme'], { NO_COLOR: '1' });
    expect(local.stdout).toContain(gate.gateId);

    const approved = await runCli(['gates', 'approve', gate.gateId, '--url', url, '--comment', 'index reviewed'], approver);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`run ${runId} is now approved`);
    expect(approved.stdout).toContain('index reviewed');

    const localDecide = await runCli(['gates', 'deny', gate.gateId, '--data-dir', dataDir], { NO_COLOR: '1' });
    expect(localDecide.stderr).toContain('DAX_E_USAGE');
  });
});
