import { DaxError } from '@dax/protocol';
import type { GatewayConfig } from './gateway-config.js';

/**
 * Refuses a run in a domain the tenant is not allowed (`governance.tenantDomains`,
 * with `"*"` for unlisted tenants) with 403 `DAX_E_DOMAIN_FORBIDDEN`.
 */
export function checkTenantDomain(config: GatewayConfig, tenant: string, domain: string): void {
  const allowed = config.governance.tenantDomains[tenant] ?? config.governance.tenantDomains['*'];
  if (allowed !== undefined && !allowed.includes(domain)) {
    throw new DaxError('DAX_E_DOMAIN_FORBIDDEN', { detail: `Tenant ${tenant} may not run in domain ${domain}.` });
  }
}
