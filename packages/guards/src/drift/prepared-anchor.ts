import type { Anchor, AnchorEntity } from '@dax/core';
import { readAnchorNegation, type AnchorNegation } from './anchor-negation.js';
import { groupEntities, type GroupedEntities } from './group-entities.js';
import { nameWords } from './names-agree.js';
import type { OptionalScanner } from './scan-entities.js';
import { unneededScanners } from './unneeded-scanners.js';

/** What every drift check derives from the anchor alone: worked out once per anchor, not once per output. */
export interface PreparedAnchor {
  readonly groups: GroupedEntities<AnchorEntity>;
  /** Optional scanners an output check leaves out. */
  readonly skip: ReadonlySet<OptionalScanner>;
  /** Every word of every name the anchor records, lower-cased. */
  readonly nameWords: ReadonlySet<string>;
  readonly negations: readonly AnchorNegation[];
}

/**
 * Keyed by the anchor's entity list, which an anchor never changes (its type is read-only); an
 * entry lives only as long as the anchor, so a run's anchor is prepared once for all its layers.
 */
const preparedAnchors = new WeakMap<readonly AnchorEntity[], PreparedAnchor>();

function prepare(entities: readonly AnchorEntity[]): PreparedAnchor {
  const groups = groupEntities(entities);
  return {
    groups,
    skip: unneededScanners(groups.byGroup.keys()),
    nameWords: nameWords(groups.byGroup.get('name') ?? []),
    negations: entities.filter((entity) => entity.kind === 'negation').map(readAnchorNegation),
  };
}

/** The anchor prepared for drift checks; the same anchor gives the same prepared object. */
export function prepareAnchor(anchor: Anchor): PreparedAnchor {
  let prepared = preparedAnchors.get(anchor.entities);
  if (prepared === undefined) {
    prepared = prepare(anchor.entities);
    preparedAnchors.set(anchor.entities, prepared);
  }
  return prepared;
}
