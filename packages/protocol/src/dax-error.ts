import { errorCatalogue, type ErrorCode } from './error-catalogue.js';

const marker = Symbol.for('dax.error');

export interface DaxErrorOptions {
  /** Extra safe-to-show detail (names a file, field or layer; never input text or secrets). */
  readonly detail?: string;
  /** Underlying error, kept for operators' debugging; never serialised to callers. */
  readonly cause?: unknown;
  /** Overrides the catalogue's retryable flag (a provider error computes it from the status). */
  readonly retryable?: boolean;
}

/** The error type every Dax package throws for an expected failure. */
export class DaxError extends Error {
  readonly [marker] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: DaxErrorOptions = {}) {
    const entry = errorCatalogue[code];
    super(options.detail === undefined ? entry.message : `${entry.message} ${options.detail}`, {
      cause: options.cause,
    });
    this.name = 'DaxError';
    this.code = code;
    this.status = entry.status;
    this.retryable = options.retryable ?? entry.retryable;
    this.detail = options.detail;
  }

  static isInstance(value: unknown): value is DaxError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** The serialisable, caller-safe view of this error. */
  toJSON(): { code: ErrorCode; message: string; retryable: boolean } {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

/** Wraps anything thrown into a DaxError without leaking its message. */
export function toDaxError(value: unknown, fallback: ErrorCode = 'DAX_E_INTERNAL'): DaxError {
  return DaxError.isInstance(value) ? value : new DaxError(fallback, { cause: value });
}
