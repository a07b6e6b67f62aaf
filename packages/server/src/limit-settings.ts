/** The `limits` part of the gateway config. */
export interface LimitSettings {
  readonly requestsPerMinutePerKey: number;
  readonly requestsPerMinutePerTenant: number;
  readonly concurrentRunsPerTenant: number;
  readonly dailyTokenBudgetPerTenant: number;
}
