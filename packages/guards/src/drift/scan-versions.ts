import type { EntityScan } from './entity-scan.js';
import { canonicalUnit } from './canonical-unit.js';

const version =
  /(?<![\w.])(?:(?:version|release|build)\s+v?|v)(\d+(?:\.\d+){1,3})(?![\w]|\.\d)|(?<![\w.])(?!\d{1,2}\.\d{1,2}\.\d{4}(?!\d))(\d+\.\d+\.\d+)(?![\w]|\.\d)/gi;

/** A bare `15.4` after upgrade words ("upgrade … to 15.4", "roll back to 2.3") is a version too. */
const versionAfterMove =
  /\b(?:to|from|upgrade|downgrade|pin|pinned\s+to)\s+(\d+\.\d+)(?![\w%]|[.,]\d|\s*(?:%|percent|per\b|times\b|x\b|[A-Z]{3}\b|[$€£]))/g;
const upgradeWords = /upgrad|downgrad|roll|revert|pin|deploy|release|version|patch|install/i;

/**
 * Software versions (`version 3.4.2`, `v3.4.2`, `3.4.2`, and `15.4` in "upgrade … to 15.4") as
 * identifiers `v3.4.2`; `1.4.2025` is left for the date scanner.
 */
export function scanVersions(scan: EntityScan): void {
  if (!/\d\.\d/.test(scan.working)) return;
  scan.take(version, (match) => ({ kind: 'identifier', value: `v${match[1] ?? match[2]}` }));
  if (upgradeWords.test(scan.original)) {
    scan.take(versionAfterMove, (match) => {
      const next = /^\s*([a-z]+)/i.exec(
        scan.original.slice(match.index + match[0].length, match.index + match[0].length + 20),
      );
      if (next !== null && canonicalUnit(next[1] ?? '') !== undefined) return undefined;
      return { kind: 'identifier', value: `v${match[1]}` };
    });
  }
}
