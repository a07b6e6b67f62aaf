import type { EntityScan } from './entity-scan.js';

/** Any phone number holds two digits, a separator and two more digits: text without them is not scanned. */
const phoneCore = /\d\d[\s.-]\d\d/;
const phone = /(?<![\w+/.,-])(\+\d{1,3}[\s.-]?)?(\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\w/-]|[.,]\d)/g;

/** Phone numbers written with separators, a country code or an area code in brackets; value is the digits (with `+`). */
export function scanPhones(scan: EntityScan): void {
  if (!phoneCore.test(scan.working)) return;
  scan.take(phone, (match) => {
    const written = match[0];
    const digits = written.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) return undefined;
    const separators = written.match(/[\s.-]/g)?.length ?? 0;
    const looksDialled =
      match[1] !== undefined || match[2] !== undefined || separators >= 2 || /^\d{3}-\d{4}$/.test(written);
    if (!looksDialled) return undefined;
    return { kind: 'phone', value: match[1] === undefined ? digits : `+${digits}` };
  });
}
