import { forEachMatch } from './for-each-match.js';
import { isCardIssuerPrefix } from './is-card-issuer-prefix.js';
import { isPrecededByIdentifierLabel } from './is-preceded-by-identifier-label.js';
import { isLuhnValid } from './luhn.js';
import type { PiiDetector } from './pii-detector.js';

/**
 * Card-shaped digit runs: 4-4-4-4(-1..3) or 4-6-4/5 groups with one consistent separator, or
 * 12-19 digits written together. Not part of a longer number, amount or identifier.
 */
const candidate =
  /(?<![\w.,$€£#/+-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5}|\d{12,19})(?![\w-]|[.,/]\d)/g;
const separators = /[ -]/g;

/** Payment card numbers with a known issuer prefix that pass the Luhn check. */
export const detectCreditCards: PiiDetector = (text, found) => {
  forEachMatch(candidate, text, (match) => {
    const digits = match[0].replace(separators, '');
    if (!isCardIssuerPrefix(digits) || !isLuhnValid(digits)) return;
    if (isPrecededByIdentifierLabel(text, match.index)) return;
    found.push({ type: 'CREDIT_CARD', start: match.index, end: match.index + match[0].length, value: match[0] });
  });
};
