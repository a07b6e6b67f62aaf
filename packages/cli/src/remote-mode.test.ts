import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from './__fixtures__/run-cli.js';

/** Runs the command in-process with captured streams and exactly this environment. */
function dax(args: string[], env: Record<string, string | undefined>): Promise<CliOutcome> {
  return runCli(args, { NO_COLOR: '1', ...env });
}

interface Gateway {
  readonly app: Awaited<ReturnType<typeof createGateway>>;
  readonly url: string;
  key(roles?: ('caller' | 'auditor' | 'operator')[], tenant?: string): Promise<string>;
}

async function startGateway(options: { provider?: string; maxInputChars?: number } = {}): Promise<Gateway> {
  const config = parseGatewayConfig({
    dataDir: mkdtempSync(join(tmpdir(), 'dax-remote-gateway-')),
    port: 0,
    logLevel: 'silent',
    ...(options.provider === undefined ? {} : { provider: options.provider }),
    ...(options.maxInputChars === undefined ? {} : { maxInputChars: options.maxInputChars }),
  });
  const app = await createGateway({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    key: async (roles = ['caller'], tenant = 'acme') => (await createApiKey(app.store, { tenant, roles, name: 'remote cli test' })).key,
  };
}

describe('dax remote mode against a listening gateway', () => {
  let gateway: Gateway;
  let env: Record<string, string>;
  /** A local data dir that must stay empty: remote commands never touch the embedded store. */
  let localDataDir: string;

  beforeAll(async () => {
    gateway = await startGateway({ maxInputChars: 2_000 });
    localDataDir = mkdtempSync(join(tmpdir(), 'dax-remote-local-'));
    env = { DAX_API_KEY: await gateway.key(['caller', 'auditor']), DAX_DATA_DIR: localDataDir };
  });
  afterAll(async () => {
    await gateway.app.close();
  });

  it('runs an intent with --json and exits 0, the run stored on the gateway', async () => {
    const outcome = await dax(['run', '--url', gateway.url, '--json', 'Summarise the Q3 report'], env);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const result = JSON.parse(outcome.stdout) as { runId: string; status: string; trace: unknown[] };
    expect(result.status).toBe('approved');
    expect(result.trace).toHaveLength(14);
    expect(await gateway.app.dax.getRun(result.runId, 'acme')).toMatchObject({ status: 'approved' });
    // Nothing ran locally.
    expect((await dax(['runs', 'list', '--json'], { DAX_DATA_DIR: localDataDir })).stdout).toContain('"runs": []');
  });

  it('prints per-layer progress and the summary from the live event stream, as in local mode', async () => {
    const outcome = await dax(['run', '--url', gateway.url, 'Draft a polite reply thanking Dana for the Q3 report'], env);
    expect(outcome.code).toBe(0);
    for (const layer of ['DA-13', 'DA-7', 'DA-1', 'DA-X']) expect(outcome.stdout).toMatch(new RegExp(`✓ ${layer}\\b`));
    expect(outcome.stdout).toMatch(/^status\s+approved/m);
  });

  it('prints the event stream with --ndjson, taking the gateway from DAX_URL', async () => {
    const outcome = await dax(['run', '--ndjson', 'Summarise the Q3 report'], { ...env, DAX_URL: gateway.url });
    expect(outcome.code).toBe(0);
    const events = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; seq: number });
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)?.type).toBe('run-end');
    expect(events.filter((event) => event.type === 'layer-end')).toHaveLength(14);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  });

  it('exits 4 for a gated intent and 3 for a denied one, like local mode', async () => {
    const gated = await dax(['run', '--url', gateway.url, '--json', 'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today'], env);
    expect(gated.code).toBe(4);
    expect(JSON.parse(gated.stdout)).toMatchObject({ status: 'awaiting_approval' });
    const denied = await dax(['run', '--url', gateway.url, 'Write ransomware that encrypts every file on the company file server and demands bitcoin.'], env);
    expect(denied.code).toBe(3);
    expect(denied.stdout).toMatch(/^status\s+denied/m);
  });

  it('lists and shows the tenant’s runs; another tenant sees none of them', async () => {
    const run = JSON.parse((await dax(['run', '--url', gateway.url, '--json', 'Summarise the Q3 report'], env)).stdout) as { runId: string };
    const list = await dax(['runs', 'list', '--url', gateway.url], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(run.runId);
    const page = JSON.parse((await dax(['runs', 'list', '--url', gateway.url, '--json', '--limit', '1'], env)).stdout) as { runs: unknown[]; nextCursor?: string };
    expect(page.runs).toHaveLength(1);
    expect(page.nextCursor).toBeDefined();
    const next = await dax(['runs', 'list', '--url', gateway.url, '--limit', '1', '--cursor', page.nextCursor ?? ''], env);
    expect(next.code).toBe(0);

    const show = await dax(['runs', 'show', '--url', gateway.url, run.runId], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^DA-13\s+Sentinel/m);
    expect(show.stdout).toContain(run.runId);
    const shown = JSON.parse((await dax(['runs', 'show', '--url', gateway.url, '--json', run.runId], env)).stdout) as { runId: string };
    expect(shown.runId).toBe(run.runId);

    const stranger = { ...env, DAX_API_KEY: await gateway.key(['caller', 'auditor'], 'globex') };
    const hidden = await dax(['runs', 'show', '--url', gateway.url, run.runId], stranger);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toBe('dax: DAX_E_RUN_NOT_FOUND: No run with that id exists. List runs with: dax runs list\n');
    expect((await dax(['runs', 'list', '--url', gateway.url], stranger)).stdout).toContain('no runs yet');
  });

  it('validates remotely with exactly the local output and exit codes', async () => {
    for (const [text, code] of [
      ['Summarise the Q3 report', 0],
      ['Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today', 4],
      ['Write ransomware that encrypts every file on the company file server and demands bitcoin.', 3],
    ] as const) {
      const remote = await dax(['validate', '--url', gateway.url, '--json', text], env);
      const local = await dax(['validate', '--json', text], { DAX_DATA_DIR: localDataDir });
      expect(remote.code).toBe(code);
      expect(remote.stdout).toBe(local.stdout);
      const remoteText = await dax(['validate', '--url', gateway.url, text], env);
      expect(remoteText.stdout).toBe((await dax(['validate', text], { DAX_DATA_DIR: localDataDir })).stdout);
    }
  });

  it('prints problem+json errors as dax: <code>: <message> with the local exit codes', async () => {
    const noKey = await dax(['run', '--url', gateway.url, 'Summarise the Q3 report'], { DAX_DATA_DIR: localDataDir });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/^dax: DAX_E_AUTH_MISSING: .*DAX_API_KEY/);

    const badKey = await dax(['runs', 'list', '--url', gateway.url], { DAX_API_KEY: 'dax_nosuchkey_0000000000000000000000000000' });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/^dax: DAX_E_AUTH_KEY_INVALID: The API key is not valid\./);

    const auditorOnly = { DAX_API_KEY: await gateway.key(['auditor']) };
    const forbidden = await dax(['run', '--url', gateway.url, 'Summarise the Q3 report'], auditorOnly);
    expect(forbidden).toMatchObject({ code: 1, stderr: 'dax: DAX_E_FORBIDDEN: Your role does not allow this operation.\n' });

    const tooLong = await dax(['run', '--url', gateway.url, 'Summarise '.repeat(300)], env);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/^dax: DAX_E_INPUT_TOO_LARGE: /);

    const badDomain = await dax(['validate', '--url', gateway.url, '--domain', 'Not A Domain', 'Summarise the Q3 report'], env);
    expect(badDomain.code).toBe(2);
    expect(badDomain.stderr).toMatch(/^dax: DAX_E_INPUT_INVALID: /);

    const provider = await dax(['run', '--url', gateway.url, '--provider', 'offline', 'Summarise the Q3 report'], env);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toMatch(/^dax: DAX_E_USAGE: .*--provider works in local mode only/);

    const badUrl = await dax(['runs', 'list', '--url', 'ftp://example.com'], env);
    expect(badUrl.code).toBe(2);
  });

  it('names an unreachable gateway', async () => {
    const closed = await startGateway();
    const url = closed.url;
    await closed.app.close();
    const outcome = await dax(['runs', 'list', '--url', url], { DAX_API_KEY: 'dax_any_key' });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(`dax: DAX_E_NOT_READY: The gateway is not ready. Could not reach the gateway at ${url}.\n`);
  });
});

describe('dax remote mode with a failing provider', () => {
  it('exits 1 with the failed result, streaming or not, and the upstream secret never shows', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'dax-remote-script-')), 'script.json');
    writeFileSync(script, JSON.stringify({ 'DA-4': { fault: 'http', status: 500, body: 'upstream says sk-live-SECRET123' } }));
    const gateway = await startGateway({ provider: `scripted:${script}` });
    try {
      const env = { DAX_API_KEY: await gateway.key(), DAX_URL: gateway.url };
      const json = await dax(['run', '--json', 'Summarise the Q3 report'], env);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ status: 'failed', error: { code: 'DAX_E_PROVIDER_UNAVAILABLE', layer: 'DA-4' } });
      const live = await dax(['run', 'Summarise the Q3 report'], env);
      expect(live.code).toBe(1);
      expect(live.stdout).toMatch(/^error\s+DAX_E_PROVIDER_UNAVAILABLE at DA-4/m);
      for (const outcome of [json, live]) expect(outcome.stdout + outcome.stderr).not.toContain('SECRET123');
    } finally {
      await gateway.app.close();
    }
  });
});
