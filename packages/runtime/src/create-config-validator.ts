import {
  modelPolicyDomain,
  parseLayerConfig,
  parseModelPolicy,
  validateLayersAgainstPolicy,
  type ConfigKind,
  type ConfigVersionStore,
  type LayerEntry,
  type ModelPolicy,
} from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { DomainLayers } from './domain-layers.js';

export interface ConfigValidatorInputs {
  readonly store: ConfigVersionStore;
  readonly domainLayers: DomainLayers;
  readonly bootstrapModelPolicy: ModelPolicy | undefined;
  readonly defaultModel: string;
}

export interface ConfigValidator {
  /** Validates proposed or activating content; returns it normalised. Throws the first violation. */
  validate(kind: ConfigKind, domain: string, content: unknown): Promise<unknown>;
  activeModelPolicy(): Promise<ModelPolicy | undefined>;
}

/**
 * Validation for the configuration lifecycle: a layer file must parse and every
 * model it (or the policy's routing) names must pass the active model policy; a
 * model policy must parse and keep every known domain's active layers valid.
 * Messages name the layer and the model or provider.
 */
export function createConfigValidator(inputs: ConfigValidatorInputs): ConfigValidator {
  const { store, domainLayers } = inputs;

  async function activeModelPolicy(): Promise<ModelPolicy | undefined> {
    const id = await store.activeVersionId(modelPolicyDomain, 'models');
    if (id === undefined) return inputs.bootstrapModelPolicy;
    const version = await store.getVersion(modelPolicyDomain, 'models', id);
    return version === undefined ? inputs.bootstrapModelPolicy : parseModelPolicy(version.content, `version:${id.slice(0, 12)}`);
  }

  async function activeLayers(domain: string): Promise<readonly LayerEntry[] | undefined> {
    const id = await store.activeVersionId(domain, 'layers');
    if (id === undefined) return domainLayers.get(domain)?.layers;
    const version = await store.getVersion(domain, 'layers', id);
    return version === undefined ? undefined : parseLayerConfig(version.content, `version:${id.slice(0, 12)}`).layers;
  }

  function refuseFirst(layers: readonly LayerEntry[], domain: string, policy: ModelPolicy): void {
    const violation = validateLayersAgainstPolicy(layers, domain, policy, inputs.defaultModel)[0];
    if (violation !== undefined) throw violation;
  }

  async function validate(kind: ConfigKind, domain: string, content: unknown): Promise<unknown> {
    if (kind === 'layers') {
      if (domain === modelPolicyDomain) throw new DaxError('DAX_E_USAGE', { detail: 'A layer file belongs to a domain, not to the model policy.' });
      const layers = parseLayerConfig(content, `domain ${domain}`).layers;
      const policy = await activeModelPolicy();
      if (policy !== undefined) refuseFirst(layers, domain, policy);
      return layers;
    }
    if (domain !== modelPolicyDomain) throw new DaxError('DAX_E_USAGE', { detail: `The model policy is versioned under domain "${modelPolicyDomain}".` });
    const policy = parseModelPolicy(content, 'model policy');
    for (const known of domainLayers.domains()) {
      const layers = await activeLayers(known);
      if (layers !== undefined) refuseFirst(layers, known, policy);
    }
    return policy;
  }

  return { validate, activeModelPolicy };
}
