const monthNumbers: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names: capitalised forms always; lower-case full names except `may` and `march`, which are also verbs. */
export const monthPattern = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jul|aug|sept?|oct|nov|dec)\.?(?![A-Za-z])`;

/** Full weekday names in any letter case. */
export const weekdayPattern = String.raw`(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)`;

/** 1–12 for a month name or abbreviation; undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  return monthNumbers[name.slice(0, 3).toLowerCase()];
}

/** Month names and abbreviations in lower case, for a cheap check before the month patterns. */
export const monthWords: ReadonlySet<string> = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** The weekday names as a set. */
export const weekdayWords: ReadonlySet<string> = new Set(weekdays);
