/** What a breaker allows for the next call of one provider/model. */
export type BreakerAdmission = 'closed' | 'probe' | 'open';

/**
 * Where circuit-breaker state lives: this process's memory, or Redis so that
 * every replica sees one provider/model as broken at the same moment.
 */
export interface CircuitBreakerStore {
  /** `closed`: call; `probe`: call, as the one trial after the open period; `open`: do not call. */
  admit(key: string): Promise<BreakerAdmission>;
  recordSuccess(key: string): Promise<void>;
  /** Counts a failure; answers whether the breaker is open now. */
  recordFailure(key: string): Promise<'open' | 'closed'>;
}

export interface CircuitBreakerSettings {
  /** Consecutive failures that open the breaker. Default 5. */
  readonly failureThreshold: number;
  /** How long an open breaker refuses calls before one probe. Default 30 s. */
  readonly openMs: number;
}

export const defaultCircuitBreakerSettings: CircuitBreakerSettings = { failureThreshold: 5, openMs: 30_000 };
