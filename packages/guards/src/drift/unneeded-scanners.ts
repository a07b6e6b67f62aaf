import type { OptionalScanner } from './scan-entities.js';

/** Scanners whose findings could not count: the anchor has no value of their groups. */
export function unneededScanners(anchorGroups: Iterable<string>): Set<OptionalScanner> {
  const groups = [...anchorGroups];
  const has = (test: (group: string) => boolean): boolean => groups.some(test);
  const skip = new Set<OptionalScanner>();
  if (!has((group) => group === 'id:version')) skip.add('versions');
  if (!has((group) => group === 'frequency')) skip.add('frequencies');
  if (!has((group) => group === 'percent')) skip.add('percentages');
  if (!has((group) => group.startsWith('quantity:'))) skip.add('quantities');
  if (!has((group) => group.startsWith('id:') && group !== 'id:version')) skip.add('identifiers');
  if (!has((group) => group.startsWith('system:'))) skip.add('systems');
  return skip;
}
