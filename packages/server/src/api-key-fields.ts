import { DaxError } from '@dax/protocol';
import type { Role } from './identity.js';
import { isRole } from './require-role.js';

const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const controlCharacters = /\p{Cc}/u;
const maximumNameLength = 100;

/** A tenant name: 1–64 letters, digits, dot, dash or underscore, not starting with punctuation. */
export function isTenantName(value: unknown): value is string {
  return typeof value === 'string' && tenantPattern.test(value);
}

export function checkTenant(tenant: string): string {
  if (!isTenantName(tenant)) {
    throw new DaxError('DAX_E_INPUT_INVALID', {
      detail: 'A tenant is 1 to 64 letters, digits, ".", "-" or "_", starting with a letter or digit.',
    });
  }
  return tenant;
}

/** At least one known role; duplicates removed, order kept. */
export function checkRoles(values: readonly string[]): Role[] {
  const unknown = values.filter((value) => !isRole(value));
  if (unknown.length > 0 || values.length === 0) {
    throw new DaxError('DAX_E_INPUT_INVALID', {
      detail: 'Give at least one role of: caller, approver, reviewer, admin, auditor, operator.',
    });
  }
  return [...new Set(values as Role[])];
}

/** A display name of at most 100 characters without control characters. */
export function checkKeyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length > maximumNameLength || controlCharacters.test(trimmed)) {
    throw new DaxError('DAX_E_INPUT_INVALID', {
      detail: 'A key name has at most 100 characters and no control characters.',
    });
  }
  return trimmed;
}
