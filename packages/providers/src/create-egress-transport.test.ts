import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerIdentity, sampleFacts } from './__fixtures__/layer-request.js';
import { createEgressTransport } from './create-egress-transport.js';
import { createModelRouter } from './create-model-router.js';
import { createOfflineProvider } from './create-offline-provider.js';
import { createOpenAiCompatibleProvider } from './create-openai-compatible-provider.js';

interface Certificate {
  readonly cert: string;
  readonly key: string;
}

/** A fresh self-signed certificate for 127.0.0.1, made by openssl in a temporary directory. */
function selfSignedCertificate(): Certificate {
  const directory = mkdtempSync(join(tmpdir(), 'dax-egress-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { cert: readFileSync(join(directory, 'cert.pem'), 'utf8'), key: readFileSync(join(directory, 'key.pem'), 'utf8') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function pinOf(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const request = {
  layer: layerIdentity(6),
  model: 'pinned-1',
  prompt: 'You are DA-6 acting as Conductor.',
  json: false,
  facts: sampleFacts,
};

describe('egress allowlist and TLS pinning', () => {
  const certificate = selfSignedCertificate();
  let server: Server;
  let baseUrl = '';
  let requests = 0;
  let tcpConnections = 0;

  beforeAll(async () => {
    server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (incoming, outgoing) => {
      requests += 1;
      incoming.resume();
      incoming.on('end', () => {
        outgoing.writeHead(200, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ model: 'pinned-1', choices: [{ message: { content: 'Step 1: reply to Dana.' } }], usage: { prompt_tokens: 3, completion_tokens: 4 } }));
      });
    });
    server.on('connection', () => {
      tcpConnections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function providerThrough(pins: readonly string[]) {
    const egress = createEgressTransport([{ providerId: 'pinned', baseUrl, tlsPins: pins, ca: certificate.cert }]);
    const provider = createOpenAiCompatibleProvider({ id: 'pinned', baseUrl, model: 'pinned-1', apiKey: 'test-key', transport: egress.transport });
    return { egress, provider };
  }

  it('calls the upstream when its certificate key matches the pin', async () => {
    const { egress, provider } = providerThrough([pinOf(certificate.cert)]);
    try {
      const before = requests;
      const result = await provider.call({ ...request, signal: new AbortController().signal });
      expect(result.text).toBe('Step 1: reply to Dana.');
      expect(requests).toBe(before + 1);
    } finally {
      await egress.close();
    }
  });

  it('fails closed with DAX_E_TLS_PIN_MISMATCH before any request is sent when the key does not match', async () => {
    const wrongPin = createHash('sha256').update('another key').digest('base64');
    const { egress, provider } = providerThrough([wrongPin]);
    try {
      const before = requests;
      await expect(provider.call({ ...request, signal: new AbortController().signal })).rejects.toMatchObject({ code: 'DAX_E_TLS_PIN_MISMATCH', retryable: false });
      expect(requests).toBe(before);
    } finally {
      await egress.close();
    }
  });

  it('never contacts a base URL outside the registry', async () => {
    let connections = 0;
    const listener = createTcpServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const strayUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/v1`;
    const egress = createEgressTransport([{ providerId: 'pinned', baseUrl, tlsPins: [pinOf(certificate.cert)], ca: certificate.cert }]);
    try {
      const stray = createOpenAiCompatibleProvider({ id: 'stray', baseUrl: strayUrl, model: 'stray-1', apiKey: 'test-key', transport: egress.transport });
      await expect(stray.call({ ...request, signal: new AbortController().signal })).rejects.toMatchObject({ code: 'DAX_E_EGRESS_DENIED' });
      // A direct use of the transport is refused the same way, and so is a URL that does not parse.
      const post = { headers: {}, body: '{}', signal: new AbortController().signal };
      await expect(egress.transport.post({ ...post, url: `${strayUrl}/chat/completions` })).rejects.toMatchObject({ code: 'DAX_E_EGRESS_DENIED' });
      await expect(egress.transport.post({ ...post, url: 'not a url' })).rejects.toMatchObject({ code: 'DAX_E_EGRESS_DENIED' });
      expect(egress.isAllowed(`${baseUrl}/chat/completions`)).toBe(true);
      expect(egress.isAllowed(strayUrl)).toBe(false);
      expect(connections).toBe(0);
    } finally {
      await egress.close();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });

  it('stops the layer on a pin mismatch instead of falling back to the next model', async () => {
    const { egress, provider } = providerThrough([createHash('sha256').update('not it').digest('base64')]);
    try {
      const router = createModelRouter({ providers: { pinned: provider, offline: createOfflineProvider() }, defaultModel: 'offline', sleep: () => Promise.resolve() });
      const error = await router
        .invoke({ layer: layerIdentity(6), prompt: 'p', json: false, models: ['pinned:pinned-1', 'offline'], timeoutMs: 5_000, signal: new AbortController().signal, facts: sampleFacts })
        .then(() => undefined, (reason: unknown) => reason as { code: string; attempts: { provider: string; errorCode?: string }[] });
      expect(error?.code).toBe('DAX_E_TLS_PIN_MISMATCH');
      expect(error?.attempts.map((attempt) => attempt.provider)).toEqual(['pinned']);
      expect(tcpConnections).toBeGreaterThan(0);
    } finally {
      await egress.close();
    }
  });
});
