import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './__fixtures__/test-gateway.js';
import { readTlsOptions } from './tls-options.js';

interface Certificates {
  readonly dir: string;
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

/** A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl. */
function makeCertificates(): Certificates {
  const dir = mkdtempSync(join(tmpdir(), 'dax-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ecKey, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=dax-test-ca');
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(file('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [
    ['server', '/CN=localhost'],
    ['client', '/CN=dax-test-client'],
  ] as const) {
    openssl('req', ...ecKey, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject);
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file(`${name}.pem`), '-days', '2', '-extfile', file(`${name}.ext`));
  }
  return {
    dir,
    ca: file('ca.pem'),
    serverCert: file('server.pem'),
    serverKey: file('server.key'),
    clientCert: file('client.pem'),
    clientKey: file('client.key'),
  };
}

function get(url: string, tls: { ca: Buffer; cert?: Buffer; key?: Buffer }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { ...tls, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('TLS', () => {
  let certificates: Certificates;
  let ca: Buffer;

  beforeAll(() => {
    certificates = makeCertificates();
    ca = readFileSync(certificates.ca);
  });

  it('names the setting of an unreadable certificate file', () => {
    expect(() => readTlsOptions({ certFile: join(certificates.dir, 'missing.pem'), keyFile: certificates.serverKey, requestCert: false })).toThrow(
      expect.objectContaining({ code: 'DAX_E_CONFIG_NOT_FOUND', message: expect.stringContaining('tls.certFile') }),
    );
  });

  describe('HTTPS', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway({ listen: true, config: { tls: { certFile: certificates.serverCert, keyFile: certificates.serverKey } } });
    });
    afterAll(() => gateway.close());

    it('serves over HTTPS', async () => {
      expect(gateway.baseUrl).toMatch(/^https:/);
      expect(await get(`${gateway.baseUrl}/health`, { ca })).toEqual({ status: 200, body: '{"status":"ok"}' });
    });
  });

  describe('mutual TLS', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway({
        listen: true,
        config: { tls: { certFile: certificates.serverCert, keyFile: certificates.serverKey, caFile: certificates.ca, requestCert: true } },
      });
    });
    afterAll(() => gateway.close());

    it('refuses a client without a certificate before any HTTP is spoken', async () => {
      // The handshake fails (TLS 1.3 reports it as a certificate-required alert): no HTTP response at all.
      await expect(get(`${gateway.baseUrl}/health`, { ca })).rejects.toMatchObject({ code: expect.stringMatching(/CERTIFICATE_REQUIRED|ECONNRESET|EPIPE/) });
    });

    it('refuses a client certificate from another CA', async () => {
      const stranger = makeCertificates();
      await expect(
        get(`${gateway.baseUrl}/health`, { ca, cert: readFileSync(stranger.clientCert), key: readFileSync(stranger.clientKey) }),
      ).rejects.toThrow();
    });

    it('serves a client with a certificate from the configured CA', async () => {
      const response = await get(`${gateway.baseUrl}/health`, { ca, cert: readFileSync(certificates.clientCert), key: readFileSync(certificates.clientKey) });
      expect(response).toEqual({ status: 200, body: '{"status":"ok"}' });
    });
  });
});
