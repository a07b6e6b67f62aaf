import type { LayerEntry } from './layer-config.js';

/** Ids of the layers with a fixed deterministic duty in the engine. */
export const layerIds = {
  sentinel: 13,
  chancellor: 12,
  custodian: 11,
  registrar: 10,
  verifier: 9,
  auditor: 8,
  steward: 7,
  sentry: 3,
  inspector: 2,
  executor: 1,
  anchor: 'X',
} as const;

export function isLayer(layer: LayerEntry, id: number | 'X'): boolean {
  return layer.id === id;
}
