import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../__fixtures__/run-cli.js';

function dax(args: string[], env: Record<string, string | undefined>): Promise<CliOutcome> {
  return runCli(args, { NO_COLOR: '1', ...env });
}

interface Page {
  runs: { runId: string; status: string }[];
  nextCursor?: string;
}

describe('dax traces search and dax views in local mode', () => {
  const env = { DAX_DATA_DIR: mkdtempSync(join(tmpdir(), 'dax-traces-cli-')) };
  const runIds: string[] = [];

  beforeAll(async () => {
    for (const intent of ['Draft a thank-you note to Northwind', 'Summarise the Q3 report', 'Draft a reminder to Northwind']) {
      const outcome = await dax(['run', '--json', intent], env);
      expect(outcome.code).toBe(0);
      runIds.push(JSON.parse(outcome.stdout).runId as string);
    }
  }, 60_000);

  it('pages through exactly the matching runs', async () => {
    const first = await dax(['traces', 'search', '--text', 'northwind', '--limit', '1', '--json'], env);
    expect(first.code).toBe(0);
    const page = JSON.parse(first.stdout) as Page;
    expect(page.runs.map((run) => run.runId)).toEqual([runIds[2]]);
    const second = await dax(['traces', 'search', '--text', 'northwind', '--limit', '1', '--cursor', page.nextCursor!, '--json'], env);
    const next = JSON.parse(second.stdout) as Page;
    expect(next.runs.map((run) => run.runId)).toEqual([runIds[0]]);
    expect(next.nextCursor).toBeUndefined();
    const human = await dax(['traces', 'search', '--status', 'approved'], env);
    expect(human.stdout).toContain(runIds[1]);
    expect(human.stdout).toContain('gate:none');
  });

  it('refuses a bad filter as a usage error naming the option', async () => {
    const outcome = await dax(['traces', 'search', '--risk', 'P7'], env);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--risk');
  });

  it('saves, lists, runs and deletes a view', async () => {
    expect((await dax(['views', 'save', 'northwind notes', '--text', 'Northwind'], env)).stdout).toContain('saved view_');
    const listed = JSON.parse((await dax(['views', 'list', '--json'], env)).stdout) as { views: { name: string }[] };
    expect(listed.views.map((view) => view.name)).toEqual(['northwind notes']);
    const ran = JSON.parse((await dax(['views', 'run', 'northwind notes', '--json'], env)).stdout) as Page;
    expect(ran.runs.map((run) => run.runId)).toEqual([runIds[2], runIds[0]]);
    const otherTenant = await dax(['views', 'run', 'northwind notes', '--tenant', 'globex'], env);
    expect(otherTenant.stderr).toContain('DAX_E_VIEW_NOT_FOUND');
    expect((await dax(['views', 'delete', 'northwind notes'], env)).code).toBe(0);
    expect((await dax(['views', 'run', 'northwind notes'], env)).stderr).toContain('DAX_E_VIEW_NOT_FOUND');
  });
});

describe('dax traces search and dax views through a gateway', () => {
  let app: Awaited<ReturnType<typeof createGateway>>;
  let env: Record<string, string>;
  const runIds: string[] = [];

  beforeAll(async () => {
    app = await createGateway({ config: parseGatewayConfig({ dataDir: mkdtempSync(join(tmpdir(), 'dax-traces-gateway-')), port: 0, logLevel: 'silent' }), env: {} });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { key } = await createApiKey(app.store, { tenant: 'acme', roles: ['caller'], name: 'traces cli test' });
    env = { DAX_URL: url, DAX_API_KEY: key, DAX_DATA_DIR: mkdtempSync(join(tmpdir(), 'dax-traces-unused-')) };
    for (const intent of ['Draft a thank-you note to Northwind', 'Summarise the Q3 report']) {
      runIds.push(JSON.parse((await dax(['run', '--json', intent], env)).stdout).runId as string);
    }
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('searches and runs a saved view over HTTP within the key’s tenant', async () => {
    const found = JSON.parse((await dax(['traces', 'search', '--text', 'northwind', '--json'], env)).stdout) as Page;
    expect(found.runs.map((run) => run.runId)).toEqual([runIds[0]]);
    expect((await dax(['views', 'save', 'q3', '--text', 'q3 report', '--json'], env)).code).toBe(0);
    const duplicate = await dax(['views', 'save', 'q3', '--text', 'other'], env);
    expect(duplicate.stderr).toContain('DAX_E_VIEW_EXISTS');
    const ran = JSON.parse((await dax(['views', 'run', 'q3', '--json'], env)).stdout) as Page;
    expect(ran.runs.map((run) => run.runId)).toEqual([runIds[1]]);
    expect((await dax(['views', 'list'], env)).stdout).toContain('q3');
    expect((await dax(['views', 'delete', 'q3'], env)).code).toBe(0);
    expect((await dax(['views', 'list', '--json'], env)).stdout).toContain('"views": []');
    expect((await dax(['traces', 'search', '--tenant', 'other'], env)).stderr).toContain('--tenant works in local mode only');
  });
});
