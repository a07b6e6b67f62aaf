import type { AddressInfo } from 'node:net';
import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { base64url, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from './__fixtures__/oidc-test-issuer.js';
import { createOidcVerifier } from './oidc-verifier.js';
import type { OidcSettings } from './oidc-settings.js';
import { identityPlugin } from './plugins/identity-plugin.js';

function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

describe('OIDC bearer tokens against a real oidc-provider issuer', () => {
  let issuer: TestIssuer;
  let store: KyselyRunStore;
  let app: FastifyInstance;
  let baseUrl: string;
  let settings: OidcSettings;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await openMemoryStore();
    settings = {
      issuer: issuer.issuer,
      audience: issuer.audience,
      jwksUrl: issuer.jwksUrl,
      tenantClaim: 'tenant',
      rolesClaim: 'roles',
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    };
    app = Fastify();
    app.decorate('store', store);
    await app.register(identityPlugin, { oidc: settings, oidcOptions: { jwksCooldownMs: 0 } });
    app.get('/whoami', (request) => request.identity);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await issuer.close();
  });

  async function call(token: string): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
    const response = await fetch(`${baseUrl}/whoami`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
  }

  async function expectRefused(token: string, code: string): Promise<void> {
    const { status, body, text } = await call(token);
    expect({ status, code: body.code }).toStrictEqual({ status: 401, code });
    expect(text).not.toContain(token);
  }

  /** A token with the issuer's own signing key and the given claims over sane defaults. */
  function signed(overrides: JWTPayload, key: CryptoKey = issuer.signingKey.privateKey, kid = issuer.signingKey.kid) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sub: 'crafted-client',
      iss: issuer.issuer,
      aud: issuer.audience,
      iat: now - 10,
      exp: now + 300,
      tenant: 'acme',
      roles: ['caller'],
      ...overrides,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
      .sign(key);
  }

  it('accepts a token crafted with the issuer key, proving the negative cases below differ only in one respect', async () => {
    expect((await call(await signed({}))).status).toBe(200);
  });

  it('accepts a client-credentials RS256 at+jwt from the issuer and maps tenant and roles', async () => {
    const { status, body } = await call(await issuer.token('acme-service'));
    expect(status).toBe(200);
    expect(body).toStrictEqual({ subject: 'oidc:acme-service', tenant: 'acme', roles: ['caller'], method: 'oidc' });
  });

  it('reads a space-separated roles claim', async () => {
    const { body } = await call(await issuer.token('globex-service'));
    expect(body).toMatchObject({ tenant: 'globex', roles: ['caller', 'auditor'] });
  });

  it('refuses a token without tenant and role claims with DAX_E_AUTH_TOKEN_CLAIMS', async () => {
    await expectRefused(await issuer.token('claimless-service'), 'DAX_E_AUTH_TOKEN_CLAIMS');
  });

  it('refuses an expired token with DAX_E_AUTH_TOKEN_EXPIRED', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expectRefused(await signed({ iat: past - 300, exp: past }), 'DAX_E_AUTH_TOKEN_EXPIRED');
  });

  it('refuses a token for another audience with DAX_E_AUTH_TOKEN_AUDIENCE', async () => {
    await expectRefused(await signed({ aud: 'https://elsewhere.test/api' }), 'DAX_E_AUTH_TOKEN_AUDIENCE');
  });

  it('refuses a token from another issuer with DAX_E_AUTH_TOKEN_ISSUER', async () => {
    await expectRefused(await signed({ iss: 'https://impostor.test' }), 'DAX_E_AUTH_TOKEN_ISSUER');
  });

  it('refuses alg none with DAX_E_AUTH_TOKEN_ALGORITHM', async () => {
    const real = await issuer.token('acme-service');
    const payload = real.split('.')[1]!;
    await expectRefused(`${encodeSegment({ alg: 'none', typ: 'at+jwt' })}.${payload}.`, 'DAX_E_AUTH_TOKEN_ALGORITHM');
  });

  it('refuses a symmetric algorithm and an unlisted asymmetric one with DAX_E_AUTH_TOKEN_ALGORITHM', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-that-is-long-enough-for-hs256');
    const hs256 = await new SignJWT({ tenant: 'acme', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.signingKey.kid })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(secret);
    await expectRefused(hs256, 'DAX_E_AUTH_TOKEN_ALGORITHM');
    const { privateKey: pssKey } = await generateKeyPair('PS256');
    const ps256 = await new SignJWT({ tenant: 'acme', roles: ['caller'] })
      .setProtectedHeader({ alg: 'PS256', kid: issuer.signingKey.kid })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(pssKey);
    await expectRefused(ps256, 'DAX_E_AUTH_TOKEN_ALGORITHM');
  });

  it('refuses a token signed with a foreign key: unknown key id, or a forged issuer key id', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    await expectRefused(await signed({}, stranger), 'DAX_E_AUTH_TOKEN_SIGNATURE');
    await expectRefused(await signed({}, stranger, 'unknown-key-id'), 'DAX_E_AUTH_TOKEN_KEY_UNKNOWN');
  });

  it('refuses a tampered payload with DAX_E_AUTH_TOKEN_SIGNATURE', async () => {
    const [header, payload, signature] = (await issuer.token('acme-service')).split('.') as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
    const tampered = encodeSegment({ ...claims, tenant: 'globex', roles: ['admin'] });
    await expectRefused(`${header}.${tampered}.${signature}`, 'DAX_E_AUTH_TOKEN_SIGNATURE');
  });

  it.each([
    'not-a-jwt',
    'only.two',
    `${encodeSegment({ alg: 'RS256' }).slice(0, -2)}!!.e30.c2ln`,
    `${base64url.encode('not json')}.${encodeSegment({})}.c2ln`,
    `${encodeSegment({ alg: 'RS256', kid: 'test-key-1' })}.${base64url.encode('not json')}.c2ln`,
  ])('refuses the malformed token %j with DAX_E_AUTH_TOKEN_MALFORMED', async (token) => {
    const { status, body } = await call(token);
    expect({ status, code: body.code }).toStrictEqual({ status: 401, code: 'DAX_E_AUTH_TOKEN_MALFORMED' });
  });

  it('picks up a rotated signing key from the JWKS without a restart', async () => {
    expect((await call(await issuer.token('acme-service'))).status).toBe(200);
    const fresh = await issuer.rotate();
    const rotated = await issuer.token('acme-service');
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(rotated.split('.')[0]!)))).toMatchObject({
      kid: fresh.kid,
    });
    expect((await call(rotated)).status).toBe(200);
  });

  it('answers 503 DAX_E_NOT_READY, not a token error, when the JWKS cannot be fetched', async () => {
    const verify = createOidcVerifier({ ...settings, jwksUrl: 'http://127.0.0.1:9/jwks' }, { jwksTimeoutMs: 2_000 });
    const failure = await verify(await signed({})).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'DAX_E_NOT_READY', status: 503 });
  });
});

describe('createOidcVerifier settings', () => {
  const base = {
    issuer: 'https://issuer.test',
    audience: 'dax',
    jwksUrl: 'https://issuer.test/jwks',
    tenantClaim: 'tenant',
    rolesClaim: 'roles',
  };

  it.each([[['HS256']], [['none']], [[]], [['RS256', 'HS512']]])('refuses algorithms %j at construction', (algorithms) => {
    expect(() => createOidcVerifier({ ...base, algorithms })).toThrow(
      expect.objectContaining({ code: 'DAX_E_CONFIG_INVALID' }) as Error,
    );
  });

  it('refuses a JWKS URL that is not absolute', () => {
    expect(() => createOidcVerifier({ ...base, jwksUrl: '/jwks', algorithms: ['RS256'] })).toThrow(
      expect.objectContaining({ code: 'DAX_E_CONFIG_INVALID' }) as Error,
    );
  });
});
