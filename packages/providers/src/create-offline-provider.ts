import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { errorFromAbort } from './error-from-abort.js';
import { estimateTokens } from './estimate-tokens.js';
import { adapterForCategory, type OfflineAdapter } from './offline-adapter.js';
import { renderOfflineReply } from './render-offline-reply.js';

const noCategories: readonly OfflineAdapter[] = ['document'];
/** Category combinations remembered per provider; the vocabulary is small, the cap keeps it bounded. */
const maxRemembered = 256;

/**
 * The embedded provider: renders each layer's deterministic duty from the run's
 * facts. No network, no key, same answer for the same facts.
 */
export function createOfflineProvider(): ModelProvider {
  const adaptersByCategories = new Map<string, readonly OfflineAdapter[]>();

  function adaptersOf(categories: readonly string[]): readonly OfflineAdapter[] {
    if (categories.length === 0) return noCategories;
    const key = categories.join('\u0000');
    let adapters = adaptersByCategories.get(key);
    if (adapters === undefined) {
      adapters = [...new Set(categories.map(adapterForCategory))];
      if (adaptersByCategories.size >= maxRemembered) adaptersByCategories.clear();
      adaptersByCategories.set(key, adapters);
    }
    return adapters;
  }

  function call(request: ModelCallRequest): Promise<ModelCallResult> {
    if (request.signal.aborted) return Promise.reject(errorFromAbort(request.signal, 'offline'));
    const reply = renderOfflineReply(request.layer, request.facts, adaptersOf);
    const text = request.json ? JSON.stringify(reply) : reply.output;
    return Promise.resolve({
      text,
      model: request.model,
      usage: { inputTokens: estimateTokens(request.prompt), outputTokens: estimateTokens(text), estimated: true },
    });
  }

  return { id: 'offline', kind: 'offline', defaultModel: 'offline-1', call };
}
