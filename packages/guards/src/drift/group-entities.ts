import type { AnchorEntity, EntityKind } from '@dax/core';
import { entityGroup } from './entity-group.js';
import { isPlaceholderValue } from './placeholder-kinds.js';

/** Entities by comparison group, and the kinds that appear as redaction placeholders. */
export interface GroupedEntities<Entity extends AnchorEntity> {
  readonly byGroup: ReadonlyMap<string, readonly Entity[]>;
  readonly placeholderKinds: ReadonlySet<EntityKind>;
}

/** Groups entities for comparison (see `entityGroup`); negations are left out and placeholders only noted. */
export function groupEntities<Entity extends AnchorEntity>(entities: readonly Entity[]): GroupedEntities<Entity> {
  const byGroup = new Map<string, Entity[]>();
  const placeholderKinds = new Set<EntityKind>();
  for (const entity of entities) {
    if (entity.kind === 'negation') continue;
    if (isPlaceholderValue(entity.value)) {
      placeholderKinds.add(entity.kind);
      continue;
    }
    const group = entityGroup(entity);
    const members = byGroup.get(group);
    if (members === undefined) byGroup.set(group, [entity]);
    else members.push(entity);
  }
  return { byGroup, placeholderKinds };
}
