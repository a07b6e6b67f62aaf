/** True when the parts of a US SSN fall in issued ranges: area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (group === '00') return false;
  return serial !== '0000';
}
