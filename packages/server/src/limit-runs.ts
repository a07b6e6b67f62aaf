import type { Identity } from './identity.js';
import type { LimitBackend } from './limit-backend.js';

/** What routes that start runs call around each run (decorated as `fastify.runLimits`). */
export interface RunLimits {
  /**
   * Admits one run for the caller's tenant, or throws `DAX_E_BUDGET_EXHAUSTED`
   * (daily tokens spent), `DAX_E_CONCURRENCY_LIMITED` (too many runs in
   * progress) or `DAX_E_LIMITS_UNAVAILABLE`. Call the returned function once the
   * run ends, however it ends.
   */
  acquire(identity: Identity): Promise<() => void>;
  /** Counts the tokens a finished run used against the tenant's daily budget. */
  recordUsage(tenant: string, tokens: number): Promise<void>;
}

export function createRunLimits(backend: LimitBackend): RunLimits {
  return {
    acquire: (identity) => backend.acquireRun(identity),
    recordUsage: (tenant, tokens) => backend.recordUsage(tenant, tokens),
  };
}
