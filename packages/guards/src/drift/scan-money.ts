import type { EntityScan, EntityReading } from './entity-scan.js';
import { currencyCodeOf, currencyCodePattern, currencySymbolPattern, currencyWordPattern } from './currency-code-of.js';
import { decimalPattern, parseDecimal } from './parse-decimal.js';
import { isStatedAsLimit } from './is-stated-as-limit.js';
import { letterClass } from './letter-class.js';

const multiplier = String.raw`(?:\s?(?:k|K|mm|MM|m|M|bn|BN|b|B)(?![${letterClass}\d])|\s+(?:thousand|million|billion|mn)\b)?`;

const symbolFirst = new RegExp(
  String.raw`(?<![${letterClass}\d])(${currencySymbolPattern})\s?(${decimalPattern})(${multiplier})`,
  'g',
);
const codeFirst = new RegExp(String.raw`\b(${currencyCodePattern})\s?(${decimalPattern})(${multiplier})`, 'g');
const numberThenCode = new RegExp(
  String.raw`(?<![${letterClass}\d.,])(${decimalPattern})(${multiplier})\s?(?:(${currencyCodePattern})\b|(€|£|¥|₹|₩|₽))`,
  'g',
);
const numberThenWord = new RegExp(
  String.raw`(?<![${letterClass}\d.,])(${decimalPattern})(${multiplier})\s?(${currencyWordPattern})\b`,
  'gi',
);
/** A bare number right after a money verb ("refund 45 to …") is an amount of unstated currency. */
const afterMoneyVerb = new RegExp(
  String.raw`\b(?:refund|pay|charge|transfer|wire|send|deposit|credit|debit|reimburse|remit|disburse)(?:\s+(?:back|them|him|her))?\s+(${decimalPattern})(?=\s*(?:to|from|for|into|back|on)\b|\s*[.,;)]|\s*$)`,
  'gi',
);

const symbolHint = /[$€£¥₹₩₽₺₪]/;
const codeHint = /[A-Z]{3}/;

const multipliers: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

function scale(written: string | undefined): number {
  const key = (written ?? '').trim().toLowerCase();
  return key === '' ? 1 : (multipliers[key] ?? 1);
}

function reading(
  scan: EntityScan,
  match: RegExpExecArray,
  number: string | undefined,
  multiplierText: string | undefined,
  currency: string | undefined,
): EntityReading | undefined {
  if (number === undefined) return undefined;
  const amount = parseDecimal(number) * scale(multiplierText);
  if (!Number.isFinite(amount)) return undefined;
  const code = currency === undefined ? undefined : currencyCodeOf(currency);
  const value = code === undefined ? amount.toFixed(2) : `${amount.toFixed(2)} ${code}`;
  const limit = isStatedAsLimit(scan.original, match.index, match.index + match[0].length);
  return limit ? { kind: 'amount', value, qualifier: 'limit' } : { kind: 'amount', value };
}

/** Money: `$2,500`, `USD 2,500.00`, `2500 USD`, `€25k`, `45 pounds`, normalised to `2500.00 USD`. */
export function scanMoney(scan: EntityScan): void {
  const text = scan.working;
  if (!scan.hasDigit) return;
  const hasSymbol = symbolHint.test(text);
  const hasCode = codeHint.test(text);
  if (hasSymbol) scan.take(symbolFirst, (match) => reading(scan, match, match[2], match[3], match[1]));
  if (hasCode) scan.take(codeFirst, (match) => reading(scan, match, match[2], match[3], match[1]));
  if (hasCode || hasSymbol)
    scan.take(numberThenCode, (match) => reading(scan, match, match[1], match[2], match[3] ?? match[4]));
  if (scan.hasCue('currencyWord'))
    scan.take(numberThenWord, (match) => reading(scan, match, match[1], match[2], match[3]));
  if (scan.hasCue('moneyVerb'))
    scan.take(afterMoneyVerb, (match) => reading(scan, match, match[1], undefined, undefined));
}
