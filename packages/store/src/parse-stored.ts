import { DaxError } from '@dax/protocol';

/** The part of a zod schema this module needs (the store does not depend on zod itself). */
export interface StoredShape<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** A stored row that no longer parses: not retryable, and nothing of its content is shown. */
export function malformedRecord(cause: unknown): DaxError {
  return new DaxError('DAX_E_STORE_UNAVAILABLE', {
    detail: 'A stored record is malformed.',
    cause,
    retryable: false,
  });
}

/** Parses stored JSON text and validates it; fails closed on anything unexpected. */
export function parseStored<T>(shape: StoredShape<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw malformedRecord(cause);
  }
  return validateStored(shape, value);
}

export function validateStored<T>(shape: StoredShape<T>, value: unknown): T {
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw malformedRecord(parsed.error);
  return parsed.data;
}
