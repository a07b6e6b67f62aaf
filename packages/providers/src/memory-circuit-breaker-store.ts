import type { BreakerAdmission, CircuitBreakerSettings, CircuitBreakerStore } from './circuit-breaker-store.js';

interface BreakerState {
  failures: number;
  /** Monotonic ms until which the breaker refuses calls; 0 when closed. */
  openUntil: number;
  /** Monotonic ms until which a probe call is out; another caller waits for its outcome. */
  probeUntil: number;
}

/**
 * Circuit breakers in this process: closed → open after `failureThreshold`
 * consecutive failures → after `openMs`, one probe call (half-open) → closed on
 * its success, open again on its failure.
 */
export function createMemoryCircuitBreakerStore(
  settings: CircuitBreakerSettings,
  now: () => number = () => performance.now(),
): CircuitBreakerStore {
  const states = new Map<string, BreakerState>();
  const stateOf = (key: string): BreakerState => {
    let state = states.get(key);
    if (state === undefined) {
      state = { failures: 0, openUntil: 0, probeUntil: 0 };
      states.set(key, state);
    }
    return state;
  };
  return {
    admit(key) {
      const state = states.get(key);
      let admission: BreakerAdmission = 'closed';
      if (state !== undefined && state.failures >= settings.failureThreshold) {
        const at = now();
        if (at < state.openUntil || at < state.probeUntil) admission = 'open';
        else {
          state.probeUntil = at + settings.openMs;
          admission = 'probe';
        }
      }
      return Promise.resolve(admission);
    },
    recordSuccess(key) {
      states.delete(key);
      return Promise.resolve();
    },
    recordFailure(key) {
      const state = stateOf(key);
      state.failures += 1;
      state.probeUntil = 0;
      if (state.failures < settings.failureThreshold) return Promise.resolve('closed');
      state.openUntil = now() + settings.openMs;
      return Promise.resolve('open');
    },
  };
}
