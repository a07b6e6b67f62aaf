import type { ModelProvider } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { bulkhead } from 'cockatiel';
import type { CircuitBreakerStore } from './circuit-breaker-store.js';
import { withBulkhead } from './with-bulkhead.js';
import { withCircuitBreaker, type BreakerObserver } from './with-circuit-breaker.js';

export interface ResilienceOptions {
  /** Breaker state per provider/model (memory or Redis). */
  readonly breakers: CircuitBreakerStore;
  /** Upstream calls in flight at once, over all providers. Default 64. */
  readonly maxConcurrentCalls?: number;
  /** Calls that may wait for a slot before new ones are refused. Default 256. */
  readonly maxQueuedCalls?: number;
  /** Providers left unwrapped (local, deterministic ones). Default `offline`. */
  readonly exempt?: readonly string[];
  /** Told the breaker state each call sees (the gateway's breaker-state metric). */
  readonly onBreakerState?: BreakerObserver;
}

/**
 * Puts every remote provider behind a circuit breaker (per provider/model) and
 * one shared bulkhead on concurrent upstream calls. The router's retries,
 * backoff, `Retry-After` handling and per-attempt timeouts run around these.
 */
export function resilientProviders(
  providers: ReadonlyMap<string, ModelProvider>,
  options: ResilienceOptions,
): Map<string, ModelProvider> {
  const capacity = options.maxConcurrentCalls ?? 64;
  const queue = options.maxQueuedCalls ?? 256;
  if (!Number.isSafeInteger(capacity) || capacity < 1 || !Number.isSafeInteger(queue) || queue < 0) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: 'maxConcurrentCalls must be at least 1 and maxQueuedCalls at least 0.' });
  }
  const exempt = new Set(options.exempt ?? ['offline']);
  const shared = bulkhead(capacity, queue);
  const wrapped = new Map<string, ModelProvider>();
  for (const [name, provider] of providers) {
    wrapped.set(name, exempt.has(name) ? provider : withBulkhead(withCircuitBreaker(provider, options.breakers, options.onBreakerState), shared));
  }
  return wrapped;
}
