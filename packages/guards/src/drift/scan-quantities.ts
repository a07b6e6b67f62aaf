import type { EntityReading, EntityScan } from './entity-scan.js';
import { letterClass } from './letter-class.js';
import { formatNumber } from './format-number.js';
import { numberWordPattern, parseNumberWord } from './parse-number-word.js';
import { decimalPattern, parseDecimal } from './parse-decimal.js';
import { canonicalUnit, quantityUnitPattern, unlimitedDuration } from './canonical-unit.js';

/** Up to two describing words may stand between the number and the unit ("3 replacement units"). */
const unitAfter = String.raw`(?:\s*-\s*|\s+|(?=[a-z]))(?:[a-z]{3,}(?:-[a-z]+)?\s+){0,2}?(${quantityUnitPattern})(?![${letterClass}\d])`;
const digitQuantity = new RegExp(String.raw`(?<![${letterClass}\d.,#$€£/:-])(${decimalPattern})${unitAfter}`, 'gi');
const wordQuantity = new RegExp(String.raw`(?<![${letterClass}])(${numberWordPattern})${unitAfter}`, 'gi');

/** Payment terms: "net 30" is thirty days. */
const paymentTerms = /\bnet[\s-]?(\d{1,3})(?!\d)/gi;
const unlimited =
  /\b(?:permanent(?:ly)?|indefinite(?:ly)?|forever|no\s+(?:end|expiry|expiration)\s+date|(?:with\s+)?no\s+expiry|without\s+(?:an?\s+)?(?:end|expiry|expiration)(?:\s+date)?)\b/gi;

/**
 * Counts and durations with a unit (`10 nodes`, `thirty minutes`, `30-minute`), recorded as amounts
 * like `30 minute`; an open-ended duration ("permanently") is recorded as `indefinite`.
 */
export function scanQuantities(scan: EntityScan): void {
  const hasDigit = scan.hasDigit;
  if (hasDigit) {
    if (scan.hasCue('quantityUnit')) scan.take(digitQuantity, readQuantity);
    if (scan.hasCue('net')) scan.take(paymentTerms, (match) => ({ kind: 'amount', value: `${Number(match[1])} day` }));
  }
  if (scan.hasCue('numberWord') && scan.hasCue('quantityUnit')) scan.take(wordQuantity, readQuantity);
  if (scan.hasCue('unlimited')) scan.take(unlimited, () => ({ kind: 'amount', value: unlimitedDuration }));
}

function readQuantity(match: RegExpExecArray): EntityReading | undefined {
  const written = match[1] ?? '';
  const count = /\d/.test(written) ? parseDecimal(written) : parseNumberWord(written);
  const unit = canonicalUnit(match[2] ?? '');
  if (!Number.isFinite(count) || unit === undefined) return undefined;
  return { kind: 'amount', value: `${formatNumber(count)} ${unit}` };
}
