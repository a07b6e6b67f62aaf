import type { PiiType } from './pii-type.js';

/** One detected value. Offsets are UTF-16 code units into the scanned text; `end` is exclusive. */
export interface PiiMatch {
  readonly type: PiiType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}
