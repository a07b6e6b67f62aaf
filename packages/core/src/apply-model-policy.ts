import type { LayerEntry } from './layer-config.js';
import type { ModelPolicy } from './model-policy.js';

/**
 * The layers with the model policy's routing applied: a per-layer override wins
 * over the layer file; a layer naming no model gets the policy's fallback order.
 */
export function applyModelPolicy(layers: readonly LayerEntry[], policy: ModelPolicy | undefined): LayerEntry[] {
  if (policy === undefined) return [...layers];
  const [first, ...rest] = policy.fallbackOrder;
  return layers.map((layer) => {
    const override = policy.layers[layer.name];
    const model = override?.model ?? layer.model ?? first;
    const fallbacks = override?.fallbacks ?? layer.fallbacks ?? (layer.model === undefined && override?.model === undefined ? rest : undefined);
    return {
      ...layer,
      ...(model === undefined ? {} : { model }),
      ...(fallbacks === undefined || fallbacks.length === 0 ? {} : { fallbacks }),
    };
  });
}

/** Every model reference a layer may call, in order (the router default when it names none). */
export function modelReferencesOf(layer: LayerEntry, defaultModel: string): string[] {
  return [layer.model ?? defaultModel, ...(layer.fallbacks ?? [])];
}
