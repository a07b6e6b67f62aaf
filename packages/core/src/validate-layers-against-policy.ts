import type { DaxError } from '@dax/protocol';
import { applyModelPolicy, modelReferencesOf } from './apply-model-policy.js';
import { checkModelReference } from './check-model-reference.js';
import type { LayerEntry } from './layer-config.js';
import type { ModelPolicy } from './model-policy.js';

/**
 * Every violation of the model policy by a domain's layers (after the policy's own
 * routing is applied), in layer order. An empty list means the layers may activate.
 */
export function validateLayersAgainstPolicy(
  layers: readonly LayerEntry[],
  domain: string,
  policy: ModelPolicy,
  defaultModel: string,
): DaxError[] {
  const violations: DaxError[] = [];
  for (const layer of applyModelPolicy(layers, policy)) {
    for (const reference of modelReferencesOf(layer, defaultModel)) {
      const violation = checkModelReference(policy, domain, layer.name, reference);
      if (violation !== undefined) violations.push(violation);
    }
  }
  return violations;
}
