import type { EntityScan } from './entity-scan.js';
import { formatNumber } from './format-number.js';
import { letterClass } from './letter-class.js';
import { decimalPattern, parseDecimal } from './parse-decimal.js';

const percentage = new RegExp(
  String.raw`(?<![${letterClass}\d.,])(${decimalPattern})\s?(?:%|percent\b|per\s+cent\b|pct\b)`,
  'gi',
);
const asideBefore =
  /\b(?:confidence|probability|likelihood|chance|score|accuracy|certainty|certain|sure)\b[^.;\n]{0,16}$/i;
const asideAfter = /^\s*(?:confidence|probability|likelihood|chance|certain|sure|accura)/i;

/** Percentages (`4%`, `4 percent`) as amounts such as `4%`; a score or probability is marked as an aside. */
export function scanPercentages(scan: EntityScan): void {
  if (!scan.working.includes('%') && !scan.hasCue('percent')) return;
  scan.take(percentage, (match) => {
    const amount = parseDecimal(match[1] ?? '');
    if (!Number.isFinite(amount)) return undefined;
    const end = match.index + match[0].length;
    const aside =
      asideBefore.test(scan.original.slice(Math.max(0, match.index - 40), match.index)) ||
      asideAfter.test(scan.original.slice(end, end + 16));
    const value = `${formatNumber(amount)}%`;
    return aside ? { kind: 'amount', value, qualifier: 'aside' } : { kind: 'amount', value };
  });
}
