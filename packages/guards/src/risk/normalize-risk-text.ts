const plainAscii = /^[\x20-\x7E\t\n\r]*$/;
const invisible = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;
const singleQuotes = /[\u2018\u2019\u201A\u201B\u02BC\u00B4]/g;
const doubleQuotes = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;
const longDashes = /\s*[\u2013\u2014\u2015]\s*/g;
const spaces = /[ \t\f\v\u00A0]{2,}|[\t\f\v\u00A0]/g;
/** A quoted passage of four or more words: quoted material, not an instruction. */
const quotedPassage = /"(?:[^"\n]*?\s){3,}[^"\n]*?"/g;

/**
 * Canonical form for risk grading: compatibility-normalised, invisible characters removed,
 * typographic quotes and dashes made plain, quoted passages blanked, runs of spaces collapsed.
 * Letter case is kept; clause splitting lower-cases each clause itself.
 */
export function normalizeRiskText(text: string): string {
  let normalized = text;
  if (!plainAscii.test(normalized)) {
    normalized = normalized
      .normalize('NFKC')
      .replace(invisible, '')
      .replace(singleQuotes, "'")
      .replace(doubleQuotes, '"')
      .replace(longDashes, ' - ');
  }
  if (normalized.includes('"')) normalized = normalized.replace(quotedPassage, '"…"');
  return normalized.replace(spaces, ' ').trim();
}
