/**
 * Letters for pattern classes without the `u` flag (which makes patterns markedly slower):
 * ASCII plus the Latin-1 and Latin Extended ranges. Use inside `[...]`.
 */
export const letterClass = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F`;
