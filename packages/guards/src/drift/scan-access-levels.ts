import type { EntityScan } from './entity-scan.js';
import { adminAccess, readOnlyAccess, readWriteAccess } from './access-levels.js';
import { isNegatedMention } from './is-negated-mention.js';

const accessLevel =
  /\b(?:(read[- ]only|view[- ]only|read)\s+(?:access|rights|permissions?|role)|(read[- ]?(?:\/|and|&)?[- ]?write|write|edit(?:or)?)\s+(?:access|rights|permissions?|role)|(admin(?:istrator)?|owner|superuser|root|full)\s+(?:access|rights|role|privileges|permissions?|control))\b|\bas\s+(?:an?\s+)?(admin(?:istrator)?|owner|editor|viewer)\b/gi;

function levelOf(match: RegExpExecArray): string {
  if (match[1] !== undefined) return readOnlyAccess;
  if (match[2] !== undefined) return readWriteAccess;
  if (match[3] !== undefined) return adminAccess;
  const role = (match[4] ?? '').toLowerCase();
  if (role === 'viewer') return readOnlyAccess;
  return role === 'editor' ? readWriteAccess : adminAccess;
}

/**
 * Access levels a grant names — read-only, read-write, admin — recorded as targets such as
 * `read-only access`. A negated mention ("no admin rights") is consumed but not recorded.
 */
export function scanAccessLevels(scan: EntityScan): void {
  if (!scan.hasCue('accessLevel') && !scan.hasCue('accessRole')) return;
  scan.take(accessLevel, (match) =>
    isNegatedMention(scan.original, match.index, match.index + match[0].length)
      ? []
      : { kind: 'environment', value: levelOf(match) },
  );
}
