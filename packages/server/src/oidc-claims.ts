import { DaxError } from '@dax/protocol';
import type { JWTPayload } from 'jose';
import { isTenantName } from './api-key-fields.js';
import type { Identity, Role } from './identity.js';
import type { OidcSettings } from './oidc-settings.js';
import { isRole } from './require-role.js';

/** A claim holding names as an array or a space-separated string; anything else is no names. */
function rolesClaimList(value: unknown): string[] {
  const listed = typeof value === 'string' ? value.split(' ') : Array.isArray(value) ? (value as unknown[]) : [];
  return [...new Set(listed.filter((item): item is string => typeof item === 'string' && /^[a-z][a-z0-9-]{0,62}$/.test(item)))];
}

function rolesFrom(value: unknown): Role[] {
  const listed = typeof value === 'string' ? value.split(' ') : Array.isArray(value) ? (value as unknown[]) : [];
  return [...new Set(listed.filter(isRole))];
}

/**
 * The identity a verified token stands for: subject from `sub`, tenant and roles
 * from the configured claims. Unknown role names are ignored; a token left with no
 * known role, no usable tenant or no subject is `DAX_E_AUTH_TOKEN_CLAIMS`.
 */
export function identityFromClaims(payload: JWTPayload, settings: OidcSettings): Identity {
  const tenant = payload[settings.tenantClaim];
  const roles = rolesFrom(payload[settings.rolesClaim]);
  const subject = payload.sub;
  if (!isTenantName(tenant)) {
    throw new DaxError('DAX_E_AUTH_TOKEN_CLAIMS', { detail: 'The tenant claim is missing or not a tenant name.' });
  }
  if (roles.length === 0) {
    throw new DaxError('DAX_E_AUTH_TOKEN_CLAIMS', { detail: 'The roles claim names no known role.' });
  }
  if (typeof subject !== 'string' || subject === '') {
    throw new DaxError('DAX_E_AUTH_TOKEN_CLAIMS', { detail: 'The token has no subject.' });
  }
  const groups = settings.groupsClaim === undefined ? [] : rolesClaimList(payload[settings.groupsClaim]);
  return { subject: `oidc:${subject}`, tenant, roles, method: 'oidc', ...(groups.length === 0 ? {} : { groups }) };
}
