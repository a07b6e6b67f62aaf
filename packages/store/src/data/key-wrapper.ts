/**
 * Wraps and unwraps per-subject data keys with a master key. The embedded default
 * keeps the master key in a file or the environment; a KMS implements the same
 * two calls. `context` is bound to the wrapped key (a key moved to another subject
 * does not unwrap).
 */
export interface KeyWrapper {
  /** Identifies the master key, stored beside each wrapped key. */
  readonly keyId: string;
  wrap(dataKey: Uint8Array, context: string): Promise<string>;
  unwrap(wrapped: string, context: string): Promise<Uint8Array>;
}
