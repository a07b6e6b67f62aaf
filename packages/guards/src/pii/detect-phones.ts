import { forEachMatch } from './for-each-match.js';
import { isPrecededByIdentifierLabel } from './is-preceded-by-identifier-label.js';
import type { PiiDetector } from './pii-detector.js';
import type { PiiMatch } from './pii-match.js';

/** `+` country code, then digit groups (one optional bracketed area code) with single separators. */
const international =
  /(?<![\w+])\+[1-9]\d{0,13}(?:[ .-]?\(\d{1,5}\)[ .-]?\d{1,12}|[ .-]\d{1,12}){0,7}(?![\w-]|[.,/]\d)/g;
/** North American: optional 1, area code (not starting 0), exchange, line number; one separator style. */
const northAmerican =
  /(?<![\w+@#/.$-])(?<!\d[ .-])(?:1[ .-]?)?(?:\([1-9]\d{2}\)[ .-]?\d{3}[ .-]\d{4}|[1-9]\d{2}([ .-])\d{3}\1\d{4})(?![\w-]|[.,/]\d)/g;
/** National numbers with a trunk 0 (or 00 international prefix) split into digit groups. */
const trunkPrefixed =
  /(?<![\w+@#/.$-])(?<!\d[ .-])(?:\(0\d{1,4}\)|0\d{1,5})(?:[ -]\d{2,8}){1,4}(?![\w-]|[.,/]\d)/g;
/** Unformatted or seven-digit numbers, only right after a word that says a phone number follows. */
const labelled =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|fax|whatsapp|sms|(?:call|text|ring|reach)(?:\s+(?:me|us|him|her|them))?(?:\s+back)?\s+(?:at|on))\b\.?(?:\s*(?:number|no\.?|#))?\s*(?:is|:|=|-)?\s*(\d{7,15}|\d{3}[ .-]\d{4})(?![\w-]|[.,/]\d)/dgi;
const nonDigits = /\D/g;

function push(found: PiiMatch[], text: string, start: number, end: number): void {
  found.push({ type: 'PHONE', start, end, value: text.slice(start, end) });
}

function isPlausibleTrunkNumber(value: string): boolean {
  const digits = value.replace(nonDigits, '');
  if (digits.startsWith('00')) return digits.length >= 10 && digits.length <= 17 && digits.charAt(2) !== '0';
  if (digits.charAt(1) === '0' || digits.length < 9 || digits.length > 12) return false;
  const groups = value.split(/[ -]/);
  // Two groups need a long subscriber part: rules out ZIP+4 and similar short pairs.
  return groups.length > 2 || (groups[1]?.length ?? 0) >= 6;
}

/** Phone numbers in international (+CC) and common national formats. */
export const detectPhones: PiiDetector = (text, found) => {
  if (text.includes('+')) {
    forEachMatch(international, text, (match) => {
      const digitCount = match[0].replace(nonDigits, '').length;
      if (digitCount >= 8 && digitCount <= 15) push(found, text, match.index, match.index + match[0].length);
    });
  }
  forEachMatch(northAmerican, text, (match) => {
    if (isPrecededByIdentifierLabel(text, match.index)) return;
    push(found, text, match.index, match.index + match[0].length);
  });
  if (text.includes('0')) {
    forEachMatch(trunkPrefixed, text, (match) => {
      if (!isPlausibleTrunkNumber(match[0]) || isPrecededByIdentifierLabel(text, match.index)) return;
      push(found, text, match.index, match.index + match[0].length);
    });
  }
  forEachMatch(labelled, text, (match) => {
    const span = match.indices?.[1];
    if (span !== undefined) push(found, text, span[0], span[1]);
  });
};
