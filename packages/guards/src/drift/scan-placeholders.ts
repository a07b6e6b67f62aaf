import type { EntityScan } from './entity-scan.js';
import { placeholderKind, placeholderPattern } from './placeholder-kinds.js';

/**
 * Redaction placeholders (`[EMAIL_1]`, `[IBAN_2]`). Each stands for some value of its type, so it is
 * recorded under that kind and compared as a wildcard; placeholders of untracked types are only consumed.
 */
export function scanPlaceholders(scan: EntityScan): void {
  if (!scan.working.includes('[')) return;
  scan.take(placeholderPattern, (match) => {
    const kind = placeholderKind(match[1] ?? '');
    return kind === undefined ? [] : { kind, value: match[0] };
  });
}
