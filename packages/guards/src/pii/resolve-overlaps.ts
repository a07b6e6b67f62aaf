import type { PiiMatch } from './pii-match.js';
import { piiTypes } from './pii-type.js';

const specificity = new Map(piiTypes.map((type, index) => [type, index]));

function rank(match: PiiMatch): number {
  return specificity.get(match.type) ?? piiTypes.length;
}

function preference(left: PiiMatch, right: PiiMatch): number {
  return rank(left) - rank(right) || right.end - right.start - (left.end - left.start) || left.start - right.start;
}

/** Within one group of mutually reachable overlaps, keep the preferred candidates that do not collide. */
function resolveCluster(cluster: readonly PiiMatch[], kept: PiiMatch[]): void {
  if (cluster.length === 1) {
    kept.push(...cluster);
    return;
  }
  const chosen: PiiMatch[] = [];
  for (const candidate of [...cluster].sort(preference)) {
    if (chosen.every((other) => candidate.end <= other.start || candidate.start >= other.end)) chosen.push(candidate);
  }
  kept.push(...chosen.sort((left, right) => left.start - right.start));
}

/**
 * Keeps a non-overlapping subset, sorted by start: where candidates overlap, the more specific
 * type wins (order of `piiTypes`), then the longer span, then the earlier one.
 */
export function resolveOverlaps(candidates: readonly PiiMatch[]): PiiMatch[] {
  if (candidates.length < 2) return [...candidates];
  const byStart = [...candidates].sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: PiiMatch[] = [];
  let cluster: PiiMatch[] = [];
  let clusterEnd = -1;
  for (const candidate of byStart) {
    if (cluster.length > 0 && candidate.start >= clusterEnd) {
      resolveCluster(cluster, kept);
      cluster = [];
    }
    cluster.push(candidate);
    clusterEnd = Math.max(clusterEnd, candidate.end);
  }
  resolveCluster(cluster, kept);
  return kept;
}
