import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { CircuitBreakerStore } from './circuit-breaker-store.js';
import { ProviderError } from './provider-error.js';

/** Told each breaker state a call sees (for the breaker-state metric). */
export type BreakerObserver = (provider: string, model: string, state: 'closed' | 'half_open' | 'open') => void;

/** Failures that say the upstream is unwell; refusals such as 4xx or rate limits do not count. */
const unhealthyCodes: ReadonlySet<string> = new Set([
  'DAX_E_PROVIDER_UNAVAILABLE',
  'DAX_E_PROVIDER_TIMEOUT',
  'DAX_E_PROVIDER_NETWORK',
  'DAX_E_PROVIDER_MALFORMED',
]);

/** An unhealthy answer or a per-attempt timeout counts; a run cancelled by its caller does not. */
function countsAsUnhealthy(error: unknown, signal: AbortSignal): boolean {
  const reason: unknown = signal.reason;
  if (signal.aborted) return ProviderError.isInstance(reason) && reason.code === 'DAX_E_PROVIDER_TIMEOUT';
  return DaxError.isInstance(error) && unhealthyCodes.has(error.code);
}

/**
 * Wraps a provider in a circuit breaker per provider/model. While the breaker is
 * open, calls fail at once with `DAX_E_PROVIDER_CIRCUIT_OPEN` (not retryable
 * here, so the router moves to the layer's next model) and the upstream is left
 * alone; after the open period one probe call decides.
 */
export function withCircuitBreaker(provider: ModelProvider, breakers: CircuitBreakerStore, observe?: BreakerObserver): ModelProvider {
  return {
    ...provider,
    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      const key = `${provider.id}:${request.model}`;
      const admission = await breakers.admit(key);
      observe?.(provider.id, request.model, admission === 'probe' ? 'half_open' : admission);
      if (admission === 'open') {
        throw new ProviderError('DAX_E_PROVIDER_CIRCUIT_OPEN', {
          detail: `The circuit breaker of "${key}" is open.`,
          retryable: false,
        });
      }
      let result: ModelCallResult;
      try {
        result = await provider.call(request);
      } catch (error) {
        if (admission === 'probe' || countsAsUnhealthy(error, request.signal)) {
          const state = await breakers.recordFailure(key);
          observe?.(provider.id, request.model, state);
        }
        throw error;
      }
      await breakers.recordSuccess(key);
      if (admission !== 'closed') observe?.(provider.id, request.model, 'closed');
      return result;
    },
  };
}
