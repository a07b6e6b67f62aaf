/**
 * Runs a global (`g`) regular expression over `text` from the start, calling `onMatch` for each
 * match. `onMatch` may return a position to resume scanning from (e.g. to retry just after a
 * rejected candidate); otherwise scanning continues after the match.
 */
export function forEachMatch(
  pattern: RegExp,
  text: string,
  onMatch: (match: RegExpExecArray) => number | undefined | void,
): void {
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  while (match !== null) {
    const resumeAt = onMatch(match);
    const next = match.index + Math.max(match[0].length, 1);
    pattern.lastIndex = typeof resumeAt === 'number' ? Math.max(resumeAt, match.index + 1) : next;
    match = pattern.exec(text);
  }
}
