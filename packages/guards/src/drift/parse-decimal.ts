const separators = /[.,\u00A0\u202F' ]/g;

/**
 * Reads a written number such as `4,200.00`, `2.500,00`, `15000` or `1.5`.
 * The last separator is the decimal mark when one or two digits follow it; every other
 * separator groups thousands. Returns NaN for text that is not a number.
 */
export function parseDecimal(written: string): number {
  const lastSeparator = Math.max(written.lastIndexOf('.'), written.lastIndexOf(','));
  if (lastSeparator === -1) return Number(written.replace(separators, ''));
  const fraction = written.slice(lastSeparator + 1);
  if (fraction.length >= 1 && fraction.length <= 2) {
    const whole = written.slice(0, lastSeparator).replace(separators, '');
    return Number(`${whole}.${fraction}`);
  }
  return Number(written.replace(separators, ''));
}

/** A written number with its thousands separators: `1,840`, `4,200.00`, `2.500,00`, `1'200.00`, `9 800`, `15000`, `1.5`. */
export const decimalPattern = String.raw`\d{1,3}(?:[,.'\u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?: \d{3})+(?![\d,.])|\d+(?:[.,]\d{1,2})?`;
