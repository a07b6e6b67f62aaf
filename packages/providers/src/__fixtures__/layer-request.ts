import type { LayerFacts, LayerIdentity, ModelCallRequest } from '@dax/core';

export const sampleFacts: LayerFacts = {
  intent: 'Draft a polite reply to the supplier about the delayed shipment.',
  domain: 'default',
};

export function layerIdentity(id: number | 'X'): LayerIdentity {
  return { id, name: `DA-${id}`, agent: 'Test' };
}

/** A model call request for one layer; fields may be overridden. */
export function layerRequest(overrides: Partial<ModelCallRequest> = {}): ModelCallRequest {
  return {
    layer: layerIdentity(6),
    model: 'test-model',
    prompt: 'You are DA-6 acting as Conductor.\nPrior output:\nDraft a reply.',
    json: false,
    signal: new AbortController().signal,
    facts: sampleFacts,
    ...overrides,
  };
}
