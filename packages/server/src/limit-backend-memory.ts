import type { Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { DailyTokenBudget } from './budget-daily-tokens.js';
import type { LimitBackend } from './limit-backend.js';
import { ConcurrencyLimit } from './limit-concurrency.js';
import { RateLimit } from './limit-rate.js';
import type { LimitSettings } from './limit-settings.js';
import { withRetryAfter } from './problem-details.js';

/** Limits in this process's memory: one replica, counters reset on restart. */
export function createMemoryLimitBackend(settings: LimitSettings, clock: Clock): LimitBackend {
  const perKey = new RateLimit(settings.requestsPerMinutePerKey, clock);
  const perTenant = new RateLimit(settings.requestsPerMinutePerTenant, clock);
  const budget = new DailyTokenBudget(settings.dailyTokenBudgetPerTenant, clock);
  const concurrency = new ConcurrencyLimit(settings.concurrentRunsPerTenant);
  return {
    admitRequest(callerKey, tenant) {
      const wait = Math.max(perKey.waitSeconds(callerKey), perTenant.waitSeconds(tenant));
      if (wait > 0) return Promise.reject(withRetryAfter(new DaxError('DAX_E_RATE_LIMITED'), wait));
      perKey.take(callerKey);
      perTenant.take(tenant);
      return Promise.resolve();
    },
    acquireRun(identity) {
      // A limit that throws inside the executor rejects the promise.
      return new Promise((resolve) => {
        budget.check(identity.tenant);
        resolve(concurrency.acquire(identity.tenant));
      });
    },
    recordUsage(tenant, tokens) {
      budget.record(tenant, tokens);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}
