import type { EntityScan } from './entity-scan.js';
import { instrumentCategory, instrumentPattern } from './payment-instruments.js';

const iban = /\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b/g;
const labelledNumber =
  /\b(?:acct|account|a\/c|acc)\.?(?:\s+(?:no\.?|number|num|#))?\s*[:#]?\s*(\d[\d -]{2,}\d)(?![\w-])/gi;
const endingDigits = /\b(?:ending|ends)(?:\s+(?:in|with))?\s*[:#-]?\s*[x*•.]*(\d{4})(?![\w])/gi;
/** An ending is an account ending only when a card or account was just named. */
const paymentContext =
  /\b(?:card|account|acct|visa|amex|mastercard|discover|debit|credit|iban|bank|wallet)\b[^.;!?]{0,32}$/i;
/**
 * Mask runs joined by single separators (`**** **** 4242`). A match starts only where the first run
 * starts, so a long run of mask characters is read once rather than from every position in it.
 */
const maskedDigits = /(?<![x*•]|[x*•][\s-])[x*•]{2,}(?:[\s-][x*•]{2,})*[\s-]?(\d{4})(?![\w])/gi;
const lastFour = /\blast\s+(?:four|4)(?:\s+digits)?\s*(?:of\s+[\w' ]{1,24}?\s*)?[:=]?\s*(\d{4})(?![\w])/gi;

function digitsOnly(written: string): string {
  return written.replace(/\D/g, '');
}

/**
 * Accounts: IBANs and account numbers (spaces removed, upper case), card or account endings as `*0092`,
 * and the category of a refund destination (`original payment method`, `store credit`, `alternate card`).
 */
export function scanAccounts(scan: EntityScan): void {
  if (scan.hasDigit) takeAccountNumbers(scan);
  if (scan.hasCue('instrument')) {
    scan.take(instrumentPattern, (match) => ({ kind: 'account', value: instrumentCategory(match) }));
  }
}

function takeAccountNumbers(scan: EntityScan): void {
  if (/[A-Z]{2}\d\d/.test(scan.working))
    scan.take(iban, (match) => {
      const value = (match[1] ?? '').replace(/ /g, '');
      if (value.length < 15 || digitsOnly(value).length < 8) return undefined;
      return { kind: 'account', value };
    });
  if (scan.hasCue('accountLabel'))
    scan.take(labelledNumber, (match) => ({ kind: 'account', value: digitsOnly(match[1] ?? '') }));
  if (scan.hasCue('ending'))
    scan.take(endingDigits, (match) =>
      paymentContext.test(scan.original.slice(Math.max(0, match.index - 40), match.index))
        ? { kind: 'account', value: `*${match[1]}` }
        : undefined,
    );
  if (/[x*•]{2}/i.test(scan.working)) scan.take(maskedDigits, (match) => ({ kind: 'account', value: `*${match[1]}` }));
  if (scan.hasCue('lastDigits')) scan.take(lastFour, (match) => ({ kind: 'account', value: `*${match[1]}` }));
}
