import type { EntityScan } from './entity-scan.js';

const periods: Readonly<Record<string, string>> = {
  hour: 'hour',
  hr: 'hour',
  hourly: 'hour',
  day: 'day',
  daily: 'day',
  week: 'week',
  wk: 'week',
  weekly: 'week',
  month: 'month',
  mo: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  year: 'year',
  yr: 'year',
  yearly: 'year',
  annually: 'year',
  annual: 'year',
  fortnight: 'two weeks',
  fortnightly: 'two weeks',
  biweekly: 'two weeks',
};

/** "per month", "every week", "a month", "/month", "monthly". */
const frequency =
  /\b(?:(per|every|each|an?)\s+(hour|day|week|month|quarter|year|fortnight)|(hourly|daily|weekly|monthly|quarterly|yearly|annually|annual|fortnightly|biweekly))\b|\/\s?(hour|hr|day|week|wk|month|mo|year|yr)\b/gi;
/** "a month" is a frequency only right after an amount or a count ("$25 a month", "twice a week"). */
const countBefore = /(?:\d|\btimes|\btwice|\bonce)\s*(?:[A-Z]{3}\s*)?$/;

/** How often something recurs, as dates such as `every month`. */
export function scanFrequencies(scan: EntityScan): void {
  if (!scan.hasCue('frequency')) return;
  scan.take(frequency, (match) => {
    const article = (match[1] ?? '').toLowerCase();
    if ((article === 'a' || article === 'an') && !countBefore.test(scan.original.slice(Math.max(0, match.index - 16), match.index))) {
      return undefined;
    }
    const period = periods[(match[2] ?? match[3] ?? match[4] ?? '').toLowerCase()];
    return period === undefined ? undefined : { kind: 'date', value: `every ${period}` };
  });
}
