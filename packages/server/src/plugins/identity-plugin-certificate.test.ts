import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-key-create.js';
import { identityPlugin } from './identity-plugin.js';

const run = promisify(execFile);

interface Pem {
  readonly key: Buffer;
  readonly cert: Buffer;
}

/** A throwaway CA and certificates signed by it (EC P-256, valid one day). */
async function issueCertificates(directory: string): Promise<{ ca: Buffer; server: Pem; clients: Record<string, Pem> }> {
  const path = (name: string) => join(directory, name);
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await run('openssl', ['req', '-x509', ...newKey, '-keyout', path('ca.key'), '-out', path('ca.crt'), '-subj', '/CN=Dax Test CA', '-days', '1']);
  await writeFile(path('server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  const sign = async (name: string, subject: string, extensions?: string) => {
    await run('openssl', ['req', ...newKey, '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`), '-subj', subject]);
    await run('openssl', [
      'x509', '-req', '-in', path(`${name}.csr`), '-CA', path('ca.crt'), '-CAkey', path('ca.key'),
      '-CAcreateserial', '-out', path(`${name}.crt`), '-days', '1', ...(extensions === undefined ? [] : ['-extfile', extensions]),
    ]);
    return { key: await readFile(path(`${name}.key`)), cert: await readFile(path(`${name}.crt`)) };
  };
  const server = await sign('server', '/CN=127.0.0.1', path('server.ext'));
  const clients = {
    acme: await sign('acme', '/O=acme/OU=caller/OU=auditor/OU=unknown-role/CN=billing'),
    roleless: await sign('roleless', '/O=acme/CN=nobody'),
  };
  return { ca: await readFile(path('ca.crt')), server, clients };
}

describe('identityPlugin with mutual TLS', () => {
  let directory: string;
  let store: KyselyRunStore;
  let app: FastifyInstance;
  let port: number;
  let ca: Buffer;
  let clients: Record<string, Pem>;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dax-mtls-'));
    const issued = await issueCertificates(directory);
    ca = issued.ca;
    clients = issued.clients;
    store = await openMemoryStore();
    app = Fastify({ https: { ...issued.server, ca, requestCert: true, rejectUnauthorized: true } });
    app.decorate('store', store);
    await app.register(identityPlugin);
    app.get('/whoami', (request) => request.identity);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  function get(client: Pem | undefined, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const outgoing = httpsRequest(
        { host: '127.0.0.1', port, path: '/whoami', ca, headers, agent: false, ...(client ?? {}) },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  it('maps a verified client certificate to tenant (O) and roles (OU)', async () => {
    const { status, body } = await get(clients.acme);
    expect(status).toBe(200);
    expect(body).toMatchObject({ tenant: 'acme', roles: ['caller', 'auditor'], method: 'certificate' });
    expect(body.subject).toMatch(/^cert:[0-9a-f]{64}$/);
  });

  it('refuses a certificate without a known role with DAX_E_AUTH_CERTIFICATE', async () => {
    const { status, body } = await get(clients.roleless);
    expect([status, body.code]).toEqual([401, 'DAX_E_AUTH_CERTIFICATE']);
  });

  it('lets an API key on a certificate connection take precedence', async () => {
    const created = await createApiKey(store, { tenant: 'globex', roles: ['operator'] });
    const { body } = await get(clients.acme, { 'x-api-key': created.key });
    expect(body).toMatchObject({ tenant: 'globex', method: 'api-key' });
  });

  it('does not let a client without a certificate connect', async () => {
    await expect(get(undefined)).rejects.toThrow();
  });
});
