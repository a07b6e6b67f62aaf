import type { AnchorEntity } from '@dax/core';

/**
 * How an entity was stated, where that changes what a new value means:
 * `weak` — a single capitalised word inside a sentence, outside a recipient position;
 * `opening` — a single capitalised word that opens a sentence, most likely an ordinary word;
 * `initial` — a name run that starts a sentence, so its first word may be a verb;
 * `limit` — an amount stated as a bound or threshold;
 * `aside` — a number in another role (a score or probability).
 */
export type EntityQualifier = 'weak' | 'opening' | 'initial' | 'limit' | 'aside';

/** An entity found in a text, with its offset there. */
export interface ScannedEntity extends AnchorEntity {
  readonly start: number;
  readonly qualifier?: EntityQualifier;
}
