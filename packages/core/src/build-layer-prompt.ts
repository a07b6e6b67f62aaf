import type { LayerEntry } from './layer-config.js';

/** The original project's instruction suffixes, kept verbatim for compatibility. */
export const reasonsSuffix = 'Respond as JSON with keys: output (stabilized text) and reason (brief audit note).';
export const plainSuffix = 'Respond with only the stabilized text. No meta-commentary.';

/** Builds the prompt one layer sends to its model, in the original project's shape. */
export function buildLayerPrompt(layer: LayerEntry, current: string, includeReasons: boolean): string {
  const suffix = includeReasons ? reasonsSuffix : plainSuffix;
  return `You are ${layer.name} acting as ${layer.agent}.\nDuty: ${layer.desc}.\nProtocol: ${layer.prompt}\n${suffix}\nPrior output:\n${current}`;
}
