import { DaxError } from '@dax/protocol';
import { matchGlob } from './match-glob.js';
import type { DomainRule, ModelPolicy, ModelRule } from './model-policy.js';

const personalDataByDefault: DomainRule = { personalData: true };

/** The rule a domain is held to: its own entry, else `default`, else "handles personal data". */
export function domainRuleOf(policy: ModelPolicy, domain: string): DomainRule {
  return policy.domains[domain] ?? policy.domains.default ?? personalDataByDefault;
}

function matches(rule: ModelRule, provider: string, model: string, region: string): boolean {
  return (
    (rule.provider === undefined || matchGlob(rule.provider, provider)) &&
    (rule.model === undefined || matchGlob(rule.model, model)) &&
    (rule.region === undefined || matchGlob(rule.region, region))
  );
}

/**
 * Checks one model reference (`provider` or `provider:model`) for one layer of one
 * domain against the model policy. Returns the violation as a DaxError naming the
 * layer, the model and the provider, or undefined when the call is allowed.
 * Used when a version is validated and again right before each model call.
 */
export function checkModelReference(policy: ModelPolicy, domain: string, layer: string, reference: string): DaxError | undefined {
  const colon = reference.indexOf(':');
  const providerId = colon < 0 ? reference : reference.slice(0, colon);
  const provider = policy.providers[providerId];
  if (provider === undefined) {
    return new DaxError('DAX_E_MODEL_NOT_ALLOWED', { detail: `Layer ${layer}: model "${reference}" names provider "${providerId}", which is not registered in the model policy.` });
  }
  const model = colon < 0 ? (provider.defaultModel ?? '') : reference.slice(colon + 1);
  if (policy.deny.some((rule) => matches(rule, providerId, model, provider.region))) {
    return new DaxError('DAX_E_MODEL_NOT_ALLOWED', { detail: `Layer ${layer}: model "${reference}" is denied by the model policy.` });
  }
  if (policy.allow.length > 0 && !policy.allow.some((rule) => matches(rule, providerId, model, provider.region))) {
    return new DaxError('DAX_E_MODEL_NOT_ALLOWED', { detail: `Layer ${layer}: model "${reference}" is not on the model policy's allowlist.` });
  }
  const rule = domainRuleOf(policy, domain);
  if (rule.residency !== undefined && !rule.residency.includes(provider.residency)) {
    return new DaxError('DAX_E_RESIDENCY_VIOLATION', {
      detail: `Layer ${layer}: provider "${providerId}" keeps data in zone "${provider.residency}"; domain "${domain}" allows ${rule.residency.join(', ')}.`,
    });
  }
  if (rule.personalData && provider.dpa.status !== 'signed' && provider.dpa.status !== 'not-required') {
    return new DaxError('DAX_E_DPA_MISSING', {
      detail: `Layer ${layer}: domain "${domain}" handles personal data and provider "${providerId}" has no signed DPA (status ${provider.dpa.status}).`,
    });
  }
  return undefined;
}
