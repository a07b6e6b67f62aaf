import { DaxError } from '@dax/protocol';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { Identity } from './identity.js';
import { identityFromClaims } from './oidc-claims.js';
import { oidcFailure } from './oidc-failure.js';
import type { OidcSettings, OidcVerifierOptions } from './oidc-settings.js';

/** Turns a bearer token into an identity or throws a `DAX_E_AUTH_TOKEN_*` error. */
export type OidcVerifier = (token: string) => Promise<Identity>;

const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const asymmetricAlgorithms = new Set([
  'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519',
]);

function checkSettings(settings: OidcSettings): URL {
  const refused = settings.algorithms.filter((algorithm) => !asymmetricAlgorithms.has(algorithm));
  if (settings.algorithms.length === 0 || refused.length > 0) {
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: 'oidc.algorithms must list asymmetric JWS algorithms only (for example RS256, ES256, EdDSA).',
    });
  }
  if (settings.issuer === '' || settings.audience === '') {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: 'oidc.issuer and oidc.audience must not be empty.' });
  }
  try {
    return new URL(settings.jwksUrl);
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { cause, detail: 'oidc.jwksUrl must be an absolute URL.' });
  }
}

/**
 * Builds the verifier once per gateway. Keys come from the issuer's JWKS, cached;
 * a token signed with a key id not yet seen triggers a refetch (at most once per
 * cooldown), so the issuer can rotate keys without a gateway restart. The
 * algorithm is checked against the allowed list before anything else, so
 * `alg: none` and symmetric tricks never reach signature checking.
 */
export function createOidcVerifier(settings: OidcSettings, options: OidcVerifierOptions = {}): OidcVerifier {
  const jwksUrl = checkSettings(settings);
  const allowed = new Set(settings.algorithms);
  const algorithms = [...settings.algorithms];
  const keySet = createRemoteJWKSet(jwksUrl, {
    cooldownDuration: options.jwksCooldownMs ?? 30_000,
    cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.jwksTimeoutMs ?? 5_000,
  });
  const clockTolerance = options.clockToleranceSeconds ?? 0;
  const now = options.now;

  return async (token) => {
    if (!compactJws.test(token)) throw new DaxError('DAX_E_AUTH_TOKEN_MALFORMED');
    let algorithm: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
      decodeJwt(token);
    } catch (cause) {
      throw new DaxError('DAX_E_AUTH_TOKEN_MALFORMED', { cause });
    }
    if (typeof algorithm !== 'string') throw new DaxError('DAX_E_AUTH_TOKEN_MALFORMED');
    if (!allowed.has(algorithm)) throw new DaxError('DAX_E_AUTH_TOKEN_ALGORITHM');
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        clockTolerance,
        ...(now === undefined ? {} : { currentDate: now() }),
      });
      return identityFromClaims(payload, settings);
    } catch (error) {
      throw oidcFailure(error);
    }
  };
}
