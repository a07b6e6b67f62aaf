import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

const prometheusBinary = '/usr/bin/prometheus';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/**
 * A real Prometheus server scraping a gateway on loopback every second, after a
 * scripted workload: PromQL over the HTTP API must see the runs, drift detections
 * and gates the workload made.
 */
describe.skipIf(!existsSync(prometheusBinary))('a real Prometheus server scraping the gateway', () => {
  let gateway: TestGateway;
  let prometheus: ChildProcess | undefined;
  let prometheusUrl = '';
  let workDir = '';
  let prometheusLog = '';

  async function query(promql: string): Promise<VectorSample[]> {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data: { resultType: string; result: VectorSample[] } };
    expect(body.status).toBe('success');
    return body.data.result;
  }

  async function eventually(promql: string, accept: (samples: VectorSample[]) => boolean): Promise<VectorSample[]> {
    let samples: VectorSample[] = [];
    for (let tries = 0; tries < 120; tries += 1) {
      try {
        samples = await query(promql);
        if (accept(samples)) return samples;
      } catch {
        // Not up yet.
      }
      await sleep(250);
    }
    throw new Error(`PromQL ${promql} never matched; last answer ${JSON.stringify(samples)}; prometheus said:\n${prometheusLog.slice(-2000)}`);
  }

  beforeAll(async () => {
    gateway = await startTestGateway({
      listen: true,
      script: { 'DA-6': { output: '1. Confirm the $25,000 catering budget for the Northwind offsite' } },
    });
    const caller = await gateway.keyFor('acme', ['caller']);
    const scraper = await gateway.keyFor('ops', ['metrics']);
    const inputs = [
      'Draft a note confirming the $2,500 catering budget for the Northwind offsite',
      'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today',
      'Summarise the Q3 report for the board',
      'Summarise the Q4 report for the board',
    ];
    for (const input of inputs) {
      const response = await fetch(`${gateway.baseUrl}/v1/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${caller}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      });
      expect(response.status).toBeLessThan(300);
    }

    workDir = mkdtempSync(join(tmpdir(), 'dax-prometheus-'));
    const target = new URL(gateway.baseUrl).host;
    writeFileSync(
      join(workDir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: dax-gateway',
        '    metrics_path: /metrics',
        '    authorization:',
        '      type: Bearer',
        `      credentials: ${scraper}`,
        '    static_configs:',
        `      - targets: ['${target}']`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      prometheusBinary,
      [
        `--config.file=${join(workDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(workDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout?.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString('utf8')));
    prometheus.stderr?.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString('utf8')));
  }, 60_000);

  afterAll(async () => {
    if (prometheus !== undefined && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await gateway?.close();
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  it('answers PromQL for runs by status, drift detections and gates opened', async () => {
    const up = await eventually('up{job="dax-gateway"}', (samples) => samples[0]?.value[1] === '1');
    expect(up).toHaveLength(1);

    // The scripted DA-6 states an amount none of the three ungated intents stated: all three drift and roll back.
    const runs = await eventually('sum by (status) (dax_runs_total{job="dax-gateway"})', (samples) => samples.length >= 2);
    const byStatus = Object.fromEntries(runs.map((sample) => [sample.metric.status, Number(sample.value[1])]));
    expect(byStatus).toEqual({ rolled_back: 3, awaiting_approval: 1 });

    const drift = await eventually('sum(dax_drift_detections_total{layer="DA-6"})', (samples) => samples.length === 1);
    expect(Number(drift[0]!.value[1])).toBeGreaterThanOrEqual(3);

    const gates = await eventually('sum(dax_gates_opened_total)', (samples) => samples.length === 1);
    expect(Number(gates[0]!.value[1])).toBe(1);

    const layerLatency = await query('count(dax_layer_duration_seconds_bucket{le="+Inf"})');
    expect(Number(layerLatency[0]!.value[1])).toBeGreaterThanOrEqual(14);
  }, 60_000);
});
