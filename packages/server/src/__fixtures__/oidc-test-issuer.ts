import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import Provider from 'oidc-provider';

/** A signing key of the test issuer, with the private half kept for crafting tokens. */
export interface IssuerKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

/** A real OIDC issuer (oidc-provider) on a loopback port, for client-credentials tokens. */
export interface TestIssuer {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  /** The key currently used to sign. */
  readonly signingKey: IssuerKey;
  /** A client-credentials access token (RS256 at+jwt) for one of the test clients. */
  token(clientId: TestClientId): Promise<string>;
  /** Publishes a new signing key (keeping the old one) and signs with it from now on. */
  rotate(): Promise<IssuerKey>;
  close(): Promise<void>;
}

export type TestClientId = 'acme-service' | 'globex-service' | 'claimless-service';

const clientSecret = 'test-client-secret-not-a-real-one-0123456789';

const clientClaims: Readonly<Record<string, Record<string, unknown> | undefined>> = {
  'acme-service': { tenant: 'acme', roles: ['caller', 'not-a-dax-role'] },
  'globex-service': { tenant: 'globex', roles: 'caller auditor' },
  'claimless-service': undefined,
};

let keyCounter = 0;

async function newIssuerKey(): Promise<IssuerKey> {
  keyCounter += 1;
  const kid = `test-key-${keyCounter}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}

function buildProvider(issuer: string, audience: string, keys: readonly IssuerKey[]): Provider {
  return new Provider(issuer, {
    clients: Object.keys(clientClaims).map((clientId) => ({
      client_id: clientId,
      client_secret: clientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: keys.map((key) => key.jwk) },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    ttl: { ClientCredentials: 300 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'dax',
          audience,
          accessTokenTTL: 300,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_context: unknown, token: { clientId?: string }) =>
      Promise.resolve(token.clientId === undefined ? undefined : clientClaims[token.clientId]),
  });
}

export async function startTestIssuer(audience = 'https://dax.test/api'): Promise<TestIssuer> {
  let handler: RequestListener | undefined;
  const server: Server = createServer((request, response) => {
    if (handler === undefined) {
      response.statusCode = 503;
      response.end();
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let keys = [await newIssuerKey()];
  handler = buildProvider(issuer, audience, keys).callback();

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience,
    get signingKey() {
      return keys[0]!;
    },
    async token(clientId) {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'dax', resource: audience }).toString(),
      });
      const body = (await response.json()) as { access_token?: string; error?: string };
      if (!response.ok || body.access_token === undefined) {
        throw new Error(`token request failed with ${response.status} ${body.error ?? ''}`);
      }
      return body.access_token;
    },
    async rotate() {
      const fresh = await newIssuerKey();
      keys = [fresh, ...keys];
      handler = buildProvider(issuer, audience, keys).callback();
      return fresh;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
