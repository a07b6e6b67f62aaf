import { loadLayerConfig, type LayerEntry, type ModelCallRequest, type ModelProvider, type ModelPolicy } from '@dax/core';
import { bundledConfigDir } from '../resolve-paths.js';

export const originalLayers: readonly LayerEntry[] = loadLayerConfig(`${bundledConfigDir}layers.json`).layers;

/** The original layers with DA-1's prompt replaced (a different version). */
export function layersWithExecutorPrompt(prompt: string): LayerEntry[] {
  return originalLayers.map((layer) => (layer.name === 'DA-1' ? { ...layer, prompt } : layer));
}

/** The original layers with one layer's model set. */
export function layersWithModel(layerName: string, model: string): LayerEntry[] {
  return originalLayers.map((layer) => (layer.name === layerName ? { ...layer, model } : layer));
}

export const note = { whatChanged: 'DA-1 prompt wording.', why: 'Reviewers asked for terser actions.', rollback: 'dax config rollback --domain default' };

/** A provider that answers like the offline one would not: it records every prompt it is sent. */
export function recordingProvider(id = 'recording'): ModelProvider & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    id,
    kind: 'scripted',
    defaultModel: 'recording-1',
    prompts,
    call(request: ModelCallRequest) {
      prompts.push(request.prompt);
      const text = request.layer.id === 'X' ? 'ACCEPT: stable.' : request.facts.intent;
      return Promise.resolve({ text, model: request.model, usage: { inputTokens: 1, outputTokens: 1, estimated: true } });
    },
  };
}

/** A model policy: an EU-only, personal-data `default` domain, a US provider, an EU provider without DPA. */
export const samplePolicy: ModelPolicy = {
  providers: {
    offline: { kind: 'offline', region: 'local', residency: 'local', dpa: { status: 'not-required' } },
    recording: { kind: 'scripted', region: 'local', residency: 'local', dpa: { status: 'not-required' }, defaultModel: 'recording-1' },
    openai: { kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', region: 'eu-west-1', residency: 'eu', dpa: { status: 'signed', date: '2025-02-01' }, securityReviewDate: '2025-03-01' },
    xai: { kind: 'openai-compatible', baseUrl: 'https://api.x.ai/v1', region: 'us-east-1', residency: 'us', dpa: { status: 'signed', date: '2025-01-10' } },
    eucloud: { kind: 'openai-compatible', baseUrl: 'https://llm.eucloud.example/v1', region: 'eu-central-1', residency: 'eu', dpa: { status: 'pending' } },
  },
  allow: [],
  deny: [{ provider: 'openai', model: 'gpt-3.5*' }],
  fallbackOrder: [],
  layers: {},
  domains: {
    default: { residency: ['eu', 'local'], personalData: false },
    hr: { residency: ['eu', 'local'], personalData: true },
  },
};
