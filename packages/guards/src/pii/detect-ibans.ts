import { forEachMatch } from './for-each-match.js';
import { ibanLengths } from './iban-lengths.js';
import { isValidIban } from './is-valid-iban.js';
import type { PiiDetector } from './pii-detector.js';

/** Country code, check digits, then account characters, compact or in space-separated groups. */
const candidate = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;
const alphanumeric = /[A-Za-z0-9]/;

/** IBANs with or without spaces, accepted only with the country's length and a valid mod-97 checksum. */
export const detectIbans: PiiDetector = (text, found) => {
  forEachMatch(candidate, text, (match) => {
    const expectedLength = ibanLengths.get(match[0].slice(0, 2));
    const retryFrom = match.index + 1;
    if (expectedLength === undefined) return retryFrom;
    // Take exactly the country's number of characters; the candidate may run into a following word.
    let compact = '';
    let end = match.index;
    while (end < match.index + match[0].length && compact.length < expectedLength) {
      const character = match[0].charAt(end - match.index);
      if (character !== ' ') compact += character;
      end += 1;
    }
    if (compact.length !== expectedLength || alphanumeric.test(text.charAt(end))) return retryFrom;
    if (!isValidIban(compact)) return retryFrom;
    found.push({ type: 'IBAN', start: match.index, end, value: text.slice(match.index, end) });
    return end;
  });
};
