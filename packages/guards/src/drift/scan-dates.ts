import type { EntityScan } from './entity-scan.js';
import { monthNumber, monthPattern, weekdayPattern } from './calendar-words.js';
import { formatCalendarDate, fullYear } from './format-calendar-date.js';

const ordinal = String.raw`(?:st|nd|rd|th)?`;

const isoDate = /(?<![\w./-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\w/-]|\.\d)/g;
const numericDate = /(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/g;
const monthFirst = new RegExp(
  String.raw`(${monthPattern})\s+(\d{1,2})${ordinal}(?![\d:]|\s*(?:%|am|pm|a\.m|p\.m)|\.\d)(?:,?\s+(\d{4})(?![\d:]))?`,
  'g',
);
const dayFirst = new RegExp(
  String.raw`(?<![\d.,$€£])(\d{1,2})${ordinal}\s+(?:of\s+)?(${monthPattern})(?:,?\s+(\d{4})(?!\d))?`,
  'g',
);
/** A weekday written just before a full date ("Saturday, March 8") belongs to that date. */
const weekdayBeforeDate = new RegExp(
  String.raw`\b${weekdayPattern},?\s+(?:the\s+)?(?=(?:${monthPattern})\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${monthPattern})|\d{4}-\d|\d{1,2}[/.]\d{1,2}[/.]\d)`,
  'g',
);
const rangeWord = String.raw`\s*(?:[-–—]|to|until|till|through|thru)\s*`;
const dayRangeThenMonth = new RegExp(
  String.raw`(?<![\d.,$€£])(\d{1,2})${ordinal}${rangeWord}(\d{1,2})${ordinal}\s+(?:of\s+)?(${monthPattern})(?:,?\s+(\d{4})(?!\d))?`,
  'g',
);
/** What every day range holds: a day, a range word or dash, and another day ("12–16", "3rd to 5"). */
const dayRangeHint = new RegExp(String.raw`\d${ordinal}${rangeWord}\d`);
const monthThenDayRange = new RegExp(
  String.raw`(${monthPattern})\s+(\d{1,2})${ordinal}${rangeWord}(\d{1,2})${ordinal}(?![\d:]|\s*(?:%|am|pm))(?:,?\s+(\d{4})(?![\d:]))?`,
  'g',
);
const monthAlone = new RegExp(
  String.raw`(?<![A-Za-z])(January|February|March|April|May|June|July|August|September|October|November|December|january|february|april|june|july|august|september|october|november|december)(?:\s+(\d{4})(?!\d))?(?![A-Za-z]|\s+[A-Z][a-z])`,
  'g',
);
/** A weekday, or a recurring one ("on Fridays"). */
const weekdayAlone = new RegExp(String.raw`(?<![A-Za-z])(${weekdayPattern})s?(?![A-Za-z])`, 'g');
const quarter = /(?<![\w-])Q([1-4])(?:\s*(?:FY\s?)?'?(\d{4}|\d{2}))?(?![\w-])/g;
const fiscalYear = /(?<![\w-])FY\s?'?(\d{4}|\d{2})(?![\w-])/g;
const yearAfterPreposition =
  /\b(?:in|by|for|during|until|through|of)\s+((?:19|20)\d{2})(?![\w.,-]|\s*(?:USD|EUR|GBP|dollars|euros))/g;
/** "now" only where it ends a clause: "restart it now." but not "the ticket is now closed". */
const nowAtClauseEnd = /\bnow(?=\s*(?:[.;!)]|$))/gi;
const relativeDay =
  /\b(today|tonight|tomorrow|yesterday|immediately|right\s+away|right\s+now|asap|as\s+soon\s+as\s+possible|(?:this|next|last)\s+(?:week|weekend|month|quarter|year)|end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|week|month|quarter|year)|close\s+of\s+business|eod|eow|eom|eoq|eoy|cob)\b/gi;

const relativeNames: Readonly<Record<string, string>> = {
  immediately: 'now',
  'right away': 'now',
  'right now': 'now',
  asap: 'now',
  'as soon as possible': 'now',
  eod: 'end of day',
  cob: 'end of day',
  'close of business': 'end of day',
  eow: 'end of week',
  eom: 'end of month',
  eoq: 'end of quarter',
  eoy: 'end of year',
};

function relativeName(written: string): string {
  const plain = written
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^end of (?:the|this) /, 'end of ');
  return relativeNames[plain] ?? plain;
}

/** Day first when the first number cannot be a month or the dots say so; month first otherwise (US style). */
function numericReading(
  first: number,
  separator: string,
  second: number,
  year: number | undefined,
): string | undefined {
  if (first > 12) return formatCalendarDate(year, second, first);
  if (second > 12) return formatCalendarDate(year, first, second);
  return separator === '.' ? formatCalendarDate(year, second, first) : formatCalendarDate(year, first, second);
}

function calendar(value: string | undefined): { kind: 'date'; value: string } | undefined {
  return value === undefined ? undefined : { kind: 'date', value };
}

function range(
  year: number | undefined,
  month: number,
  firstDay: number,
  lastDay: number,
): { kind: 'date'; value: string }[] | undefined {
  const first = formatCalendarDate(year, month, firstDay);
  const last = formatCalendarDate(year, month, lastDay);
  if (first === undefined || last === undefined) return undefined;
  return [
    { kind: 'date', value: first },
    { kind: 'date', value: last },
  ];
}

/**
 * Dates in the usual written forms, normalised to ISO 8601 (`2025-03-03`, `--03-03` without a year,
 * `--10` for a month); weekdays and relative words (`today`, `now`, `next week`) are kept as words,
 * quarters as `Q2`. A weekday written before a full date is part of that date; a range (`12–16 May`)
 * gives both ends.
 */
export function scanDates(scan: EntityScan): void {
  const hasDigit = scan.hasDigit;
  const hasMonth = scan.hasCue('month');
  const hasWeekday = scan.hasCue('weekday');
  if (hasDigit && hasMonth && hasWeekday) scan.take(weekdayBeforeDate, () => []);
  if (hasDigit) scanNumericDates(scan, hasMonth);
  if (hasMonth) {
    scan.take(monthAlone, (match) =>
      calendar(formatCalendarDate(fullYear(match[2]), monthNumber(match[1] ?? '') ?? 0, undefined)),
    );
  }
  if (hasWeekday) scan.take(weekdayAlone, (match) => ({ kind: 'date', value: (match[1] ?? '').toLowerCase() }));
  if (scan.working.includes('Q') || scan.working.includes('FY')) {
    scan.take(quarter, (match) => {
      const year = fullYear(match[2]);
      return { kind: 'date', value: year === undefined ? `Q${match[1]}` : `${year}-Q${match[1]}` };
    });
    scan.take(fiscalYear, (match) => ({ kind: 'date', value: `FY${fullYear(match[1])}` }));
  }
  if (scan.hasCue('relativeDay')) {
    scan.take(relativeDay, (match) => ({ kind: 'date', value: relativeName(match[1] ?? '') }));
  }
  if (scan.hasCue('now')) scan.take(nowAtClauseEnd, () => ({ kind: 'date', value: 'now' }));
  if (hasDigit && /(?:19|20)\d\d/.test(scan.working)) {
    scan.take(yearAfterPreposition, (match) => ({ kind: 'date', value: match[1] ?? '' }));
  }
}

function scanNumericDates(scan: EntityScan, hasMonth: boolean): void {
  if (/\d[/.-]\d/.test(scan.working)) {
    scan.take(isoDate, (match) => calendar(formatCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))));
    scan.take(numericDate, (match) =>
      calendar(numericReading(Number(match[1]), match[2] ?? '/', Number(match[3]), fullYear(match[4]))),
    );
  }
  if (!hasMonth) return;
  if (dayRangeHint.test(scan.working)) {
    scan.take(dayRangeThenMonth, (match) =>
      range(fullYear(match[4]), monthNumber(match[3] ?? '') ?? 0, Number(match[1]), Number(match[2])),
    );
    scan.take(monthThenDayRange, (match) =>
      range(fullYear(match[4]), monthNumber(match[1] ?? '') ?? 0, Number(match[2]), Number(match[3])),
    );
  }
  scan.take(monthFirst, (match) =>
    calendar(formatCalendarDate(fullYear(match[3]), monthNumber(match[1] ?? '') ?? 0, Number(match[2]))),
  );
  scan.take(dayFirst, (match) =>
    calendar(formatCalendarDate(fullYear(match[3]), monthNumber(match[2] ?? '') ?? 0, Number(match[1]))),
  );
}
