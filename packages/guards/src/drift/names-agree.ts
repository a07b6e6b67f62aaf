import type { ScannedEntity } from './scanned-entity.js';

function wordsOf(value: string): string[] {
  return value
    .toLowerCase()
    .split(' ')
    .filter((word) => word !== '');
}

/** Every word of every name the anchor records, lower-cased. */
export function nameWords(names: readonly { readonly value: string }[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of wordsOf(name.value)) words.add(word);
  return words;
}

/**
 * True when a name in the output is one the intent stated: all its words appear among the anchor's
 * name words ("Tom" for "Tom Becker"). A name that starts a sentence may begin with an unknown verb.
 */
export function isKnownName(name: ScannedEntity, anchorWords: ReadonlySet<string>): boolean {
  const words = wordsOf(name.value);
  if (words.every((word) => anchorWords.has(word))) return true;
  return name.qualifier === 'initial' && words.length >= 2 && words.slice(1).every((word) => anchorWords.has(word));
}

/** True when an anchor name still appears in the output, in full or in part. */
export function isNameMentioned(anchorName: string, outputWords: ReadonlySet<string>): boolean {
  return wordsOf(anchorName).some((word) => outputWords.has(word));
}
