import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Clock } from '@dax/core';
import { openSqliteStore, type KyselyRunStore } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { createApiKey } from '../api-key-create.js';
import { createGateway } from '../create-gateway.js';
import { parseGatewayConfig } from '../gateway-config.js';
import { parseRotations, type Rotations } from '../gates/load-rotations.js';
import type { RotationsFileInput } from '../gates/rotations-config.js';
import type { Role } from '../identity.js';

export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A real HTTP receiver on loopback that records every delivery; it can fail the first N. */
export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        response.writeHead(503).end();
        return;
      }
      received.push({ path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface GateRigGateway {
  readonly app: FastifyInstance;
  readonly store: KyselyRunStore;
  readonly baseUrl: string;
  readonly logs: () => string;
  close(): Promise<void>;
}

/** Opens the store in `dataDir` and starts a listening gateway over it with the rotations. */
export async function startGateGateway(options: {
  readonly dataDir: string;
  readonly rotations: Rotations;
  readonly clock: Clock;
  readonly provider?: string;
}): Promise<GateRigGateway> {
  const store = await openSqliteStore({ dataDir: options.dataDir, clock: options.clock });
  const logStream = new PassThrough();
  let logged = '';
  logStream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
  const config = parseGatewayConfig({ provider: options.provider ?? 'offline', dataDir: options.dataDir, gates: { sweepIntervalMs: 0 } });
  const app = await createGateway({ config, store, clock: options.clock, rotations: options.rotations, logStream });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    baseUrl,
    logs: () => logged,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export interface RigIdentity {
  readonly key: string;
  readonly subject: string;
}

/** Creates API keys in a fresh data directory before any gateway starts (rotations name their subjects). */
export async function createIdentities<Name extends string>(
  dataDir: string,
  wanted: Record<Name, { readonly tenant: string; readonly roles: Role[] }>,
): Promise<Record<Name, RigIdentity>> {
  const store = await openSqliteStore({ dataDir });
  try {
    const identities = {} as Record<Name, RigIdentity>;
    for (const [name, spec] of Object.entries(wanted) as [Name, { tenant: string; roles: Role[] }][]) {
      const created = await createApiKey(store, { tenant: spec.tenant, roles: spec.roles, name });
      identities[name] = { key: created.key, subject: `key:${created.keyId}` };
    }
    return identities;
  } finally {
    await store.close();
  }
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'dax-gates-'));
}

export function rotationsOf(file: RotationsFileInput, env: Record<string, string>): Rotations {
  return parseRotations(file, env, 'test');
}

/** JSON over real HTTP with an API key. */
export async function callApi(baseUrl: string, key: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
