import type { EntityScan } from './entity-scan.js';

/**
 * Where a list item may begin: the start of the text or of a line, after some indentation. The
 * look-behinds are bounded so that a long run of spaces costs linear time.
 */
const lineStart = String.raw`(?<=(?:^|[\r\n])[ \t]{0,12})`;
/** Or after the end of a sentence or label on the same line ("… on 3 June. 2. Please …", "steps: 1. …"). */
const sentenceEnd = String.raw`(?<=[.!?:;]["')\]*]{0,3}[ \t]{1,4})`;

/** `2.`, `2)`, `2 .` or `(2)`; a bracketed number must not run into digits, so `(20) 7946 0958` stays a phone. */
const numberMarker = String.raw`(?:\d{1,2} ?[.)]|\(\d{1,2}\)(?![ \t]*\d))`;
/** A bullet: `-`, `*`, `+`, `•` and similar, followed by a space. */
const bulletMarker = String.raw`[-*+•◦▪‣–—]`;
/** Content must follow the marker on the same line. */
const itemFollows = String.raw`(?=[ \t]+\S)`;

/** A one-character look-ahead first, so the look-behinds run only where a marker could start. */
const lineMarker = new RegExp(
  String.raw`(?=[\d(]|${bulletMarker})${lineStart}(?:${numberMarker}|${bulletMarker})${itemFollows}`,
  'g',
);
/** Without a line break, a line marker can only stand at the start of the text. */
const lineBreak = /[\r\n]/;
const markerAtStart = new RegExp(String.raw`^[ \t]{0,12}(?:[\d(]|${bulletMarker})`);
const sentenceMarker = new RegExp(String.raw`(?=[\d(])${sentenceEnd}${numberMarker}${itemFollows}`, 'g');
/**
 * What every sentence marker holds: a sentence end, spaces, then `2.`, `2)` or `(2`. One forward pass
 * without look-behinds, far cheaper than `sentenceMarker` on the many texts that have none.
 */
const sentenceMarkerHint = /[.!?:;]["')\]*]{0,3}[ \t]{1,4}(?:\d{1,2} ?[.)]|\(\d)/;
/** A labelled step anywhere: `Step 2:`, `step 3.`, `Item 4)`. */
const labelledMarker = /\b(?:[Ss]tep|STEP|[Ss]tage|[Ii]tem|[Pp]oint|[Tt]ask) ?\d{1,2}[:.)](?=\s|$)/g;

/** A number marker anywhere after a space: it counts only when it continues a list already found ("1. … 2. …"). */
const inlineMarker = /(?=\d)(?<=[ \t])\d{1,2} ?[.)](?=[ \t]+\S)/g;
const markerParts = /(\d{1,2}) ?([.)])/;

/** An abbreviation whose full stop ends no sentence, so a number after it is not a list marker ("Jun. 2."). */
const abbreviationBefore =
  /(?:^|[^A-Za-z])(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|no|nos|nr|p|pp|vol|ch|sec|fig|art|approx|ca|vs)\.[ \t]+$/i;

/**
 * List markers — `1.`, `2)`, `(3)`, `Step 4:`, bullets — at the start of a line or after a sentence end.
 * They number or mark the items of a restated intent and are no part of a date, amount, quantity,
 * time, phone number or identifier, so they are consumed before any of those scanners run. Only text
 * with digits needs this: without them no marker can join a value.
 */
export function scanListMarkers(scan: EntityScan): void {
  if (!scan.hasDigit) return;
  const found = new Set<string>();
  if (lineBreak.test(scan.working) || markerAtStart.test(scan.working)) {
    scan.take(lineMarker, (match) => noted(found, match[0]));
  }
  if (sentenceMarkerHint.test(scan.working)) {
    scan.take(sentenceMarker, (match) =>
      abbreviationBefore.test(scan.original.slice(Math.max(0, match.index - 12), match.index))
        ? undefined
        : noted(found, match[0]),
    );
  }
  if (found.size > 0) {
    scan.take(inlineMarker, (match) => (found.has(previousKey(match[0])) ? noted(found, match[0]) : undefined));
  }
  if (scan.hasCue('listLabel')) scan.take(labelledMarker, () => []);
}

/** A numbered marker as `2.` or `2)`, whatever its spacing or brackets; empty for a bullet. */
function markerKey(written: string): string {
  const parts = markerParts.exec(written);
  return parts === null ? '' : `${Number(parts[1])}${parts[2]}`;
}

/** The key the marker before this one would have: `1.` for `2.`. */
function previousKey(written: string): string {
  const parts = markerParts.exec(written);
  return parts === null ? '' : `${Number(parts[1]) - 1}${parts[2]}`;
}

/** Notes a marker that was found and consumes it without recording an entity. */
function noted(found: Set<string>, written: string): [] {
  const key = markerKey(written);
  if (key !== '') found.add(key);
  return [];
}
