import type { PiiSpan, RedactionResult, Redactor } from '@dax/core';
import { detectPii } from './detect-pii.js';
import { normalizePiiValue } from './normalize-pii-value.js';
import type { PiiMatch } from './pii-match.js';
import type { PiiType } from './pii-type.js';

/** A placeholder already in the text, e.g. `[EMAIL_1]`, from an earlier redaction. */
const existingPlaceholder = /\[([A-Z][A-Z0-9_]*)_(\d+)\]/g;

interface PlaceholderRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A run-scoped redactor: replaces each detected value with a typed placeholder (`[EMAIL_1]`,
 * `[IBAN_2]`, numbered per type) and gives the same value the same placeholder for its whole life.
 * Placeholders already present in the text are left as they are. Spans never carry the value.
 */
export function createRedactor(): Redactor {
  const placeholders = new Map<string, string>();
  const counters = new Map<string, number>();

  function placeholderFor(match: PiiMatch): string {
    const key = `${match.type}\u0000${normalizePiiValue(match.type, match.value)}`;
    const known = placeholders.get(key);
    if (known !== undefined) return known;
    const number = (counters.get(match.type) ?? 0) + 1;
    counters.set(match.type, number);
    const placeholder = `[${match.type}_${String(number)}]`;
    placeholders.set(key, placeholder);
    return placeholder;
  }

  function findExistingPlaceholders(text: string): PlaceholderRange[] {
    const ranges: PlaceholderRange[] = [];
    if (!text.includes('[')) return ranges;
    for (const found of text.matchAll(existingPlaceholder)) {
      ranges.push({ start: found.index, end: found.index + found[0].length });
      // Never hand out a number that already appears in the text for another value.
      const type = found[1] ?? '';
      counters.set(type, Math.max(counters.get(type) ?? 0, Number(found[2])));
    }
    return ranges;
  }

  function redact(text: string): RedactionResult {
    const kept = findExistingPlaceholders(text);
    const matches = detectPii(text).filter((match) =>
      kept.every((range) => match.end <= range.start || match.start >= range.end),
    );
    if (matches.length === 0) return { text, spans: [] };
    const spans: PiiSpan[] = [];
    let output = '';
    let cursor = 0;
    for (const match of matches) {
      const placeholder = placeholderFor(match);
      output += text.slice(cursor, match.start) + placeholder;
      cursor = match.end;
      spans.push({ type: match.type satisfies PiiType, start: match.start, end: match.end, placeholder });
    }
    return { text: output + text.slice(cursor), spans };
  }

  return { redact };
}
