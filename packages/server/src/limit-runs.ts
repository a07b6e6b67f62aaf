import type { Clock } from '@dax/core';
import { DailyTokenBudget } from './budget-daily-tokens.js';
import type { Identity } from './identity.js';
import { ConcurrencyLimit } from './limit-concurrency.js';
import type { LimitSettings } from './limit-settings.js';

/** What routes that start runs call around each run (decorated as `fastify.runLimits`). */
export interface RunLimits {
  /**
   * Admits one run for the caller's tenant, or throws `DAX_E_BUDGET_EXHAUSTED`
   * (daily tokens spent) or `DAX_E_CONCURRENCY_LIMITED` (too many runs in
   * progress). Call the returned function once the run ends, however it ends.
   */
  acquire(identity: Identity): () => void;
  /** Counts the tokens a finished run used against the tenant's daily budget. */
  recordUsage(tenant: string, tokens: number): void;
}

export function createRunLimits(settings: LimitSettings, clock: Clock): RunLimits {
  const budget = new DailyTokenBudget(settings.dailyTokenBudgetPerTenant, clock);
  const concurrency = new ConcurrencyLimit(settings.concurrentRunsPerTenant);
  return {
    acquire(identity) {
      budget.check(identity.tenant);
      return concurrency.acquire(identity.tenant);
    },
    recordUsage(tenant, tokens) {
      budget.record(tenant, tokens);
    },
  };
}
