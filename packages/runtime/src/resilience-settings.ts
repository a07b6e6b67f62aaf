import { DaxError } from '@dax/protocol';
import { defaultCircuitBreakerSettings, type CircuitBreakerSettings } from '@dax/providers';

type Env = Readonly<Record<string, string | undefined>>;

/** The circuit breakers' thresholds and the bulkhead's sizes, from the environment. */
export interface ResilienceSettings {
  readonly breaker: CircuitBreakerSettings;
  readonly maxConcurrentCalls?: number;
  readonly maxQueuedCalls?: number;
}

/** A whole number from `name`, at least `minimum`; undefined when unset or empty. */
function wholeNumber(env: Env, name: string, minimum: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < minimum) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `${name} must be a whole number of at least ${String(minimum)}.` });
  }
  return value;
}

/**
 * `DAX_BREAKER_FAILURES` (consecutive upstream failures that open a provider/model's
 * breaker, default 5), `DAX_BREAKER_OPEN_MS` (how long it refuses calls, default
 * 30 000), `DAX_MAX_CONCURRENT_CALLS` (upstream calls in flight at once, default 64)
 * and `DAX_MAX_QUEUED_CALLS` (calls waiting for a slot, default 256). A malformed
 * value stops start-up with `DAX_E_CONFIG_INVALID`.
 */
export function resilienceSettingsFromEnv(env: Env): ResilienceSettings {
  const failureThreshold = wholeNumber(env, 'DAX_BREAKER_FAILURES', 1);
  const openMs = wholeNumber(env, 'DAX_BREAKER_OPEN_MS', 1);
  const maxConcurrentCalls = wholeNumber(env, 'DAX_MAX_CONCURRENT_CALLS', 1);
  const maxQueuedCalls = wholeNumber(env, 'DAX_MAX_QUEUED_CALLS', 0);
  return {
    breaker: {
      failureThreshold: failureThreshold ?? defaultCircuitBreakerSettings.failureThreshold,
      openMs: openMs ?? defaultCircuitBreakerSettings.openMs,
    },
    ...(maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls }),
    ...(maxQueuedCalls === undefined ? {} : { maxQueuedCalls }),
  };
}
