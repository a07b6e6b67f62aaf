import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './__fixtures__/manual-clock.js';
import type { Identity } from './identity.js';
import { createRunLimits } from './limit-runs.js';
import { retryAfterSecondsOf } from './problem-details.js';

const settings = {
  requestsPerMinutePerKey: 10,
  requestsPerMinutePerTenant: 10,
  concurrentRunsPerTenant: 2,
  dailyTokenBudgetPerTenant: 1_000,
};

function caller(tenant: string): Identity {
  return { subject: `key:${tenant}`, tenant, roles: ['caller'], method: 'api-key', keyId: tenant };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('createRunLimits', () => {
  it('admits concurrent runs per tenant up to the limit and again after a release', () => {
    const limits = createRunLimits(settings, new ManualClock());
    const first = limits.acquire(caller('acme'));
    limits.acquire(caller('acme'));
    const refused = thrown(() => limits.acquire(caller('acme')));
    expect(DaxError.isInstance(refused) && refused.code).toBe('DAX_E_CONCURRENCY_LIMITED');
    expect(retryAfterSecondsOf(refused)).toBe(1);
    expect(() => limits.acquire(caller('globex'))).not.toThrow();
    first();
    first();
    expect(() => limits.acquire(caller('acme'))).not.toThrow();
    expect(DaxError.isInstance(thrown(() => limits.acquire(caller('acme'))))).toBe(true);
  });

  it('refuses runs once the daily budget is spent, until the next UTC day', () => {
    const clock = new ManualClock(Date.parse('2025-06-01T18:00:00.000Z'));
    const limits = createRunLimits(settings, clock);
    limits.acquire(caller('acme'))();
    limits.recordUsage('acme', 600);
    limits.acquire(caller('acme'))();
    limits.recordUsage('acme', 400);
    const refused = thrown(() => limits.acquire(caller('acme')));
    expect(DaxError.isInstance(refused) && refused.code).toBe('DAX_E_BUDGET_EXHAUSTED');
    expect(retryAfterSecondsOf(refused)).toBe(6 * 3600);
    expect(() => limits.acquire(caller('globex'))()).not.toThrow();
    clock.advance(6 * 3600 * 1000);
    expect(() => limits.acquire(caller('acme'))()).not.toThrow();
  });

  it('ignores negative and non-finite usage', () => {
    const limits = createRunLimits({ ...settings, dailyTokenBudgetPerTenant: 1 }, new ManualClock());
    limits.recordUsage('acme', -5);
    limits.recordUsage('acme', Number.NaN);
    expect(() => limits.acquire(caller('acme'))()).not.toThrow();
  });
});
