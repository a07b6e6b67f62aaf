import type { RunResult } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from './__fixtures__/test-gateway.js';
import { installShutdownSignals } from './shutdown-signals.js';

const slowScript = Object.fromEntries(['DA-10', 'DA-6', 'DA-2'].map((layer) => [layer, { fault: 'slow', delayMs: 150 }]));

async function untilLive(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('graceful shutdown', () => {
  it('on the signal: refuses new runs with 503, reports not ready, lets the in-flight run finish, then closes', async () => {
    const gateway = await startTestGateway({ listen: true, script: slowScript, config: { shutdownGraceMs: 60_000 } });
    const headers = { authorization: `Bearer ${await gateway.keyFor('acme')}`, 'content-type': 'application/json' };
    const inFlight = fetch(`${gateway.baseUrl}/v1/runs`, { method: 'POST', headers, body: JSON.stringify({ input: 'Summarise the Q3 report' }) });
    await untilLive(() => gateway.app.shutdown.inFlight === 1);

    const signals = installShutdownSignals(gateway.app, ['SIGUSR2']);
    process.emit('SIGUSR2', 'SIGUSR2');
    await untilLive(() => gateway.app.shutdown.draining);

    const refused = await fetch(`${gateway.baseUrl}/v1/runs`, { method: 'POST', headers, body: JSON.stringify({ input: 'Summarise again' }) });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: 'DAX_E_SHUTTING_DOWN', retryable: true });
    expect((await fetch(`${gateway.baseUrl}/ready`)).status).toBe(503);

    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as RunResult).status).toBe('approved');
    await expect(signals.closed).resolves.toBe('SIGUSR2');
    await expect(fetch(`${gateway.baseUrl}/health`)).rejects.toThrow();
    await gateway.store.close();
  });

  it('cancels a run that outlasts the grace period and records it as failed', async () => {
    const gateway = await startTestGateway({ listen: true, script: slowScript, config: { shutdownGraceMs: 0 } });
    const headers = { authorization: `Bearer ${await gateway.keyFor('acme')}`, 'content-type': 'application/json' };
    const inFlight = fetch(`${gateway.baseUrl}/v1/runs`, { method: 'POST', headers, body: JSON.stringify({ input: 'Summarise the Q3 report' }) });
    await untilLive(() => gateway.app.shutdown.inFlight === 1);
    const closing = gateway.app.close();
    const response = await inFlight;
    const result = (await response.json()) as RunResult;
    expect(result).toMatchObject({ status: 'failed', error: { code: 'DAX_E_RUN_ABORTED' } });
    await closing;
    expect(await gateway.store.getRun(result.runId, 'acme')).toMatchObject({ status: 'failed' });
    await gateway.store.close();
  });
});
