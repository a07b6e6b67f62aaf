/** What claiming an Idempotency-Key found. */
export type IdempotencyClaim =
  /** The key is new (or its old record expired): the caller runs the request and completes the record. */
  | { readonly outcome: 'claimed' }
  /** The same request already finished: replay the stored run with this status. */
  | { readonly outcome: 'completed'; readonly runId: string; readonly responseStatus: number }
  /** The same request is still running. */
  | { readonly outcome: 'in_progress' }
  /** The key was used with a different request body. */
  | { readonly outcome: 'conflict' };

export interface IdempotencyClaimRequest {
  readonly tenant: string;
  readonly key: string;
  /** A digest of the request body; never the body itself. */
  readonly requestHash: string;
}
