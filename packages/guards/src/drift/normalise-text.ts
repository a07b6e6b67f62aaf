const invisible = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;
const singleQuotes = /[\u2018\u2019\u201A\u201B\u02BC]/g;
const doubleQuotes = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;
const spaces = /[\u00A0\u2007\u202F\t\f\v]/g;
const nonAscii = /[\u0080-\uFFFF]/;
const otherSpaces = /[\t\f\v]/;

/** Compatibility-normalised text with plain quotes and spaces; the length of the result is what offsets refer to. */
export function normaliseText(text: string): string {
  if (!nonAscii.test(text) && !otherSpaces.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(singleQuotes, "'")
    .replace(doubleQuotes, '"')
    .replace(spaces, ' ');
}
