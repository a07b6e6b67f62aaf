import type { AnchorEntity } from '@dax/core';
import { DaxError } from '@dax/protocol';

const numberPattern = /\d[\d,_]*(?:\.\d+)?/;

/**
 * The largest amount among the entities, in whole units (fractions dropped, so
 * `9999.99 EUR` stays below a 10000 threshold), 0 when there is none. Currency is
 * ignored. An amount without a number fails closed.
 */
export function maxAmount(entities: readonly AnchorEntity[]): number {
  let largest = 0;
  for (const entity of entities) {
    if (entity.kind !== 'amount') continue;
    const match = numberPattern.exec(entity.value);
    if (match === null) {
      throw new DaxError('DAX_E_POLICY_EVALUATION', { detail: 'an amount entity has no numeric value' });
    }
    const units = Math.floor(Number(match[0].replace(/[,_]/g, '')));
    if (units > largest) largest = units;
  }
  return Math.min(largest, Number.MAX_SAFE_INTEGER);
}
