import { DaxError, type ErrorCode } from '@dax/protocol';

const marker = Symbol.for('dax.provider-error');

export interface ProviderErrorOptions {
  /** Safe detail: names the provider, a status or an error code; never bodies, keys or prompts. */
  readonly detail?: string;
  /** Overrides the catalogue's retryable flag (computed from the upstream status). */
  readonly retryable?: boolean;
  /** How long the upstream asked callers to wait before retrying (from `Retry-After`). */
  readonly retryAfterMs?: number;
}

/**
 * A failure of one model call. Carries no upstream body, API key or prompt: only a
 * catalogue code, a safe detail and the upstream's retry hint.
 */
export class ProviderError extends DaxError {
  readonly [marker] = true;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, options: ProviderErrorOptions = {}) {
    super(code, {
      ...(options.detail === undefined ? {} : { detail: options.detail }),
      ...(options.retryable === undefined ? {} : { retryable: options.retryable }),
    });
    this.name = 'ProviderError';
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance(value: unknown): value is ProviderError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
