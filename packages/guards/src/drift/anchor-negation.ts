import type { AnchorEntity } from '@dax/core';
import { wordStem } from './word-stem.js';

/** Words that describe the protected object rather than name it ("the tagged invoices"). */
const objectNoise = new Set(['tagged', 'marked', 'labelled', 'labeled', 'named', 'called', 'active', 'old', 'new']);

/** A negation of the anchor, read once for the outputs it is checked against. */
export type AnchorNegation =
  /** `not <verb>`: the verb as stated (lower case) and its stem. */
  | { readonly value: string; readonly verb: string; readonly verbStem: string }
  /** An exception or a "keep": the stems of the protected object's words (none: nothing to override). */
  | { readonly value: string; readonly verb?: undefined; readonly objectStems: readonly string[] };

/** Reads a negation entity (`not send`, `except finance team`, `keep backups`). */
export function readAnchorNegation(negation: AnchorEntity): AnchorNegation {
  const space = negation.value.indexOf(' ');
  const label = space === -1 ? negation.value : negation.value.slice(0, space);
  const rest = space === -1 ? '' : negation.value.slice(space + 1).toLowerCase();
  if (label === 'not') return { value: negation.value, verb: rest, verbStem: wordStem(rest) };
  const objectWords = rest.split(' ').filter((word) => word !== '' && !objectNoise.has(word));
  return { value: negation.value, objectStems: objectWords.map(wordStem) };
}
