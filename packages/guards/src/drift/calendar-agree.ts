import { weekdayWords, weekdays } from './calendar-words.js';

interface CalendarValue {
  readonly year: number | undefined;
  readonly month: number | undefined;
  readonly day: number | undefined;
  readonly quarter: number | undefined;
  readonly word: string | undefined;
}

/** Relative words close enough to name the same moment (sorted pairs). */
const sameMoment = new Set(['now|today', 'today|tonight', 'end of day|today', 'end of day|tonight']);
const weekdayNames = weekdayWords;

function digitsAt(value: string, start: number, length: number): number | undefined {
  if (value.length < start + length) return undefined;
  let number = 0;
  for (let index = start; index < start + length; index += 1) {
    const code = value.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return undefined;
    number = number * 10 + code;
  }
  return number;
}

function calendarValue(
  year: number | undefined,
  month: number | undefined,
  day: number | undefined,
  quarter: number | undefined,
  word: string | undefined,
): CalendarValue {
  return { year, month, day, quarter, word };
}

/** Reads the normalised forms `2025-03-03`, `--03-03`, `2025-03`, `--03`, `2025`, `Q2`, `2025-Q2`, `FY2025` or a word. */
function parseCalendar(value: string): CalendarValue {
  if (value.startsWith('--')) {
    return calendarValue(
      undefined,
      digitsAt(value, 2, 2),
      value.length === 7 ? digitsAt(value, 5, 2) : undefined,
      undefined,
      undefined,
    );
  }
  if (value.startsWith('FY')) return calendarValue(digitsAt(value, 2, 4), undefined, undefined, undefined, undefined);
  if (value.startsWith('Q')) return calendarValue(undefined, undefined, undefined, digitsAt(value, 1, 1), undefined);
  const year = digitsAt(value, 0, 4);
  if (year === undefined) return calendarValue(undefined, undefined, undefined, undefined, value);
  if (value.length === 4) return calendarValue(year, undefined, undefined, undefined, undefined);
  if (value[5] === 'Q') return calendarValue(year, undefined, undefined, digitsAt(value, 6, 1), undefined);
  return calendarValue(
    year,
    digitsAt(value, 5, 2),
    value.length === 10 ? digitsAt(value, 8, 2) : undefined,
    undefined,
    undefined,
  );
}

function conflicts(first: number | undefined, second: number | undefined): boolean {
  return first !== undefined && second !== undefined && first !== second;
}

/** Day of the week of a full date (Sakamoto's method), or the stated weekday. */
function weekdayOf(value: CalendarValue): string | undefined {
  if (value.word !== undefined) return weekdayNames.has(value.word) ? value.word : undefined;
  if (value.year === undefined || value.month === undefined || value.day === undefined) return undefined;
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const year = value.month < 3 ? value.year - 1 : value.year;
  const index =
    (year +
      Math.floor(year / 4) -
      Math.floor(year / 100) +
      Math.floor(year / 400) +
      (offsets[value.month - 1] ?? 0) +
      value.day) %
    7;
  return weekdays[index];
}

function quarterOf(value: CalendarValue): number | undefined {
  if (value.quarter !== undefined) return value.quarter;
  return value.month === undefined ? undefined : Math.ceil(value.month / 3);
}

/**
 * True when two normalised dates can name the same time: `2025-03-03` and `--03-03`, `--04` and
 * `2025-04-15`, `saturday` and `2025-03-08`, `Q2` and `--05`, `now` and `today` (but not `now` and `tonight`).
 */
export function calendarAgree(first: string, second: string): boolean {
  if (first === second) return true;
  const one = parseCalendar(first);
  const other = parseCalendar(second);
  const oneWeekday = one.word !== undefined && weekdayNames.has(one.word);
  const otherWeekday = other.word !== undefined && weekdayNames.has(other.word);
  if (oneWeekday || otherWeekday) {
    const left = weekdayOf(one);
    return left !== undefined && left === weekdayOf(other);
  }
  if (one.word !== undefined || other.word !== undefined) {
    return sameMoment.has([first, second].sort().join('|'));
  }
  if (conflicts(one.year, other.year)) return false;
  if (one.quarter !== undefined || other.quarter !== undefined) return !conflicts(quarterOf(one), quarterOf(other));
  return !conflicts(one.month, other.month) && !conflicts(one.day, other.day);
}
