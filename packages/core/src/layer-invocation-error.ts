import { DaxError, type Attempt, type ErrorCode } from '@dax/protocol';

/** Thrown by a ModelRouter when every attempt of every model failed. */
export class LayerInvocationError extends DaxError {
  readonly attempts: readonly Attempt[];

  constructor(code: ErrorCode, attempts: readonly Attempt[], detail?: string, cause?: unknown) {
    super(code, { detail, cause });
    this.name = 'LayerInvocationError';
    this.attempts = attempts;
  }
}
