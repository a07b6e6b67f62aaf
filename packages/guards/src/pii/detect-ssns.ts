import { forEachMatch } from './for-each-match.js';
import { isPrecededByIdentifierLabel } from './is-preceded-by-identifier-label.js';
import { isValidSsn } from './is-valid-ssn.js';
import type { PiiDetector } from './pii-detector.js';

/** AAA-GG-SSSS (hyphens or spaces, used consistently). */
const grouped = /(?<![\w.,/-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-]|[.,/]\d)/g;
/** Nine digits together, only right after a label naming them an SSN. */
const labelled =
  /\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:#|no\.?|number)?\s*(?:is|:|=|-)?\s*(\d{3})(\d{2})(\d{4})(?![\w-]|[.,/]\d)/dgi;

/** US social security numbers in issued ranges (area not 000/666/9xx, group not 00, serial not 0000). */
export const detectSsns: PiiDetector = (text, found) => {
  forEachMatch(grouped, text, (match) => {
    const [value, area = '', , group = '', serial = ''] = match;
    if (!isValidSsn(area, group, serial) || isPrecededByIdentifierLabel(text, match.index)) return;
    found.push({ type: 'US_SSN', start: match.index, end: match.index + value.length, value });
  });
  forEachMatch(labelled, text, (match) => {
    const [, area = '', group = '', serial = ''] = match;
    const start = match.indices?.[1]?.[0];
    if (start === undefined || !isValidSsn(area, group, serial)) return;
    const end = start + 9;
    found.push({ type: 'US_SSN', start, end, value: text.slice(start, end) });
  });
};
