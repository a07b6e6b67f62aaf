import type { Identity } from './identity.js';

/**
 * Where the gateway keeps its limit counters: this process's memory, or Redis
 * when several replicas must share them. Every method may throw a catalogue
 * error: the limit's own code, or `DAX_E_LIMITS_UNAVAILABLE` when the counters
 * cannot be reached (the gateway then refuses: limits fail closed).
 */
export interface LimitBackend {
  /** Counts one request of the caller against its key's and tenant's per-minute limits; throws `DAX_E_RATE_LIMITED`. */
  admitRequest(callerKey: string, tenant: string): Promise<void>;
  /** Throws `DAX_E_BUDGET_EXHAUSTED` or `DAX_E_CONCURRENCY_LIMITED`; returns the release for the run's slot. */
  acquireRun(identity: Identity): Promise<() => void>;
  /** Adds the tokens a finished run used to the tenant's daily budget. */
  recordUsage(tenant: string, tokens: number): Promise<void>;
  close(): Promise<void>;
}
