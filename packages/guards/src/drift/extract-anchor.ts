import type { Anchor, AnchorEntity } from '@dax/core';
import { scanEntities } from './scan-entities.js';

/**
 * DA-13: records what the intent states — amounts, accounts, e-mail addresses, payees and people,
 * dates, environments and named systems, negations, URLs, phone numbers and reference numbers —
 * each with a normalised value, as the anchor later outputs are checked against.
 */
export function extractAnchor(text: string): Anchor {
  const seen = new Set<string>();
  const entities: AnchorEntity[] = [];
  for (const entity of scanEntities(text, { negations: true }).entities) {
    const key = `${entity.kind}\u0000${entity.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entities.push({ kind: entity.kind, value: entity.value });
  }
  return { entities };
}
