import type { EntityScan } from './entity-scan.js';

const clockWithMeridiem = /(?<![\d:.,$€£])(\d{1,2})(?::([0-5]\d))?\s?(am|pm|a\.m\.|p\.m\.)(?![A-Za-z])/gi;
const clock24 = /(?<![\d:.,$€£])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\d:])/g;
const namedTime = /\b(noon|midday|midnight)\b/gi;

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Times of day, normalised to `T18:00`. */
export function scanTimes(scan: EntityScan): void {
  if (scan.hasDigit) takeClockTimes(scan);
  if (scan.hasCue('namedTime')) {
    scan.take(namedTime, (match) => ({
      kind: 'date',
      value: (match[1] ?? '').toLowerCase() === 'midnight' ? 'T00:00' : 'T12:00',
    }));
  }
}

function takeClockTimes(scan: EntityScan): void {
  if (scan.hasCue('meridiem'))
    scan.take(clockWithMeridiem, (match) => {
      const hour = Number(match[1]);
      if (hour < 1 || hour > 12) return undefined;
      const afternoon = (match[3] ?? '').toLowerCase().startsWith('p');
      const hour24 = (hour % 12) + (afternoon ? 12 : 0);
      return { kind: 'date', value: `T${twoDigits(hour24)}:${match[2] ?? '00'}` };
    });
  if (/\d[:h]\d/.test(scan.working))
    scan.take(clock24, (match) => ({ kind: 'date', value: `T${twoDigits(Number(match[1]))}:${match[2]}` }));
}
