import { defaultCircuitBreakerSettings, type CircuitBreakerSettings } from '@dax/providers';
import { wholeNumberSetting } from './whole-number-setting.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The circuit breakers' thresholds and the bulkhead's sizes, from the environment. */
export interface ResilienceSettings {
  readonly breaker: CircuitBreakerSettings;
  readonly maxConcurrentCalls?: number;
  readonly maxQueuedCalls?: number;
}

/**
 * `DAX_BREAKER_FAILURES` (consecutive upstream failures that open a provider/model's
 * breaker, default 5), `DAX_BREAKER_OPEN_MS` (how long it refuses calls, default
 * 30 000), `DAX_MAX_CONCURRENT_CALLS` (upstream calls in flight at once, default 64)
 * and `DAX_MAX_QUEUED_CALLS` (calls waiting for a slot, default 256). A malformed
 * value stops start-up with `DAX_E_CONFIG_INVALID`.
 */
export function resilienceSettingsFromEnv(env: Env): ResilienceSettings {
  const failureThreshold = wholeNumberSetting(env, 'DAX_BREAKER_FAILURES', 1);
  const openMs = wholeNumberSetting(env, 'DAX_BREAKER_OPEN_MS', 1);
  const maxConcurrentCalls = wholeNumberSetting(env, 'DAX_MAX_CONCURRENT_CALLS', 1);
  const maxQueuedCalls = wholeNumberSetting(env, 'DAX_MAX_QUEUED_CALLS', 0);
  return {
    breaker: {
      failureThreshold: failureThreshold ?? defaultCircuitBreakerSettings.failureThreshold,
      openMs: openMs ?? defaultCircuitBreakerSettings.openMs,
    },
    ...(maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls }),
    ...(maxQueuedCalls === undefined ? {} : { maxQueuedCalls }),
  };
}
