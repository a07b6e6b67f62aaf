function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * ISO 8601 form of a date, as far as it is known: `2025-03-03`, `--03-03` (no year),
 * `2025-03` (month and year), `--03` (month only). Undefined for impossible values.
 */
export function formatCalendarDate(
  year: number | undefined,
  month: number,
  day: number | undefined,
): string | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > 31)) return undefined;
  const yearPart = year === undefined ? '-' : String(year);
  return day === undefined ? `${yearPart}-${twoDigits(month)}` : `${yearPart}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** A two-digit year is read as 20xx. */
export function fullYear(written: string | undefined): number | undefined {
  if (written === undefined || written === '') return undefined;
  const year = Number(written);
  return written.length === 2 ? 2000 + year : year;
}
