import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '@dax/protocol';
import { openMemoryStore } from '@dax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDax } from './create-dax.js';
import { bundledConfigDir } from './resolve-paths.js';

const intent = 'Summarise the Q3 report for the board.';
const goodAnswer = '1. Summarise the Q3 report for the board.';
/** Generous, so that a loaded machine never turns an answer into a timeout. */
const layerTimeoutMs = 3_000;
/** For the cases that are meant to time out. */
const shortTimeoutMs = 400;

type Behaviour = (response: ServerResponse, call: number) => void;

function answer(response: ServerResponse, status = 200, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(
    status === 200
      ? JSON.stringify({ model: 'fault-test', choices: [{ message: { content: goodAnswer } }], usage: { prompt_tokens: 9, completion_tokens: 9 } })
      : JSON.stringify({ error: { message: 'upstream detail that must not leak' } }),
  );
}

/** An OpenAI-compatible upstream on loopback whose behaviour each test sets; it records request times. */
class FaultUpstream {
  behaviour: Behaviour = (response) => answer(response);
  readonly times: number[] = [];
  readonly server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      this.times.push(performance.now());
      this.behaviour(response, this.times.length);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  reset(behaviour: Behaviour): void {
    this.behaviour = behaviour;
    this.times.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const upstream = new FaultUpstream();
let directory = '';
let configPath = '';
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await upstream.start();
  directory = await mkdtemp(join(tmpdir(), 'dax-fault-matrix-'));
  const layers = JSON.parse(await readFile(`${bundledConfigDir}layers.json`, 'utf8')) as { id: number | string; model?: string }[];
  // DA-6 calls the faulty upstream; every other layer stays offline.
  configPath = join(directory, 'layers.json');
  await writeFile(configPath, JSON.stringify(layers.map((layer) => (layer.id === 6 ? { ...layer, model: 'local:fault-test' } : layer))));
});
afterAll(async () => {
  await upstream.close();
  await rm(directory, { recursive: true, force: true });
});

async function runOnce(limits: { runDeadlineMs?: number; layerTimeoutMs?: number } = {}): Promise<RunResult> {
  const dax = createDax({
    configPath,
    provider: 'offline',
    store: await openMemoryStore(),
    env: { DAX_LOCAL_BASE_URL: baseUrl, DAX_LOCAL_API_KEY: 'none' },
    limits: { layerTimeoutMs, ...limits },
  });
  try {
    return await dax.run(intent);
  } finally {
    await dax.close();
  }
}

function da6(result: RunResult) {
  return result.trace.find((entry) => entry.layer === 'DA-6');
}

describe('fault matrix over a real OpenAI-compatible upstream (DA-6)', () => {
  it('HTTP 500 on every attempt: three attempts, then the run fails DAX_E_PROVIDER_UNAVAILABLE', async () => {
    upstream.reset((response) => answer(response, 500));
    const result = await runOnce();
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'DAX_E_PROVIDER_UNAVAILABLE', layer: 'DA-6' });
    expect(upstream.times).toHaveLength(3);
    expect(JSON.stringify(result)).not.toContain('must not leak');
  });

  it('HTTP 500 twice, then an answer: the retry recovers and the layer has one output', async () => {
    upstream.reset((response, call) => answer(response, call <= 2 ? 500 : 200));
    const result = await runOnce();
    expect(result.status).not.toBe('failed');
    expect(da6(result)?.attempts.map((attempt) => attempt.outcome)).toEqual(['error', 'error', 'ok']);
    expect(da6(result)?.output).toBe(goodAnswer);
    // One checkpoint for the layer however many attempts it took.
    expect(result.trace.filter((entry) => entry.layer === 'DA-6')).toHaveLength(1);
  });

  it('429 with Retry-After in seconds: the retry waits at least that long', async () => {
    upstream.reset((response, call) => (call === 1 ? answer(response, 429, { 'retry-after': '1' }) : answer(response)));
    const result = await runOnce();
    expect(result.status).not.toBe('failed');
    expect(upstream.times[1]! - upstream.times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('429 with Retry-After as an HTTP date: the retry waits until then', async () => {
    upstream.reset((response, call) =>
      call === 1 ? answer(response, 429, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() }) : answer(response),
    );
    const result = await runOnce();
    expect(result.status).not.toBe('failed');
    // The date has one-second resolution: at least one second remains of the two.
    expect(upstream.times[1]! - upstream.times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('429 on every attempt: the run fails DAX_E_PROVIDER_RATE_LIMITED', async () => {
    upstream.reset((response) => answer(response, 429, { 'retry-after': '0' }));
    const result = await runOnce();
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_PROVIDER_RATE_LIMITED');
  });

  it('no answer at all: each attempt times out, the run fails DAX_E_PROVIDER_TIMEOUT', async () => {
    upstream.reset(() => undefined);
    const result = await runOnce({ layerTimeoutMs: shortTimeoutMs });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_PROVIDER_TIMEOUT');
    expect(upstream.times).toHaveLength(3);
  });

  it('connection reset: the run fails DAX_E_PROVIDER_NETWORK', async () => {
    upstream.reset((response) => response.socket?.destroy());
    const result = await runOnce();
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_PROVIDER_NETWORK');
  });

  it('malformed body: the run fails DAX_E_PROVIDER_MALFORMED', async () => {
    upstream.reset((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"choices": [ {"message": ');
    });
    const result = await runOnce();
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_PROVIDER_MALFORMED');
  });

  it('slow drip (headers, then a byte at a time): the per-layer timeout stops it, DAX_E_PROVIDER_TIMEOUT', async () => {
    upstream.reset((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => {
        if (response.destroyed) clearInterval(drip);
        else response.write(' ');
      }, 50);
      response.on('close', () => clearInterval(drip));
    });
    const result = await runOnce({ layerTimeoutMs: shortTimeoutMs });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_PROVIDER_TIMEOUT');
  });

  it('a layer slower than the whole-run deadline: the run fails DAX_E_RUN_DEADLINE', async () => {
    upstream.reset((response) => {
      const timer = setTimeout(() => answer(response), 30_000);
      response.on('close', () => clearTimeout(timer));
    });
    const result = await runOnce({ runDeadlineMs: 2_000, layerTimeoutMs: 60_000 });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('DAX_E_RUN_DEADLINE');
    expect(upstream.times.length).toBeLessThanOrEqual(1);
  });

  it('repeated 500s open the breaker: later calls fail DAX_E_PROVIDER_CIRCUIT_OPEN without reaching the upstream', async () => {
    upstream.reset((response) => answer(response, 500));
    const dax = createDax({
      configPath,
      provider: 'offline',
      store: await openMemoryStore(),
      env: { DAX_LOCAL_BASE_URL: baseUrl, DAX_LOCAL_API_KEY: 'none' },
      limits: { layerTimeoutMs },
    });
    try {
      const first = await dax.run(intent);
      const second = await dax.run(intent);
      expect([first.error?.code, second.error?.code]).toEqual(['DAX_E_PROVIDER_UNAVAILABLE', 'DAX_E_PROVIDER_CIRCUIT_OPEN']);
      expect(upstream.times).toHaveLength(5);
      const third = await dax.run(intent);
      expect(third.status).toBe('failed');
      expect(third.error?.code).toBe('DAX_E_PROVIDER_CIRCUIT_OPEN');
      expect(upstream.times).toHaveLength(5);
    } finally {
      await dax.close();
    }
  });
});

describe('breaker settings from the environment', () => {
  it('DAX_BREAKER_FAILURES=2 opens the breaker after two failures: the third attempt never reaches the upstream', async () => {
    upstream.reset((response) => answer(response, 500));
    const dax = createDax({
      configPath,
      provider: 'offline',
      store: await openMemoryStore(),
      env: { DAX_LOCAL_BASE_URL: baseUrl, DAX_LOCAL_API_KEY: 'none', DAX_BREAKER_FAILURES: '2', DAX_BREAKER_OPEN_MS: '60000' },
      limits: { layerTimeoutMs },
    });
    try {
      const first = await dax.run(intent);
      expect(first.status).toBe('failed');
      expect(da6(first)?.attempts.map((attempt) => attempt.errorCode)).toEqual(['DAX_E_PROVIDER_UNAVAILABLE', 'DAX_E_PROVIDER_UNAVAILABLE', 'DAX_E_PROVIDER_CIRCUIT_OPEN']);
      expect(upstream.times).toHaveLength(2);
      const second = await dax.run(intent);
      expect(second.error?.code).toBe('DAX_E_PROVIDER_CIRCUIT_OPEN');
      expect(upstream.times).toHaveLength(2);
    } finally {
      await dax.close();
    }
  });

  it('a malformed setting stops start-up with DAX_E_CONFIG_INVALID naming the variable', () => {
    for (const [name, value] of [['DAX_BREAKER_FAILURES', '0'], ['DAX_BREAKER_OPEN_MS', 'soon'], ['DAX_MAX_CONCURRENT_CALLS', '-1'], ['DAX_MAX_QUEUED_CALLS', '1.5']]) {
      expect(() => createDax({ configPath, provider: 'offline', env: { [name!]: value } })).toThrow(expect.objectContaining({ code: 'DAX_E_CONFIG_INVALID', detail: expect.stringContaining(name!) }));
    }
  });
});

describe('fault matrix with the scripted provider (DA-6)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['HTTP 500', { fault: 'http', status: 500 }, 'DAX_E_PROVIDER_UNAVAILABLE'],
    ['429 with Retry-After', { fault: 'http', status: 429, retryAfter: 0 }, 'DAX_E_PROVIDER_RATE_LIMITED'],
    ['timeout', { fault: 'timeout' }, 'DAX_E_PROVIDER_TIMEOUT'],
    ['connection reset', { fault: 'reset' }, 'DAX_E_PROVIDER_NETWORK'],
    ['malformed body', { fault: 'malformed', as: 'error' }, 'DAX_E_PROVIDER_MALFORMED'],
    ['slow drip beyond the layer timeout', { fault: 'slow', delayMs: 5_000 }, 'DAX_E_PROVIDER_TIMEOUT'],
  ];

  it.each(cases)('%s: failed with %s, never approved', async (_name, entry, code) => {
    const scriptPath = join(directory, `script-${code}.json`);
    await writeFile(scriptPath, JSON.stringify({ 'DA-6': entry }));
    const dax = createDax({ provider: `scripted:${scriptPath}`, store: await openMemoryStore(), limits: { layerTimeoutMs: shortTimeoutMs } });
    try {
      const result = await dax.run(intent);
      expect(result.status).not.toBe('approved');
      expect(result.status).toBe('failed');
      expect(result.error).toMatchObject({ code, layer: 'DA-6' });
      expect(result.output).toBe('');
    } finally {
      await dax.close();
    }
  });
});
