const quotePairs: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ['\u0060', '\u0060'],
  ['\u201c', '\u201d'],
]);
const trailingPunctuation = new Set(['.', ',', ';', ':']);
/** Where a key=value list continues after the value (`;Database=app`, `&user=bob`). */
const nextPair = /[;&,][ \t]*[A-Za-z_][\w .-]{0,40}=/;
const closingBrackets: ReadonlyMap<string, string> = new Map([
  [')', '('],
  [']', '['],
  ['}', '{'],
  ['>', '<'],
]);

export interface TrimmedValue {
  /** Offset of the secret inside the raw token. */
  readonly offset: number;
  readonly secret: string;
  readonly quoted: boolean;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/**
 * The secret inside a raw token: the inside of matching quotes, or an unquoted run without the
 * sentence punctuation after it (`.,;:` and brackets that close something opened before it) and
 * without the rest of a `key=value;key=value` list.
 */
export function trimPasswordValue(raw: string): TrimmedValue {
  const closing = quotePairs.get(raw.charAt(0));
  if (closing !== undefined && raw.length >= 2 && raw.endsWith(closing)) {
    return { offset: 1, secret: raw.slice(1, -1), quoted: true };
  }
  const pairAt = raw.search(nextPair);
  let end = pairAt > 0 ? pairAt : raw.length;
  while (end > 1) {
    const last = raw.charAt(end - 1);
    const opener = closingBrackets.get(last);
    const body = raw.slice(0, end - 1);
    const closesOutside = opener !== undefined && count(body, opener) <= count(body, last);
    const strayQuote = quotePairs.has(last) && count(body, last) % 2 === 0;
    if (!trailingPunctuation.has(last) && !closesOutside && !strayQuote) break;
    end -= 1;
  }
  return { offset: 0, secret: raw.slice(0, end), quoted: false };
}
