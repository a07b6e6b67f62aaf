import { DaxError } from '@dax/protocol';

const cursorPattern = /^1:([1-9][0-9]{0,15})$/;

/** Opaque page cursor: the insertion sequence of the last run on the page. */
export function encodeRunCursor(sequence: number): string {
  return Buffer.from(`1:${sequence}`, 'utf8').toString('base64url');
}

/** Reads a cursor from `encodeRunCursor`; anything else is a caller error. */
export function decodeRunCursor(cursor: string): number {
  const match = cursorPattern.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const sequence = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isSafeInteger(sequence)) {
    throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'The page cursor is malformed.' });
  }
  return sequence;
}
