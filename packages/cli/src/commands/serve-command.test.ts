import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../__fixtures__/run-cli.js';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

const dax = runCli;

describe('dax serve', () => {
  it('stops start-up on a bad setting, naming it and where it came from', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-serve-'));
    const flag = await dax(['serve', '--port', 'eighty', '--data-dir', dataDir], {});
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('DAX_E_CONFIG_INVALID');
    expect(flag.stderr).toContain('"port" (from the command line)');
    const env = await dax(['serve', '--data-dir', dataDir], { DAX_RATE_PER_KEY: 'lots' });
    expect(env.stderr).toContain('"limits.requestsPerMinutePerKey" (from DAX_RATE_PER_KEY)');
  });

  it('names the address when the port is taken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-serve-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const outcome = await dax(['serve', '--port', String(port), '--data-dir', dataDir], {});
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    } finally {
      taken.close();
    }
  });

  it('serves, prints its URL and the first-key command, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dax-serve-'));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
      env: { PATH: process.env.PATH ?? '', HOME: dataDir, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The banner ends with the stop hint; wait for all of it.
        const match = /listening on (https?:\/\/\S+)[\s\S]*stop with/.exec(stderr);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`dax serve exited early: ${stderr}`)));
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stderr).toContain('dax keys create --tenant default --role admin');
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });

      const created = await dax(['keys', 'create', '--tenant', 'default', '--role', 'admin', '--data-dir', dataDir], {});
      const key = created.stdout.trim();
      const run = await fetch(`${url}/v1/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'Summarise the Q3 report' }),
      });
      expect(run.status).toBe(200);
      expect(await run.json()).toMatchObject({ status: 'approved' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; requestId?: string });
    expect(lines.some((line) => line.msg === 'shutting down')).toBe(true);
    expect(lines.filter((line) => line.msg === 'request completed').every((line) => typeof line.requestId === 'string')).toBe(true);
  });
});
