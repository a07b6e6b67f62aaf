import { TLSSocket } from 'node:tls';
import { DaxError } from '@dax/protocol';
import type { KyselyApiKeyStore, KyselyRunStore } from '@dax/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { authenticateApiKey } from '../api-key-authenticate.js';
import { isTenantName } from '../api-key-fields.js';
import { apiKeyPrefix } from '../api-key-format.js';
import { apiKeyStoreOf } from '../api-key-store-of.js';
import type { Identity } from '../identity.js';
import type { OidcSettings, OidcVerifierOptions } from '../oidc-settings.js';
import { createOidcVerifier, type OidcVerifier } from '../oidc-verifier.js';
import { isRole } from '../require-role.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public route skips authentication (health, readiness, the OpenAPI document). */
    public?: boolean;
  }
}

export interface IdentityPluginOptions {
  /** Where API keys are looked up; default: the gateway's `store` decoration. */
  readonly apiKeys?: KyselyApiKeyStore;
  /** OIDC trust settings; default: `gatewayConfig.oidc`. Without them bearer JWTs are refused. */
  readonly oidc?: OidcSettings;
  readonly oidcOptions?: OidcVerifierOptions;
}

const bearerPattern = /^Bearer +(\S+) *$/i;

function singleHeader(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new DaxError('DAX_E_AUTH_MISSING', { detail: 'Send one credential only.' });
    return value[0];
  }
  return value;
}

type Credential = { readonly kind: 'api-key' | 'bearer'; readonly value: string } | { readonly kind: 'certificate' };

/**
 * The identity of a verified client certificate (mutual TLS): tenant from the
 * subject's O, roles from its OU values, subject `cert:<SHA-256 fingerprint>`.
 * Only a certificate the TLS layer authorised against the configured CA counts.
 */
function certificateIdentity(request: FastifyRequest): Identity {
  const socket = request.raw.socket;
  if (!(socket instanceof TLSSocket) || !socket.authorized) throw new DaxError('DAX_E_AUTH_CERTIFICATE');
  const certificate = socket.getPeerCertificate();
  const organization: unknown = certificate.subject?.O;
  const units: unknown = certificate.subject?.OU;
  const roles = [...new Set((Array.isArray(units) ? units : [units]).filter(isRole))];
  if (!isTenantName(organization) || roles.length === 0) {
    throw new DaxError('DAX_E_AUTH_CERTIFICATE', {
      detail: 'The certificate subject needs the tenant in O and at least one role in OU.',
    });
  }
  const fingerprint = certificate.fingerprint256.replaceAll(':', '').toLowerCase();
  return { subject: `cert:${fingerprint}`, tenant: organization, roles, method: 'certificate' };
}

function isAuthorizedTls(request: FastifyRequest): boolean {
  const socket = request.raw.socket;
  return socket instanceof TLSSocket && socket.authorized;
}

/** The credential a request carries: a bearer token, an `x-api-key` value, or a verified client certificate. */
function credentialOf(request: FastifyRequest): Credential {
  const authorization = singleHeader(request.headers.authorization);
  if (authorization !== undefined && authorization !== '') {
    const token = bearerPattern.exec(authorization)?.[1];
    if (token === undefined) {
      throw new DaxError('DAX_E_AUTH_MISSING', { detail: 'Use the Bearer scheme in the Authorization header.' });
    }
    return { kind: token.startsWith(apiKeyPrefix) ? 'api-key' : 'bearer', value: token };
  }
  const apiKey = singleHeader(request.headers['x-api-key']);
  if (apiKey !== undefined && apiKey !== '') return { kind: 'api-key', value: apiKey.trim() };
  if (isAuthorizedTls(request)) return { kind: 'certificate' };
  throw new DaxError('DAX_E_AUTH_MISSING');
}

function settingsFrom(fastify: FastifyInstance, options: IdentityPluginOptions): OidcSettings | undefined {
  if (options.oidc !== undefined) return options.oidc;
  if (!fastify.hasDecorator('gatewayConfig')) return undefined;
  return fastify.getDecorator<{ readonly oidc?: OidcSettings }>('gatewayConfig').oidc;
}

function identityPluginBody(fastify: FastifyInstance, options: IdentityPluginOptions): Promise<void> {
  const apiKeys = options.apiKeys ?? apiKeyStoreOf(fastify.getDecorator<KyselyRunStore>('store'));
  const settings = settingsFrom(fastify, options);
  const verifyToken: OidcVerifier | undefined =
    settings === undefined ? undefined : createOidcVerifier(settings, options.oidcOptions);

  fastify.decorateRequest('identity', null as unknown as Identity);
  fastify.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public === true || request.is404) return;
    const credential = credentialOf(request);
    if (credential.kind === 'certificate') {
      request.identity = certificateIdentity(request);
    } else if (credential.kind === 'api-key') {
      request.identity = await authenticateApiKey(apiKeys, credential.value);
    } else if (verifyToken === undefined) {
      throw new DaxError('DAX_E_AUTH_KEY_INVALID', { detail: 'Bearer JWTs are not accepted: OIDC is not configured.' });
    } else {
      request.identity = await verifyToken(credential.value);
    }
  });
  return Promise.resolve();
}

/**
 * Authenticates every non-public route in an onRequest hook and sets
 * `request.identity`. Credentials: `Authorization: Bearer dax_…` or `x-api-key`
 * (API keys, checked against the store on every request so a revoke is immediate)
 * and `Authorization: Bearer <jwt>` (OIDC, when configured); without either, a
 * client certificate verified by mutual TLS (tenant from O, roles from OU). Fails closed with a
 * `DAX_E_AUTH_*` error; the credential itself never appears in an error or log.
 */
export const identityPlugin = fastifyPlugin(identityPluginBody, { name: 'dax-identity', fastify: '5.x' });
