import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './oidc-claims.js';
import type { OidcSettings } from './oidc-settings.js';

const settings: OidcSettings = {
  issuer: 'https://issuer.test',
  audience: 'dax',
  jwksUrl: 'https://issuer.test/jwks',
  tenantClaim: 'https://dax.test/org',
  rolesClaim: 'groups',
  algorithms: ['RS256'],
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return DaxError.isInstance(error) ? error.code : 'not a DaxError';
  }
  return undefined;
}

describe('identityFromClaims', () => {
  it('reads tenant and roles from the configured claims, dropping unknown role names', () => {
    const identity = identityFromClaims(
      { sub: 'svc-1', 'https://dax.test/org': 'acme', groups: ['auditor', 'everyone', 'auditor'] },
      settings,
    );
    expect(identity).toStrictEqual({ subject: 'oidc:svc-1', tenant: 'acme', roles: ['auditor'], method: 'oidc' });
  });

  it.each([
    [{ sub: 'svc-1', groups: ['caller'] }],
    [{ sub: 'svc-1', 'https://dax.test/org': 'a b', groups: ['caller'] }],
    [{ sub: 'svc-1', 'https://dax.test/org': 'acme', groups: ['everyone'] }],
    [{ sub: 'svc-1', 'https://dax.test/org': 'acme', groups: 42 }],
    [{ 'https://dax.test/org': 'acme', groups: ['caller'] }],
    [{ sub: 'svc-1', tenant: 'acme', roles: ['caller'] }],
  ])('refuses %j with DAX_E_AUTH_TOKEN_CLAIMS', (payload) => {
    expect(codeOf(() => identityFromClaims(payload, settings))).toBe('DAX_E_AUTH_TOKEN_CLAIMS');
  });
});
