/** Text prepared for injection matching, with a map back to offsets in the original text. */
export interface FoldedText {
  readonly text: string;
  /**
   * `offsets[i]` is the UTF-16 offset in the original of folded code unit `i`, with one extra entry
   * for the end; `undefined` when nothing was removed, so offsets are the same in both.
   */
  readonly offsets: readonly number[] | undefined;
}

/** The original offset of a folded offset (`end` may equal the folded length). */
export function originalOffset(folded: FoldedText, index: number): number {
  return folded.offsets === undefined ? index : (folded.offsets[index] ?? folded.offsets.length - 1);
}

/** Characters that hide inside words to break matching: zero-width spaces and joiners, soft hyphens, BOM. */
const invisible = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/;
/** Unusual spaces folded to a plain space. */
const unusualSpace = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/** Look-alike letters (Cyrillic, Greek) folded to the Latin letter they imitate. */
const lookAlikes: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I',
  ο: 'o', α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X',
  '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"', '\u2010': '-', '\u2011': '-', '\u2013': '-', '\u2014': '-',
};

const fullWidthStart = 0xff01;
const fullWidthEnd = 0xff5e;
const fullWidthOffset = 0xfee0;
const plainAscii = /^[\x20-\x7E\t\n\r]*$/;

/**
 * Removes invisible characters and folds full-width forms, look-alike letters and typographic
 * punctuation to plain ASCII, one code unit for one code unit, keeping a map to the original
 * offsets so matches can be reported against the text as given.
 */
export function foldForMatching(original: string): FoldedText {
  if (plainAscii.test(original)) return { text: original, offsets: undefined };
  let text = '';
  const offsets: number[] = [];
  for (let index = 0; index < original.length; index += 1) {
    const character = original.charAt(index);
    if (invisible.test(character)) continue;
    const code = character.charCodeAt(0);
    let folded = character;
    if (code >= fullWidthStart && code <= fullWidthEnd) folded = String.fromCharCode(code - fullWidthOffset);
    else if (unusualSpace.test(character)) folded = ' ';
    else folded = lookAlikes[character] ?? character;
    text += folded;
    offsets.push(index);
  }
  offsets.push(original.length);
  return { text, offsets };
}
