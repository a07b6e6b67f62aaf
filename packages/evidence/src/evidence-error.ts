/** Stable codes the evidence package fails with; the Dax error catalogue holds the same codes. */
export type EvidenceErrorCode =
  | 'DAX_E_EVIDENCE_KEY_PERMISSIONS'
  | 'DAX_E_EVIDENCE_KEY_INVALID'
  | 'DAX_E_EVIDENCE_SIGNING_FAILED'
  | 'DAX_E_EVIDENCE_INVALID';

const marker = Symbol.for('dax.evidence.error');

/**
 * A failure of key handling, signing or verification. Carries a stable code and a
 * message that never contains key material.
 */
export class EvidenceError extends Error {
  readonly code: EvidenceErrorCode;
  readonly [marker] = true;

  constructor(code: EvidenceErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EvidenceError';
    this.code = code;
  }

  static isInstance(value: unknown): value is EvidenceError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
