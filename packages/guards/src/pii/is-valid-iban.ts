import { ibanLengths } from './iban-lengths.js';

const compactIban = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/** True when `iban` (upper case, no spaces) has its country's length and passes the ISO 7064 mod-97 check. */
export function isValidIban(iban: string): boolean {
  if (!compactIban.test(iban)) return false;
  if (ibanLengths.get(iban.slice(0, 2)) !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let index = 0; index < rearranged.length; index += 1) {
    const code = rearranged.charCodeAt(index);
    // Digits count as themselves, letters as 10..35 (two digits).
    remainder = code <= 57 ? (remainder * 10 + (code - 48)) % 97 : (remainder * 100 + (code - 55)) % 97;
  }
  return remainder === 1;
}
