import type { DriftChange } from '@dax/core';
import type { AnchorNegation } from './anchor-negation.js';
import {
  clauseBreaks,
  constraintWords,
  isNegatingWord,
  negatingAfterWords,
  overridingWords,
} from './negation-words.js';
import { tokenizeWords } from './tokenize-words.js';
import { hasIrregularStem, wordStem } from './word-stem.js';

const reach = 4;
const overrideReach = 8;
/** An override reaches across "and" ("disable X and Y") but not across punctuation. */
const overrideBreaks = new Set(['.', ',', ';', ':', '(', ')', '!', '?', 'but', 'then']);
const inclusionAfter = new Set(['included', 'too', 'also', 'anyway']);

function isNegatedAt(tokens: readonly string[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - reach); back -= 1) {
    const token = tokens[back] ?? '';
    if (clauseBreaks.has(token)) break;
    if (isNegatingWord(token)) return true;
  }
  for (let ahead = index + 1; ahead <= Math.min(tokens.length - 1, index + 2); ahead += 1) {
    const token = tokens[ahead] ?? '';
    if (negatingAfterWords.has(token)) return true;
    if (clauseBreaks.has(token) && token !== ':') break;
  }
  return false;
}

/** Stems of the output's tokens, computed only for tokens that could match (same first two letters). */
class TokenStems {
  readonly #tokens: readonly string[];
  readonly #stems: (string | undefined)[];
  /** Per token: the stem of an irregular form ("told" → `tell`), null for a regular word, undefined until asked. */
  readonly #irregularStems: (string | null | undefined)[];

  constructor(tokens: readonly string[]) {
    this.#tokens = tokens;
    this.#stems = new Array<string | undefined>(tokens.length);
    this.#irregularStems = new Array<string | null | undefined>(tokens.length);
  }

  matches(index: number, stem: string): boolean {
    const token = this.#tokens[index] ?? '';
    if (token.charCodeAt(0) !== stem.charCodeAt(0) || token.charCodeAt(1) !== stem.charCodeAt(1)) {
      // Only an irregular form ("told" for "tell") can match without sharing the first letters.
      let irregular = this.#irregularStems[index];
      if (irregular === undefined) {
        irregular = hasIrregularStem(token) ? wordStem(token) : null;
        this.#irregularStems[index] = irregular;
      }
      return irregular === stem;
    }
    this.#stems[index] ??= wordStem(token);
    return this.#stems[index] === stem;
  }
}

function verbChange(
  verb: string,
  stem: string,
  expected: string,
  tokens: readonly string[],
  stems: TokenStems,
): DriftChange | undefined {
  let positive = false;
  for (let index = 0; index < tokens.length; index += 1) {
    if (!stems.matches(index, stem)) continue;
    if (isNegatedAt(tokens, index)) return undefined;
    positive = true;
  }
  if (positive) return { kind: 'negation', change: 'changed', expected, found: verb };
  return undefined;
}

/** True when an overriding word is followed, within its clause, by every word of the protected object. */
function isOverridden(objectStems: readonly string[], tokens: readonly string[], stems: TokenStems): boolean {
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    if (inclusionAfter.has(token) && index > 0 && objectStems.some((stem) => stems.matches(index - 1, stem)))
      return true;
    if (!overridingWords.has(token)) continue;
    const pending = new Set(objectStems);
    for (let ahead = index + 1; ahead <= Math.min(tokens.length - 1, index + overrideReach); ahead += 1) {
      const next = tokens[ahead] ?? '';
      if (overrideBreaks.has(next) || constraintWords.has(next)) break;
      for (const stem of pending) if (stems.matches(ahead, stem)) pending.delete(stem);
      if (pending.size === 0) return true;
    }
  }
  return false;
}

/**
 * DA-3 negation check: every negation in the anchor must survive. `not <verb>` is flipped when the
 * verb appears only un-negated; an `except`/`keep` constraint is flipped when its object is included
 * or acted on destructively; any of them is removed when the output has no negating or
 * constraining word at all. `candidate` is the output as normalised by the scan (plain quotes).
 */
export function checkNegations(negations: readonly AnchorNegation[], candidate: string): DriftChange[] {
  if (negations.length === 0) return [];
  const tokens = tokenizeWords(candidate);
  const stems = new TokenStems(tokens);
  const hasConstraint = tokens.some((token) => constraintWords.has(token) || isNegatingWord(token));
  const changes: DriftChange[] = [];
  for (const negation of negations) {
    let change: DriftChange | undefined;
    if (negation.verb !== undefined) {
      change = verbChange(negation.verb, negation.verbStem, negation.value, tokens, stems);
    } else if (negation.objectStems.length > 0 && isOverridden(negation.objectStems, tokens, stems)) {
      change = { kind: 'negation', change: 'changed', expected: negation.value };
    }
    if (change === undefined && !hasConstraint)
      change = { kind: 'negation', change: 'removed', expected: negation.value };
    if (change !== undefined) changes.push(change);
  }
  return changes;
}
